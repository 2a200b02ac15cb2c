import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ApiReference } from "@/components/api-keys/api-reference";
import { PageHeader } from "@/components/ui/card";
import { API_PREFIX } from "@/lib/api/operation";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("developers");
  return { title: t("title") };
}

/** Any member may read the reference; only admins make keys (Settings → API). */
export default async function DevelopersPage() {
  const user = await guardPage();
  const t = await getTranslations("developers");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { url: `${API_PREFIX}/openapi.json` })}
        actions={
          can(user.role, "settings.manage") ? (
            <Link href="/settings/api" className="text-sm font-medium text-brand-700 underline">
              {t("manageKeys")}
            </Link>
          ) : undefined
        }
      />
      {!can(user.role, "settings.manage") && <p className="mb-4 text-sm text-muted">{t("askAdmin")}</p>}
      <ApiReference />
    </>
  );
}
