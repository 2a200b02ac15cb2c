// Meta's own bill: the nightly job reads each WABA's pricing_analytics (daily buckets per country, category and
// type) and stores it beside Parley's estimate, so the analytics page can show where the two differ.
// Meta's figures for a day only grow while its data settles, so each run rewrites the last days it returned.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { defineJob, sendJob } from "@/lib/jobs/engine";
import { logger } from "@/lib/logger";
import { clientFor } from "@/lib/whatsapp/accounts";

/** The nightly cron: one read per connected account, each its own job (one failing is retried alone). */
export const metaBillsJob = defineJob("pricing.meta_bills", z.object({}), { retryLimit: 2, timeoutSeconds: 5 * 60 });
/** One account's read (the workspace is the job's). */
export const metaBillJob = defineJob(
  "pricing.meta_bill",
  z.object({ days: z.number().int().min(1).max(90).optional() }),
  { retryLimit: 4, timeoutSeconds: 5 * 60 },
);

/** Days read back each night: Meta's figures for a day can still change for a while after it. */
export const META_BILL_DAYS = 7;

const DAY_MS = 86_400_000;
const utcMidnight = (at: Date) => new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);

/** Fetches and stores Meta's figures for the `days` UTC days up to now (today's so far included). */
export async function syncMetaBill(
  workspaceId: string,
  options: { days?: number; now?: Date; maxPages?: number } = {},
) {
  const client = await clientFor(workspaceId);
  if (!client) return { rows: 0, truncated: false };
  const now = options.now ?? new Date();
  const start = new Date(utcMidnight(now).getTime() - ((options.days ?? META_BILL_DAYS) - 1) * DAY_MS);
  // Whole UTC days: up to the end of today, so what was delivered in the last second counts too.
  const answer = await client.getPricingAnalytics(
    { start, end: new Date(utcMidnight(now).getTime() + DAY_MS) },
    { maxPages: options.maxPages },
  );
  // Half a bill would show differences that are not there: an answer longer than the page bound stores nothing.
  if (answer.truncated) {
    logger.error(
      "pricing_analytics was not read to its end (more pages than Parley reads, or a next page it cannot follow); Meta's bill was not stored",
      { workspaceId },
    );
    return { rows: 0, truncated: true };
  }
  // One row per day, country, category and type (Meta may split a bucket further, by tier).
  const rows = new Map<
    string,
    { day: string; country: string; category: string; pricingType: string; volume: number; costMicros: number }
  >();
  for (const point of (answer.pricing_analytics?.data ?? []).flatMap((d) => d.data_points)) {
    const row = {
      day: utcMidnight(new Date(point.start * 1000))
        .toISOString()
        .slice(0, 10),
      country: (point.country ?? "").toUpperCase(),
      category: (point.pricing_category ?? "unknown").toLowerCase(),
      pricingType: (point.pricing_type ?? "regular").toLowerCase(),
    };
    const key = [row.day, row.country, row.category, row.pricingType].join("|");
    const seen = rows.get(key) ?? { ...row, volume: 0, costMicros: 0 };
    seen.volume += point.volume;
    seen.costMicros += Math.round(point.cost * 1e6);
    rows.set(key, seen);
  }
  const list = [...rows.values()];
  await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(
      `INSERT INTO "MetaPricingDay" ("workspaceId", day, country, category, "pricingType", volume, "costMicros", "fetchedAt")
       SELECT $1, t.day, t.country, t.category, t.type, t.volume, t.cost, now()
       FROM unnest($2::date[], $3::text[], $4::text[], $5::text[], $6::int[], $7::bigint[]) AS t(day, country, category, type, volume, cost)
       ON CONFLICT ("workspaceId", day, country, category, "pricingType")
       DO UPDATE SET volume = EXCLUDED.volume, "costMicros" = EXCLUDED."costMicros", "fetchedAt" = now()`,
      workspaceId,
      list.map((r) => r.day),
      list.map((r) => r.country),
      list.map((r) => r.category),
      list.map((r) => r.pricingType),
      list.map((r) => r.volume),
      list.map((r) => r.costMicros),
    );
  });
  return { rows: list.length, truncated: false };
}

/** The nightly run: a read job per connected account, once per UTC day (a repeated run sends none twice). */
export async function queueMetaBills(now = new Date()) {
  const accounts = await db.whatsAppAccount.findMany({ select: { workspaceId: true } });
  const day = now.toISOString().slice(0, 10);
  for (const { workspaceId } of accounts)
    await sendJob(metaBillJob, {}, db, { workspaceId, dedupeKey: `${workspaceId}:${day}` });
  return accounts.length;
}
