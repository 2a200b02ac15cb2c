import { SearchX } from "lucide-react";
import Link from "next/link";
import { StatusPage } from "@/components/errors/status-page";
import { buttonVariants } from "@/components/ui/button";

/**
 * An id that names nothing in this workspace (lib/not-found.ts): shown inside the shell, so the navigation
 * is still there to go on from.
 */
export default function DashboardNotFound() {
  return (
    <StatusPage
      icon={SearchX}
      title="Page not found"
      actions={
        <Link href="/" className={buttonVariants()}>
          Back to your dashboard
        </Link>
      }
    >
      <p>
        Nothing in this workspace is at this address. It may have been deleted, or the link may belong to another
        workspace.
      </p>
    </StatusPage>
  );
}
