import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CampaignBuilder } from "@/components/campaigns/campaign-builder";
import { PageHeader } from "@/components/ui/card";
import { guardPage } from "@/lib/auth/guard";
import { builderChoices } from "@/lib/campaigns/queries";
import { emptyCampaign } from "@/lib/campaigns/schemas";
import { workspaceRules } from "@/lib/workspace/service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("campaigns.new");
  return { title: t("metaTitle") };
}

export default async function NewCampaignPage() {
  const user = await guardPage("campaigns.edit");
  const t = await getTranslations("campaigns.new");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <CampaignBuilder
        initial={emptyCampaign((await workspaceRules(user.workspaceId)).quietHours)}
        choices={await builderChoices(user.workspaceId)}
      />
    </>
  );
}
