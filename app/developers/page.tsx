import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ApiReference } from "@/components/api-keys/api-reference";
import { BrandMark } from "@/components/ui/brand-mark";
import { API_PREFIX } from "@/lib/api/operation";
import { guardPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("developers");
  return { title: t("title") };
}

/**
 * Any member may read the reference; only admins make keys (Settings → API). A page of its own, outside the
 * dashboard's shell: Scalar renders its own <main>, which inside the shell's was a second main landmark. Parley's
 * part, with the way back that the shell's navigation gave, is a region named by the page's heading rather than
 * a <header>: on narrow screens Scalar shows a <header> of its own (its menu bar), and a page has one banner.
 * An address under /developers that names no page is the root 404.
 */
export default async function DevelopersPage() {
  const user = await guardPage();
  const t = await getTranslations("developers");
  const admin = can(user.role, "settings.manage");
  return (
    <div className="min-h-screen bg-white">
      <section aria-labelledby="developers-title" className="border-b border-line bg-canvas">
        <div className="mx-auto max-w-7xl px-4 py-4 sm:px-6 sm:py-6">
          <div className="flex flex-wrap items-center justify-between gap-x-6 gap-y-2">
            <Link
              href="/home"
              className="inline-flex items-center gap-2 rounded-md text-sm font-medium text-gray-700 hover:text-brand-700"
            >
              <ArrowLeft className="size-4" aria-hidden />
              <BrandMark small />
              {t("backToParley")}
            </Link>
            {admin && (
              <Link href="/settings/api" className="text-sm font-medium text-brand-700 underline">
                {t("manageKeys")}
              </Link>
            )}
          </div>
          <h1 id="developers-title" className="mt-4 text-2xl font-semibold tracking-tight sm:mt-6">
            {t("title")}
          </h1>
          <p className="mt-1 max-w-2xl text-sm break-words text-muted">
            {t("description", { url: `${API_PREFIX}/openapi.json` })}
          </p>
          {!admin && <p className="mt-2 text-sm text-muted">{t("askAdmin")}</p>}
        </div>
      </section>
      <ApiReference />
    </div>
  );
}
