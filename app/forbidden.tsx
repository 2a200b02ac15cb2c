import Link from "next/link";
import { ShieldAlert } from "lucide-react";

export default function Forbidden() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-6 text-center">
      <ShieldAlert className="size-10 text-amber-600" aria-hidden />
      <h1 className="mt-4 text-2xl font-semibold">You don&apos;t have access to this page</h1>
      <p className="mt-2 max-w-md text-sm text-muted">
        Your role in this workspace does not include it. If you need it, ask a workspace admin to change your role.
      </p>
      <Link href="/" className="mt-6 text-sm font-medium text-brand-700 underline">
        Back to your dashboard
      </Link>
    </main>
  );
}
