// A campaign's estimated cost, priced with the workspace's rate card in effect now (lib/pricing): markets are
// found by the recipients' calling codes. Where the card has volume tiers for a market, the campaign continues
// this month's count: from the tier Meta announced (lib/pricing/volume-tiers), or past the messages Parley has
// priced this month if that is further; elsewhere the base rate.
import "server-only";
import { cardInEffect } from "@/lib/pricing/cards";
import { estimateWithCard, SHIPPED_CARDS } from "@/lib/pricing/rates";
import { tierFloor } from "@/lib/pricing/tiers";
import { monthVolumes, loadTiers } from "@/lib/pricing/volume-tiers";

export type PriceCategory = "MARKETING" | "UTILITY" | "AUTHENTICATION";
export type { CostLine } from "@/lib/pricing/rates";

/** Cost per market for counts of recipients keyed by a prefix of their number (at least 4 digits after +). */
export async function estimateCost(
  workspaceId: string,
  countsByPrefix: { prefix: string; count: number }[],
  category: PriceCategory,
  now = new Date(),
) {
  const card = await cardInEffect(workspaceId, now);
  const [tiers, counted] = await Promise.all([loadTiers(workspaceId, [now]), monthVolumes(workspaceId, now)]);
  const nextOrdinal = (market: string) =>
    Math.max((counted.get(`${market}|${category}`) ?? 0) + 1, tierFloor(tiers, market, category, now));
  return {
    currency: card?.currency ?? SHIPPED_CARDS[0]!.currency,
    ...estimateWithCard(countsByPrefix, category, card, nextOrdinal),
  };
}
