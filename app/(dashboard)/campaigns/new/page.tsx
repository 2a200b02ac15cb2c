import type { Metadata } from "next";
import { CampaignBuilder, EMPTY_CAMPAIGN } from "@/components/campaigns/campaign-builder";
import { PageHeader } from "@/components/ui/card";
import { guardPage } from "@/lib/auth/guard";
import { builderChoices } from "@/lib/campaigns/queries";
import { workspaceRules } from "@/lib/workspace/service";

export const metadata: Metadata = { title: "New campaign" };

export default async function NewCampaignPage() {
  const user = await guardPage("campaigns.edit");
  return (
    <>
      <PageHeader title="New campaign" description="Compose it here; the next page checks who gets it, what it costs and shows it as three recipients will read it, before anything is sent." />
      <CampaignBuilder initial={{ ...EMPTY_CAMPAIGN, quietHours: (await workspaceRules(user.workspaceId)).quietHours }} choices={await builderChoices(user.workspaceId)} />
    </>
  );
}
