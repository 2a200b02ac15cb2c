import { SearchX } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/errors/status-page";
import { buttonVariants } from "@/components/ui/button";

/**
 * An id that names nothing in this workspace (lib/not-found.ts): shown inside the shell, so the navigation
 * is still there to go on from.
 */
export default async function DashboardNotFound() {
  const t = await getTranslations("errors");
  return (
    <StatusPage
      icon={SearchX}
      title={t("notFoundPage.title")}
      actions={
        <Link href="/" className={buttonVariants()}>
          {t("page.backToDashboard")}
        </Link>
      }
    >
      <p>{t("notFoundPage.bodyWorkspace")}</p>
    </StatusPage>
  );
}
