"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { messageKey } from "@/lib/i18n/message-key";
import { drillDownSchema, retargetSegment } from "@/lib/campaigns/recipients";
import { campaignIdSchema, campaignInputSchema } from "@/lib/campaigns/schemas";
import {
  approveCampaign,
  cancelCampaign,
  deleteDraft,
  launchCampaign,
  pauseCampaign,
  rejectCampaign,
  resumeCampaign,
  saveCampaign,
} from "@/lib/campaigns/service";

function refresh(id?: string) {
  revalidatePath("/campaigns");
  if (id) revalidatePath(`/campaigns/${id}`);
}

export const saveCampaignAction = action(
  "campaigns.edit",
  z.object({ id: z.string().optional(), campaign: campaignInputSchema }),
  async ({ id, campaign }, user) => {
    const saved = await saveCampaign(user, campaign, id);
    refresh(saved.id);
    return saved;
  },
);

export const launchCampaignAction = action("campaigns.edit", campaignIdSchema, async ({ id }, user) => {
  const result = await launchCampaign(user, id);
  refresh(id);
  return result;
});

export const approveCampaignAction = action("campaigns.approve", campaignIdSchema, async ({ id }, user) => {
  await approveCampaign(user, id);
  refresh(id);
});

export const rejectCampaignAction = action(
  "campaigns.approve",
  campaignIdSchema.extend({ reason: z.string().trim().min(1, messageKey("campaigns.errors.sendBackReason")).max(500) }),
  async ({ id, reason }, user) => {
    await rejectCampaign(user, id, reason);
    refresh(id);
  },
);

export const pauseCampaignAction = action("campaigns.edit", campaignIdSchema, async ({ id }, user) => {
  await pauseCampaign(user, id);
  refresh(id);
});

export const resumeCampaignAction = action("campaigns.edit", campaignIdSchema, async ({ id }, user) => {
  await resumeCampaign(user, id);
  refresh(id);
});

export const cancelCampaignAction = action("campaigns.edit", campaignIdSchema, async ({ id }, user) => {
  await cancelCampaign(user, id);
  refresh(id);
});

export const deleteCampaignAction = action("campaigns.edit", campaignIdSchema, async ({ id }, user) => {
  await deleteDraft(user, id);
  refresh();
});

/**
 * A segment of the people at a stage (for a follow-up campaign): segments are the audience editors'.
 * `stageName` is the stage as the person read it on screen, so the segment is named in their language.
 */
export const retargetAction = action(
  "contacts.edit",
  campaignIdSchema.extend({ stage: drillDownSchema.shape.stage, stageName: z.string().trim().min(1).max(60) }),
  async ({ id, stage, stageName }, user) => {
    const segment = await retargetSegment(user.workspaceId, user.userId, id, stage, stageName);
    revalidatePath("/audiences/segments");
    return segment;
  },
);
