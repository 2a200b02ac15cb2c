import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/card";
import { WorkspaceRulesForm } from "@/components/workspace/workspace-rules-form";
import { guardPage } from "@/lib/auth/guard";
import { requestPreferences } from "@/lib/i18n/server";
import { timeZoneChoices } from "@/lib/i18n/time-zones";
import { workspaceRules } from "@/lib/workspace/service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.workspace");
  return { title: t("title") };
}

export default async function WorkspaceSettingsPage() {
  const user = await guardPage("settings.manage");
  const [rules, t, { locale }] = await Promise.all([
    workspaceRules(user.workspaceId),
    getTranslations("settings.workspace"),
    requestPreferences(),
  ]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <WorkspaceRulesForm defaults={rules} timeZones={timeZoneChoices(locale, rules.timeZone)} />
    </>
  );
}
