import { SearchX } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/errors/status-page";
import { buttonVariants } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("errors.notFoundPage");
  return { title: t("title") };
}

/** Any address that names no page, and notFound() outside the dashboard and sign-in segments. */
export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <StatusPage
      standalone
      icon={SearchX}
      title={t("notFoundPage.title")}
      actions={
        <Link href="/" className={buttonVariants()}>
          {t("page.backToDashboard")}
        </Link>
      }
    >
      <p>{t("notFoundPage.body")}</p>
    </StatusPage>
  );
}
