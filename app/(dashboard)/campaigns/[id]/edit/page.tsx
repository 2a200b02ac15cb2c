import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CampaignBuilder } from "@/components/campaigns/campaign-builder";
import { PageHeader } from "@/components/ui/card";
import { guardPage } from "@/lib/auth/guard";
import { builderChoices, campaignFormValues, getCampaign } from "@/lib/campaigns/queries";
import { orNotFound, pageId } from "@/lib/not-found";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("campaigns.edit");
  return { title: t("metaTitle") };
}

export default async function EditCampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await guardPage("campaigns.edit");
  const id = pageId((await params).id);
  const campaign = await orNotFound(getCampaign(user.workspaceId, id));
  if (campaign.status !== "DRAFT") redirect(`/campaigns/${id}`);
  const [t, initial, choices] = await Promise.all([
    getTranslations("campaigns.edit"),
    campaignFormValues(user.workspaceId, id),
    builderChoices(user.workspaceId),
  ]);
  return (
    <>
      <PageHeader title={t("title", { name: campaign.name })} description={t("description")} />
      <CampaignBuilder id={id} initial={initial} choices={choices} />
    </>
  );
}
