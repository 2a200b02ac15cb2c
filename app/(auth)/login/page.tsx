import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { getCurrentUser } from "@/lib/auth/guard";
import { homeFor } from "@/lib/auth/permissions";
import { safeCallbackPath } from "@/lib/auth/redirect";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  const user = await getCurrentUser();
  if (user) redirect(homeFor(user.role));
  const { callbackUrl } = await searchParams;
  const next = safeCallbackPath(callbackUrl);
  return (
    <main className="grid min-h-screen lg:grid-cols-2">
      <section className="hidden flex-col justify-between bg-brand-900 p-12 text-white lg:flex">
        <p className="text-xl font-semibold tracking-tight">Parley</p>
        <div>
          <h2 className="text-3xl leading-tight font-semibold">WhatsApp campaigns your customers asked for.</h2>
          <p className="mt-4 max-w-md text-brand-100">
            Rich templates, consent that is never violated, sending that never duplicates a message, and reports a
            marketer can act on.
          </p>
        </div>
        <p className="text-sm text-brand-100">Self-hosted · Open source · Meta WhatsApp Cloud API</p>
      </section>
      <section className="flex items-center justify-center px-6 py-12">
        <div className="w-full max-w-sm">
          <h1 className="text-2xl font-semibold tracking-tight">Sign in to Parley</h1>
          <p className="mt-1 mb-8 text-sm text-muted">Use the email and password your workspace admin gave you.</p>
          <LoginForm callbackUrl={next} />
        </div>
      </section>
    </main>
  );
}
