// The managers' dashboard for a date range: totals, daily trends, campaigns and templates compared by
// their rates, and the sender number's quality. Read from CampaignDay (rollups) only.
import "server-only";
import { z } from "zod";
import { pricingCurrency } from "@/lib/pricing/cards";
import { db } from "@/lib/db/client";
import {
  failuresOf,
  funnelOf,
  ratesOf,
  TREND_KEYS,
  type Funnel,
  type Totals,
  type TrendKey,
} from "@/lib/campaigns/funnel";
import { DELETED_TEMPLATE } from "./names";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = z.string().regex(DAY, "Use a date like 2026-11-01.");
export const MAX_RANGE_DAYS = 400;

export const rangeSchema = z
  .object({ from: day, to: day })
  .refine((r) => r.from <= r.to, { message: "The start date must be on or before the end date.", path: ["from"] })
  .refine((r) => (Date.parse(r.to) - Date.parse(r.from)) / 86_400_000 < MAX_RANGE_DAYS, {
    message: `Pick a range of at most ${MAX_RANGE_DAYS} days.`,
    path: ["from"],
  });
export type DateRange = z.output<typeof rangeSchema>;

/** Today in a time zone, as YYYY-MM-DD. */
export function today(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export function shiftDay(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Why a range from the query string was refused: a date's shape, their order, or its length (the screen words it). */
export type RangeError = "format" | "order" | "length";

/** The range asked for in the query string, or the last 30 days; with the error when it is not valid. */
export function readRange(
  params: { from?: string; to?: string },
  timeZone: string,
): { range: DateRange; error: RangeError | null } {
  const to = today(timeZone);
  const fallback = { from: shiftDay(to, -29), to };
  if (!params.from && !params.to) return { range: fallback, error: null };
  const asked = { from: params.from ?? fallback.from, to: params.to ?? fallback.to };
  const parsed = rangeSchema.safeParse(asked);
  if (parsed.success) return { range: parsed.data, error: null };
  const error = !DAY.test(asked.from) || !DAY.test(asked.to) ? "format" : asked.from > asked.to ? "order" : "length";
  return { range: fallback, error };
}

export type TrendPoint = { day: string } & Record<TrendKey, number>;

type Compared = { id: string; name: string; funnel: Funnel; rates: ReturnType<typeof ratesOf>; cost: number };

const compare = (id: string, name: string, totals: Totals): Compared => {
  const funnel = funnelOf(totals);
  return { id, name, funnel, rates: ratesOf(funnel), cost: (totals.cost ?? 0) / 1e6 };
};

function addInto(target: Totals, source: Totals) {
  for (const [key, n] of Object.entries(source)) target[key] = (target[key] ?? 0) + n;
}

/** Templates need this many deliveries in the range to be ranked best or worst (fewer is noise). */
export const MIN_DELIVERED_TO_RANK = 20;

export async function dashboard(workspaceId: string, range: DateRange) {
  const from = new Date(`${range.from}T00:00:00Z`);
  const to = new Date(`${range.to}T00:00:00Z`);
  const [daily, perCampaign, account, [metaClicks]] = await Promise.all([
    db.$queryRaw<{ day: Date; key: string; n: bigint }[]>`
      SELECT day, key, sum(n)::bigint AS n FROM "CampaignDay"
      WHERE "workspaceId" = ${workspaceId} AND day BETWEEN ${from}::date AND ${to}::date AND key = ANY(${[...TREND_KEYS]})
      GROUP BY 1, 2 ORDER BY 1`,
    db.$queryRaw<{ campaignId: string; key: string; n: bigint }[]>`
      SELECT "campaignId", key, sum(n)::bigint AS n FROM "CampaignDay"
      WHERE "workspaceId" = ${workspaceId} AND day BETWEEN ${from}::date AND ${to}::date
      GROUP BY 1, 2`,
    db.whatsAppAccount.findUnique({
      where: { workspaceId },
      select: {
        displayPhoneNumber: true,
        phoneNumberId: true,
        qualityRating: true,
        messagingLimitTier: true,
        throughputPerSecond: true,
      },
    }),
    // Link taps Meta reported by webhook (Marketing Messages API), and how many of them opened a tracked link:
    // those are already the messages' clicks, counted once (lib/webhooks/apply-link-clicks.ts).
    db.$queryRaw<{ reported: bigint; tracked: bigint }[]>`
      SELECT count(*)::bigint AS reported, count("messageId")::bigint AS tracked FROM "MarketingLinkClick"
      WHERE "workspaceId" = ${workspaceId} AND "clickedAt" >= ${from} AND "clickedAt" < ${to}::date + 1`,
  ]);

  // Every day of the range, with zeros where nothing happened.
  const trend: TrendPoint[] = [];
  for (let d = range.from; d <= range.to; d = shiftDay(d, 1))
    trend.push({ day: d, ...(Object.fromEntries(TREND_KEYS.map((k) => [k, 0])) as Record<TrendKey, number>) });
  const byDay = new Map(trend.map((p) => [p.day, p]));
  for (const row of daily) {
    const point = byDay.get(row.day.toISOString().slice(0, 10));
    if (point) point[row.key as TrendKey] += Number(row.n);
  }

  const totalsByCampaign = new Map<string, Totals>();
  for (const r of perCampaign) {
    const totals = totalsByCampaign.get(r.campaignId) ?? totalsByCampaign.set(r.campaignId, {}).get(r.campaignId)!;
    totals[r.key] = (totals[r.key] ?? 0) + Number(r.n);
  }
  const campaignRows = await db.campaign.findMany({
    where: { id: { in: [...totalsByCampaign.keys()] }, workspaceId },
    select: { id: true, name: true, launchedAt: true, template: { select: { name: true, category: true } } },
  });
  const all: Totals = {};
  const byTemplate = new Map<string, Totals>();
  for (const [id, totals] of totalsByCampaign) {
    addInto(all, totals);
    const name = campaignRows.find((c) => c.id === id)?.template?.name ?? DELETED_TEMPLATE;
    addInto(byTemplate.get(name) ?? byTemplate.set(name, {}).get(name)!, totals);
  }
  const campaigns = campaignRows
    .map((c) => ({
      ...compare(c.id, c.name, totalsByCampaign.get(c.id) ?? {}),
      template: c.template?.name ?? null,
      launchedAt: c.launchedAt,
    }))
    .sort((a, b) => b.funnel.sent - a.funnel.sent);
  const templates = [...byTemplate]
    .map(([name, totals]) => compare(name, name, totals))
    .sort((a, b) => b.funnel.sent - a.funnel.sent);
  const ranked = templates
    .filter((t) => t.funnel.delivered >= MIN_DELIVERED_TO_RANK)
    .sort((a, b) => (b.rates.read ?? 0) - (a.rates.read ?? 0) || (b.rates.reply ?? 0) - (a.rates.reply ?? 0));
  const overall = compare("all", "All campaigns", all);
  const errors = failuresOf(all);

  return {
    range,
    currency: await pricingCurrency(workspaceId),
    overall,
    metaClicks: { reported: Number(metaClicks!.reported), tracked: Number(metaClicks!.tracked) }, // count(*): one row
    trend,
    campaigns,
    templates,
    // Best and worst by read rate, never the same template in both lists.
    top: ranked.slice(0, Math.min(3, Math.ceil(ranked.length / 2))),
    worst: ranked.slice(ranked.length - Math.min(3, Math.floor(ranked.length / 2))).reverse(),
    numbers: account
      ? [
          {
            number: account.displayPhoneNumber ?? account.phoneNumberId,
            quality: account.qualityRating,
            tier: account.messagingLimitTier,
            throughput: account.throughputPerSecond,
            ...overall,
            errors: errors.slice(0, 3),
          },
        ]
      : [],
  };
}
export type Dashboard = Awaited<ReturnType<typeof dashboard>>;

/** The dashboard for the range in the query string (in the workspace's time zone), or the last 30 days with the reason. */
export async function loadDashboard(workspaceId: string, params: { from?: string; to?: string }) {
  const { timeZone } = await db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { timeZone: true } });
  const { range, error } = readRange(params, timeZone);
  return { ...(await dashboard(workspaceId, range)), timeZone, error, today: today(timeZone) };
}
