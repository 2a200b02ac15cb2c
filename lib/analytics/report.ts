// The campaign report: funnel, time series, buttons, failures, skips, opt-outs and cost, all from the
// rollups (CampaignDay for totals, CampaignMinute for the time series), never from the raw rows.
import "server-only";
import { SKIP_REASONS, type SkipReason } from "@/lib/campaigns/audience";
import { pricingCurrency } from "@/lib/pricing/cards";
import { sendRateOf } from "@/lib/campaigns/plan";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { englishTranslator } from "@/lib/i18n/translator";
import { carouselCards, templateButtons } from "@/lib/campaigns/render";
import { buttonBreakdown, failuresOf, funnelOf, totalsOf } from "@/lib/campaigns/funnel";

export const SERIES_KEYS = ["sent", "delivered", "read", "replied", "clicked", "failed"] as const;
export type SeriesKey = (typeof SERIES_KEYS)[number];
export type SeriesPoint = { at: string } & Record<SeriesKey, number>;

async function seriesOf(campaignId: string) {
  const rows = await db.$queryRaw<{ at: Date; key: SeriesKey; n: bigint; unit: string }[]>`
    WITH r AS (
      SELECT minute, key, n FROM "CampaignMinute" WHERE "campaignId" = ${campaignId} AND key = ANY(${[...SERIES_KEYS]})
    ), span AS (
      SELECT CASE WHEN max(minute) - min(minute) > interval '14 days' THEN 'day'
                  WHEN max(minute) - min(minute) > interval '6 hours' THEN 'hour' ELSE 'minute' END AS unit FROM r
    )
    SELECT date_trunc(span.unit, r.minute) AS at, r.key, sum(r.n)::bigint AS n, span.unit FROM r, span GROUP BY 1, 2, 4 HAVING sum(r.n) <> 0 ORDER BY 1`;
  const points = new Map<string, SeriesPoint>();
  for (const row of rows) {
    const at = row.at.toISOString();
    const point = points.get(at) ?? { at, sent: 0, delivered: 0, read: 0, replied: 0, clicked: 0, failed: 0 };
    point[row.key] += Number(row.n);
    points.set(at, point);
  }
  return { unit: (rows[0]?.unit ?? "minute") as "minute" | "hour" | "day", points: [...points.values()] };
}

export async function campaignReport(workspaceId: string, id: string) {
  const campaign = await db.campaign.findFirst({
    where: { id, workspaceId },
    select: {
      status: true,
      statusReason: true,
      completedAt: true,
      sendRatePerSec: true,
      template: { select: { components: true } },
      workspace: { select: { whatsAppAccount: { select: { throughputPerSecond: true } } } },
    },
  });
  if (!campaign) throw new NotFoundError("campaign");
  const lastMinute = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 60_000);
  const [rows, series, recent, nextDue] = await Promise.all([
    db.$queryRaw<
      { key: string; n: bigint }[]
    >`SELECT key, sum(n)::bigint AS n FROM "CampaignDay" WHERE "campaignId" = ${id} GROUP BY key`,
    seriesOf(id),
    db.$queryRaw<
      { n: bigint | null }[]
    >`SELECT sum(n)::bigint AS n FROM "CampaignMinute" WHERE "campaignId" = ${id} AND key = 'sent' AND minute >= ${lastMinute}`,
    campaign.status === "SENDING"
      ? db.message.findFirst({
          where: { campaignId: id, state: "QUEUED" },
          orderBy: { nextAttemptAt: "asc" },
          select: { nextAttemptAt: true },
        })
      : null,
  ]);
  const totals = totalsOf(rows);
  const funnel = funnelOf(totals);
  const perSecond = Number(recent[0]?.n ?? 0) / Math.max(1, (Date.now() - lastMinute.getTime()) / 1000);
  const rate = sendRateOf(campaign.sendRatePerSec, campaign.workspace.whatsAppAccount?.throughputPerSecond ?? null);
  const speed = perSecond > 0 ? perSecond : (rate ?? 0);
  const billed = totalsOf(rows, "billed:");
  return {
    status: campaign.status,
    statusReason: campaign.statusReason,
    completedAt: campaign.completedAt?.toISOString() ?? null,
    funnel,
    perSecond: campaign.status === "SENDING" ? Math.round(perSecond * 10) / 10 : 0,
    etaSeconds:
      campaign.status === "SENDING" && funnel.pending > 0 && speed > 0 ? Math.ceil(funnel.pending / speed) : null,
    nextDueAt:
      nextDue?.nextAttemptAt && nextDue.nextAttemptAt > new Date() ? nextDue.nextAttemptAt.toISOString() : null,
    series,
    buttons: buttonBreakdown(
      templateButtons(campaign.template?.components),
      totalsOf(rows, "tap:"),
      totalsOf(rows, "link:"),
      carouselCards(campaign.template?.components).map((card) => templateButtons(card)),
    ),
    failures: failuresOf(totals),
    skips: Object.entries(totalsOf(rows, "skip:"))
      .filter(([, n]) => n > 0)
      .map(([reason, count]) => ({ reason, label: SKIP_REASONS[reason as SkipReason] ?? reason, count }))
      .sort((a, b) => b.count - a.count),
    cost: {
      currency: await pricingCurrency(workspaceId),
      total: (totals.cost ?? 0) / 1e6,
      billed: Object.entries(billed)
        .filter(([, n]) => n > 0)
        .map(([category, count]) => ({ category, count })),
    },
  };
}
export type CampaignReport = Awaited<ReturnType<typeof campaignReport>>;

/**
 * The report as the public API gives it. The status reason and each failure's reason and advice are message
 * keys (lib/i18n/message-key.ts), translated where a person reads them; machines read their English words.
 */
export function inEnglish(report: CampaignReport): CampaignReport {
  const english = englishTranslator.message;
  return {
    ...report,
    statusReason: report.statusReason === null ? null : english(report.statusReason),
    failures: report.failures.map((f) => ({ ...f, reason: english(f.reason), advice: english(f.advice) })),
  };
}
