// The volume tiers Meta announced (account_update VOLUME_BASED_PRICING_TIER_UPDATE), kept per account, month,
// market and category: webhook processing stores them, pricing reads them (lib/pricing/costs.ts), the pricing
// settings page shows this month's.
import "server-only";
import { db, type Prisma } from "@/lib/db/client";
import { logger } from "@/lib/logger";
import { readTierInfo, type KnownTier } from "./tiers";

type Client = Prisma.TransactionClient | typeof db;

/**
 * Stores one announcement (inside the webhook transaction). A repeated or late delivery changes nothing: each
 * tier of a month is kept once, with the earliest time Meta said it was reached. An announcement Parley cannot
 * read is logged and passed over (Meta's payload is reference-documented by partners only; it will not get
 * better by retrying).
 */
export async function applyVolumeTier(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  wabaId: string,
  info: unknown,
  at: Date,
) {
  const read = readTierInfo(info, at);
  if (!read.ok) {
    logger.warn("volume tier update passed over", { workspaceId, wabaId, reason: read.reason });
    return;
  }
  const a = read.announcement;
  const month = new Date(`${a.month}T00:00:00Z`);
  await tx.$executeRaw`
    INSERT INTO "PricingTier" ("workspaceId", "wabaId", month, market, category, "fromVolume", "toVolume", tier, "reachedAt")
    VALUES (${workspaceId}, ${wabaId}, ${month}::date, ${a.market}, ${a.category}, ${a.fromVolume}, ${a.toVolume}, ${a.tier}, ${a.reachedAt})
    ON CONFLICT ("workspaceId", "wabaId", month, market, category, "fromVolume")
    DO UPDATE SET "reachedAt" = LEAST("PricingTier"."reachedAt", EXCLUDED."reachedAt")`;
}

/** The tiers Meta announced for a workspace in the months of these instants (any of its accounts). */
export async function loadTiers(workspaceId: string, at: Date[], client: Client = db): Promise<KnownTier[]> {
  const months = [...new Set(at.map((d) => `${d.toISOString().slice(0, 7)}-01`))];
  if (months.length === 0) return [];
  const rows = await client.pricingTier.findMany({
    where: { workspaceId, month: { in: months.map((m) => new Date(`${m}T00:00:00Z`)) } },
    select: { month: true, market: true, category: true, fromVolume: true, reachedAt: true },
  });
  return rows.map((r) => ({ ...r, month: r.month.toISOString().slice(0, 10) }));
}

/** The billable messages Parley has priced this month per "market|category" where the card has tiers (PricingVolume). */
export async function monthVolumes(workspaceId: string, now = new Date(), client: Client = db) {
  const rows = await client.pricingVolume.findMany({
    where: { workspaceId, month: new Date(`${now.toISOString().slice(0, 7)}-01T00:00:00Z`) },
    select: { market: true, category: true, count: true },
  });
  return new Map(rows.map((r) => [`${r.market}|${r.category}`, r.count]));
}

export type CurrentTier = {
  market: string;
  category: string;
  fromVolume: number;
  toVolume: number | null;
  reachedAt: Date;
};

/** This month's tier per market and category (the highest Meta announced), for the pricing settings page. */
export async function currentTiers(workspaceId: string, now = new Date()): Promise<CurrentTier[]> {
  const month = new Date(`${now.toISOString().slice(0, 7)}-01T00:00:00Z`);
  const rows = await db.pricingTier.findMany({
    where: { workspaceId, month, reachedAt: { lte: now } },
    orderBy: [{ market: "asc" }, { category: "asc" }, { fromVolume: "desc" }],
    select: { market: true, category: true, fromVolume: true, toVolume: true, reachedAt: true },
  });
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = `${r.market}|${r.category}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
