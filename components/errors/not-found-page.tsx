// What every dashboard not-found boundary shows (app/(dashboard)/not-found.tsx and each section's): inside the
// shell, so the navigation is still there. A section's boundary names what was not found and leads back to
// the section first, then to the dashboard.
import { SearchX } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonVariants } from "@/components/ui/button";
import { SECTION_PATHS, type Section } from "./sections";
import { StatusPage } from "./status-page";

export async function NotFoundPage({ section }: { section?: Section }) {
  const t = await getTranslations("errors");
  return (
    <StatusPage
      icon={SearchX}
      title={section ? t(`sections.${section}.notFound`) : t("notFoundPage.title")}
      actions={
        <>
          {section && (
            <Link href={SECTION_PATHS[section]} className={buttonVariants()}>
              {t(`sections.${section}.back`)}
            </Link>
          )}
          {/* Home is where the dashboard link leads already. */}
          {section !== "home" && (
            <Link href="/" className={buttonVariants({ variant: section ? "secondary" : "primary" })}>
              {t("page.backToDashboard")}
            </Link>
          )}
        </>
      }
    >
      <p>{t("notFoundPage.bodyWorkspace")}</p>
    </StatusPage>
  );
}
