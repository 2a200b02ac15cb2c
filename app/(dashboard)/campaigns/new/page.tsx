import type { Metadata } from "next";
import { CampaignBuilder } from "@/components/campaigns/campaign-builder";
import { PageHeader } from "@/components/ui/card";
import { guardPage } from "@/lib/auth/guard";
import { builderChoices } from "@/lib/campaigns/queries";
import { emptyCampaign } from "@/lib/campaigns/schemas";
import { workspaceRules } from "@/lib/workspace/service";

export const metadata: Metadata = { title: "New campaign" };

export default async function NewCampaignPage() {
  const user = await guardPage("campaigns.edit");
  return (
    <>
      <PageHeader
        title="New campaign"
        description="Compose it here; the next page checks who gets it, what it costs and shows it as three recipients will read it, before anything is sent."
      />
      <CampaignBuilder
        initial={emptyCampaign((await workspaceRules(user.workspaceId)).quietHours)}
        choices={await builderChoices(user.workspaceId)}
      />
    </>
  );
}
