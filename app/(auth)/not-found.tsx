import { SearchX } from "lucide-react";
import Link from "next/link";
import { StatusPage } from "@/components/errors/status-page";
import { buttonVariants } from "@/components/ui/button";

export default function AuthNotFound() {
  return (
    <StatusPage
      standalone
      icon={SearchX}
      title="Page not found"
      actions={
        <Link href="/login" className={buttonVariants()}>
          Go to sign in
        </Link>
      }
    >
      <p>There is nothing at this address. Sign in to reach your workspace.</p>
    </StatusPage>
  );
}
