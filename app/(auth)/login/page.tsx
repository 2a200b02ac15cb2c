import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LanguagePicker } from "@/components/auth/language-picker";
import { LoginForm } from "@/components/auth/login-form";
import { getCurrentUser } from "@/lib/auth/guard";
import { homeFor } from "@/lib/auth/permissions";
import { safeCallbackPath } from "@/lib/auth/redirect";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("title") };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  const user = await getCurrentUser();
  if (user) redirect(homeFor(user.role));
  const { callbackUrl } = await searchParams;
  const next = safeCallbackPath(callbackUrl);
  const t = await getTranslations("auth");
  return (
    <main className="grid min-h-screen lg:grid-cols-2">
      <section className="hidden flex-col justify-between bg-brand-900 p-12 text-white lg:flex">
        <p className="text-xl font-semibold tracking-tight">Parley</p>
        <div>
          <h2 className="text-3xl leading-tight font-semibold">{t("pitch.title")}</h2>
          <p className="mt-4 max-w-md text-brand-100">{t("pitch.body")}</p>
        </div>
        <p className="text-sm text-brand-100">{t("pitch.footer")}</p>
      </section>
      <section className="flex flex-col px-6 py-6">
        <div className="m-auto w-full max-w-sm py-6">
          <h1 className="text-2xl font-semibold tracking-tight">{t("heading")}</h1>
          <p className="mt-1 mb-8 text-sm text-muted">{t("intro")}</p>
          <LoginForm callbackUrl={next} />
        </div>
        {/* After the form: the first Tab still reaches the email field. */}
        <LanguagePicker />
      </section>
    </main>
  );
}
