// Meta's quality rating and messaging limit tier of a phone number, as codes a screen can put into words
// (settings.whatsapp.quality.* and settings.whatsapp.tier.*): the raw values (GREEN, TIER_10K) never reach people.

export const QUALITY_RATINGS = ["GREEN", "YELLOW", "RED", "FLAGGED", "UNKNOWN"] as const;
export type QualityRating = (typeof QUALITY_RATINGS)[number];

/** Meta's rating, or UNKNOWN for none yet, "NA" and any value Meta adds later. */
export function qualityRating(raw: string | null | undefined): QualityRating {
  return (QUALITY_RATINGS as readonly string[]).includes(raw ?? "") ? (raw as QualityRating) : "UNKNOWN";
}

/**
 * How many people a number may start conversations with in 24 hours: a count for TIER_250, TIER_1K, TIER_10K...,
 * "unlimited" for TIER_UNLIMITED, null when Meta has not said (or says something unknown).
 */
export function messagingTier(raw: string | null | undefined): number | "unlimited" | null {
  if (raw === "TIER_UNLIMITED") return "unlimited";
  const match = /^TIER_(\d+)(K?)$/.exec(raw ?? "");
  return match ? Number(match[1]) * (match[2] ? 1000 : 1) : null;
}
