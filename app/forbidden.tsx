import Link from "next/link";
import { ShieldAlert } from "lucide-react";
import { getTranslations } from "next-intl/server";

export default async function Forbidden() {
  const t = await getTranslations("errors");
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-6 text-center">
      <ShieldAlert className="size-10 text-amber-600" aria-hidden />
      <h1 className="mt-4 text-2xl font-semibold">{t("forbiddenPage.title")}</h1>
      <p className="mt-2 max-w-md text-sm text-muted">{t("forbiddenPage.body")}</p>
      <Link href="/" className="mt-6 text-sm font-medium text-brand-700 underline">
        {t("page.backToDashboard")}
      </Link>
    </main>
  );
}
