import { SearchX } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { StatusPage } from "@/components/errors/status-page";
import { buttonVariants } from "@/components/ui/button";

export const metadata: Metadata = { title: "Page not found" };

/** Any address that names no page, and notFound() outside the dashboard and sign-in segments. */
export default function NotFound() {
  return (
    <StatusPage
      standalone
      icon={SearchX}
      title="Page not found"
      actions={
        <Link href="/" className={buttonVariants()}>
          Back to your dashboard
        </Link>
      }
    >
      <p>There is nothing at this address. Check the link, or start again from your dashboard.</p>
    </StatusPage>
  );
}
