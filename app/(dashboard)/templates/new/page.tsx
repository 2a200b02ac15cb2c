import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/card";
import { TemplateBuilder } from "@/components/templates/template-builder";
import { guardPage } from "@/lib/auth/guard";
import { trackedLinkBase } from "@/lib/campaigns/links";
import { flowChoices } from "@/lib/flows/queries";
import { EMPTY_TEMPLATE } from "@/lib/templates/schemas";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("templates.new");
  return { title: t("metaTitle") };
}

export default async function NewTemplatePage() {
  const user = await guardPage("templates.edit");
  const [t, flows] = await Promise.all([getTranslations("templates.new"), flowChoices(user.workspaceId)]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <TemplateBuilder initial={EMPTY_TEMPLATE} canEdit trackedLinkBase={trackedLinkBase()} flows={flows} />
    </>
  );
}
