// Transactional messages (sent one at a time through the public API, not by a campaign) by template and
// category, kept apart from campaigns: the messages created in a range of days, each counted at the
// furthest state it reached (a read message was also sent and delivered, as in the campaign funnel).
// Read from Message through its (templateId, createdAt) index: the workspace's templates, then their
// messages of the range. Campaigns' own per-template totals come from the rollups, for comparison.
import "server-only";
import { db, Prisma } from "@/lib/db/client";
import type { TemplateCategory } from "@/lib/db/generated/enums";
import { ValidationError } from "@/lib/errors";
import { rangeSchema, today, shiftDay, type DateRange } from "./dashboard";
import { funnelOf, totalsOf } from "@/lib/campaigns/funnel";
import { DELETED_TEMPLATE } from "./names";

export type TemplateCounts = {
  total: number;
  pending: number;
  sent: number;
  delivered: number;
  read: number;
  replied: number;
  clicked: number;
  failed: number;
  skipped: number;
};

export type TransactionalRow = {
  templateId: string;
  template: string;
  language: string;
  category: TemplateCategory;
} & TemplateCounts;

/** The half-open range of UTC timestamps covering these days in a time zone (Message.createdAt is UTC). */
const dayStart = (day: string, timeZone: string) =>
  Prisma.sql`((${day}::date)::timestamp AT TIME ZONE ${timeZone}) AT TIME ZONE 'UTC'`;

export async function transactionalTemplateStats(
  workspaceId: string,
  range: DateRange,
  timeZone: string,
): Promise<TransactionalRow[]> {
  const templates = await db.template.findMany({
    where: { workspaceId },
    select: { id: true, name: true, language: true },
  });
  if (templates.length === 0) return [];
  const rows = await db.$queryRaw<
    ({ templateId: string; category: TemplateCategory } & Record<keyof TemplateCounts, number>)[]
  >`
    SELECT m."templateId", m.category,
           count(*)::int AS total,
           count(*) FILTER (WHERE m.state IN ('QUEUED', 'CLAIMED'))::int AS pending,
           count(*) FILTER (WHERE m.state IN ('SENT', 'DELIVERED', 'READ', 'REPLIED'))::int AS sent,
           count(*) FILTER (WHERE m.state IN ('DELIVERED', 'READ', 'REPLIED'))::int AS delivered,
           count(*) FILTER (WHERE m.state IN ('READ', 'REPLIED'))::int AS read,
           count(*) FILTER (WHERE m.state = 'REPLIED')::int AS replied,
           count(*) FILTER (WHERE m."linkClickedAt" IS NOT NULL)::int AS clicked,
           count(*) FILTER (WHERE m.state = 'FAILED')::int AS failed,
           count(*) FILTER (WHERE m.state = 'SKIPPED')::int AS skipped
    FROM "Message" m
    WHERE m."templateId" = ANY(${templates.map((t) => t.id)})
      AND m."createdAt" >= ${dayStart(range.from, timeZone)} AND m."createdAt" < ${dayStart(shiftDay(range.to, 1), timeZone)}
      AND m."workspaceId" = ${workspaceId} AND m.origin = 'api' AND m."campaignId" IS NULL
    GROUP BY 1, 2`;
  const byId = new Map(templates.map((t) => [t.id, t]));
  return rows
    .filter((r) => r.category !== null)
    .map(({ templateId, category, ...counts }) => {
      const t = byId.get(templateId)!;
      return { templateId, template: t.name, language: t.language, category, ...counts };
    })
    .sort((a, b) => b.total - a.total || a.template.localeCompare(b.template) || a.language.localeCompare(b.language));
}

export type CampaignTemplateRow = {
  templateId: string | null;
  template: string;
  language: string | null;
  category: TemplateCategory | null;
  campaigns: number;
} & Omit<TemplateCounts, "total">;

/** Campaigns' totals per template over the same days, from the rollups (each event on the day it happened). */
export async function campaignTemplateTotals(workspaceId: string, range: DateRange): Promise<CampaignTemplateRow[]> {
  const rows = await db.$queryRaw<{ templateId: string | null; key: string; n: bigint; campaigns: number }[]>`
    SELECT c."templateId", d.key, sum(d.n)::bigint AS n, count(DISTINCT c.id)::int AS campaigns
    FROM "CampaignDay" d JOIN "Campaign" c ON c.id = d."campaignId"
    WHERE d."workspaceId" = ${workspaceId} AND d.day BETWEEN ${range.from}::date AND ${range.to}::date
      AND d.key IN ('pending', 'sent', 'delivered', 'read', 'replied', 'clicked', 'failed', 'skipped')
    GROUP BY 1, 2`;
  const ids = [...new Set(rows.map((r) => r.templateId).filter((id): id is string => id !== null))];
  const templates = new Map(
    (
      await db.template.findMany({
        where: { workspaceId, id: { in: ids } },
        select: { id: true, name: true, language: true, category: true },
      })
    ).map((t) => [t.id, t]),
  );
  const grouped = new Map<string | null, typeof rows>();
  for (const row of rows) grouped.set(row.templateId, [...(grouped.get(row.templateId) ?? []), row]);
  return [...grouped]
    .map(([templateId, group]) => {
      const f = funnelOf(totalsOf(group));
      const t = templateId ? templates.get(templateId) : undefined;
      return {
        templateId,
        template: t?.name ?? DELETED_TEMPLATE,
        language: t?.language ?? null,
        category: t?.category ?? null,
        campaigns: Math.max(...group.map((g) => g.campaigns)),
        pending: f.pending,
        sent: f.sent,
        delivered: f.delivered,
        read: f.read,
        replied: f.replied,
        clicked: f.clicked,
        failed: f.failed,
        skipped: f.skipped,
      };
    })
    .sort((a, b) => b.sent - a.sent || a.template.localeCompare(b.template));
}

/** The range asked for (days in the workspace's time zone), the last 30 days by default; a bad one is refused. */
export async function templateStatsRange(workspaceId: string, query: { from?: string; to?: string }) {
  const { timeZone } = await db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { timeZone: true } });
  const to = query.to ?? today(timeZone);
  const from = query.from ?? shiftDay(to, -29);
  for (const [name, day] of [
    ["from", from],
    ["to", to],
  ] as const) {
    // 2026-02-30 has the shape of a date but is none (and PostgreSQL would refuse it).
    const time = Date.parse(`${day}T00:00:00Z`);
    if (/^\d{4}-\d{2}-\d{2}$/.test(day) && (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== day)) {
      throw new ValidationError(`${day} is not a day of the calendar.`, {
        [`query.${name}`]: [`${day} is not a day of the calendar.`],
      });
    }
  }
  const parsed = rangeSchema.safeParse({ from, to });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ValidationError(issue.message, { [`query.${String(issue.path[0] ?? "from")}`]: [issue.message] });
  }
  return { range: parsed.data, timeZone };
}

/** Template stats as the public API answers them: transactional messages and campaigns, apart. */
export async function templateStats(workspaceId: string, query: { from?: string; to?: string }) {
  const { range, timeZone } = await templateStatsRange(workspaceId, query);
  const [transactional, campaigns] = await Promise.all([
    transactionalTemplateStats(workspaceId, range, timeZone),
    campaignTemplateTotals(workspaceId, range),
  ]);
  return { from: range.from, to: range.to, timeZone, transactional, campaigns };
}
