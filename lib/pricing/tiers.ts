// Meta's volume tiers as its account_update webhook announces them (VOLUME_BASED_PRICING_TIER_UPDATE, from
// 1 October 2025): `volume_tier_info` = { effective_month "2025-11", pricing_category "UTILITY", region
// "INDIA", tier "25000001:50000000", tier_update_time 1743451903 }. Pure: reading the announcement, and the
// place in the month a message has at least once Meta has said the tier was reached.
import { volumeTierInfoSchema } from "@/lib/whatsapp/schemas";
import { callingCodeOfCountry, KNOWN_MARKETS, marketOfCountry, type CardCategory, cardCategoryOf } from "./rates";

export type TierAnnouncement = {
  /** YYYY-MM-01 */
  month: string;
  market: string;
  /** Whether Parley knows the market (else `market` is Meta's region as sent). */
  knownMarket: boolean;
  category: CardCategory;
  fromVolume: number;
  toVolume: number | null;
  tier: string;
  reachedAt: Date;
};

const words = (s: string) =>
  s
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/** The rate-card market Meta's region names ("INDIA", "REST_OF_AFRICA", "Rest of Africa", or a country "IN"), or null. */
export function marketOfRegion(region: string): string | null {
  const wanted = words(region);
  const named = KNOWN_MARKETS.find((m) => words(m) === wanted);
  if (named) return named;
  return /^[A-Za-z]{2}$/.test(region.trim()) && callingCodeOfCountry(region.trim())
    ? marketOfCountry(region.trim())
    : null;
}

/**
 * A tier as Meta writes it, "first:last" messages of the month ("25000001:50000000"; the top tier with no
 * last, or -1): the messages before it (fromVolume) and its last message (null: no end). null when unreadable.
 */
export function parseTier(tier: string): { fromVolume: number; toVolume: number | null } | null {
  const match = /^\s*(\d+)\s*[:\-–]\s*(\d+|-1|)\s*$/.exec(tier) ?? /^\s*(\d+)\s*\+?\s*$/.exec(tier);
  if (!match) return null;
  const first = Number(match[1]);
  const last = match[2] && match[2] !== "-1" ? Number(match[2]) : null;
  if (!Number.isSafeInteger(first) || first > 2_000_000_000 || (last !== null && (last < first || last > 2 ** 31 - 1)))
    return null;
  return { fromVolume: Math.max(0, first - 1), toVolume: last };
}

/** The announcement in Parley's terms, or null with the reason when it cannot be used. */
export function readTierInfo(
  raw: unknown,
  at: Date,
): { ok: true; announcement: TierAnnouncement } | { ok: false; reason: string } {
  if (raw === undefined || raw === null) return { ok: false, reason: "no volume_tier_info" };
  const parsed = volumeTierInfoSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return {
      ok: false,
      reason: `malformed volume_tier_info (${issue.path.map(String).join(".") || "value"}: ${issue.message})`,
    };
  }
  const info = parsed.data;
  const category = cardCategoryOf(info.pricing_category);
  if (!category) return { ok: false, reason: `unknown pricing_category ${info.pricing_category}` };
  const range = parseTier(info.tier);
  if (!range) return { ok: false, reason: `unreadable tier ${info.tier}` };
  const seconds = Number(info.tier_update_time);
  const reachedAt = Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000) : at;
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(info.effective_month ?? "")
    ? `${info.effective_month}-01`
    : `${reachedAt.toISOString().slice(0, 7)}-01`;
  const known = marketOfRegion(info.region);
  return {
    ok: true,
    announcement: {
      month,
      market: known ?? info.region,
      knownMarket: known !== null,
      category,
      ...range,
      tier: info.tier,
      reachedAt,
    },
  };
}

export type KnownTier = { month: string; market: string; category: string; fromVolume: number; reachedAt: Date };

/**
 * The lowest place in its month a message at `at` has, given Meta's announcements: past the start of the highest
 * tier Meta said was reached by then in that month, market and category (Meta counts across the business, so
 * its count can run ahead of Parley's). 1 when Meta has said nothing.
 */
export function tierFloor(tiers: KnownTier[], market: string, category: string, at: Date): number {
  const month = `${at.toISOString().slice(0, 7)}-01`;
  let floor = 1;
  for (const t of tiers)
    if (t.month === month && t.market === market && t.category === category && t.reachedAt <= at)
      floor = Math.max(floor, t.fromVolume + 1);
  return floor;
}
