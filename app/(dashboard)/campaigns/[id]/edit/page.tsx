import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CampaignBuilder } from "@/components/campaigns/campaign-builder";
import { PageHeader } from "@/components/ui/card";
import { guardPage } from "@/lib/auth/guard";
import { builderChoices, campaignFormValues, getCampaign } from "@/lib/campaigns/queries";
import { orNotFound, pageId } from "@/lib/not-found";

export const metadata: Metadata = { title: "Edit campaign" };

export default async function EditCampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await guardPage("campaigns.edit");
  const id = pageId((await params).id);
  const campaign = await orNotFound(getCampaign(user.workspaceId, id));
  if (campaign.status !== "DRAFT") redirect(`/campaigns/${id}`);
  const [initial, choices] = await Promise.all([
    campaignFormValues(user.workspaceId, id),
    builderChoices(user.workspaceId),
  ]);
  return (
    <>
      <PageHeader
        title={`Edit ${campaign.name}`}
        description="Only drafts change; a launched campaign keeps what it was sent with."
      />
      <CampaignBuilder id={id} initial={initial} choices={choices} />
    </>
  );
}
