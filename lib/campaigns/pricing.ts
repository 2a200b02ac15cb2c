// A campaign's estimated cost, priced with the workspace's rate card in effect now (lib/pricing): markets are
// found by the recipients' calling codes; volume tiers are left out (an estimate at the base rate).
import "server-only";
import { cardInEffect } from "@/lib/pricing/cards";
import { estimateWithCard, SHIPPED_CARDS } from "@/lib/pricing/rates";

export type PriceCategory = "MARKETING" | "UTILITY" | "AUTHENTICATION";
export type { CostLine } from "@/lib/pricing/rates";

/** Cost per market for counts of recipients keyed by a prefix of their number (at least 4 digits after +). */
export async function estimateCost(
  workspaceId: string,
  countsByPrefix: { prefix: string; count: number }[],
  category: PriceCategory,
) {
  const card = await cardInEffect(workspaceId);
  return {
    currency: card?.currency ?? SHIPPED_CARDS[0]!.currency,
    ...estimateWithCard(countsByPrefix, category, card),
  };
}
