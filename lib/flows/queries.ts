// What the flow pages read: the list with each flow's answers, one flow for the builder, and its results (per
// question counts, an NPS when the flow asks one, the answers themselves with filters, and the CSV export).
import "server-only";
import { Prisma, db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { idSchema } from "@/lib/ids";
import { z } from "zod";
import { bookedSlotAt } from "./booking-flow";
import { entryScreen, questionsOf, type Question } from "./flow-json";
import { usesEndpoint } from "./send";

export async function listFlows(workspaceId: string) {
  const flows = await db.flow.findMany({
    where: { workspaceId },
    orderBy: { updatedAt: "desc" },
    select: { id: true, name: true, category: true, status: true, updatedAt: true },
  });
  const counts = await db.$queryRaw<{ flowId: string; answers: number; last: Date | null }[]>`
    SELECT "flowId", count(*)::int AS answers, max("completedAt") AS last
    FROM "FlowResponse" WHERE "workspaceId" = ${workspaceId} GROUP BY "flowId"`;
  const byId = new Map(counts.map((c) => [c.flowId, c]));
  return flows.map((f) => ({ ...f, answers: byId.get(f.id)?.answers ?? 0, last: byId.get(f.id)?.last ?? null }));
}

export async function getFlow(workspaceId: string, id: string) {
  const flow = await db.flow.findFirst({
    where: { id, workspaceId },
    select: {
      id: true,
      name: true,
      category: true,
      status: true,
      json: true,
      metaFlowId: true,
      metaErrors: true,
      attributeMap: true,
      consentListId: true,
      optInField: true,
      publishedAt: true,
    },
  });
  if (!flow) throw new NotFoundError();
  return flow;
}

/**
 * Published flows, for the template builder's FLOW button and the inbox: Meta's id and the screen each opens on
 * ("" for an endpoint flow: its button opens with data_exchange, the endpoint naming the first screen).
 */
export async function flowChoices(workspaceId: string) {
  const flows = await db.flow.findMany({
    where: { workspaceId, status: "PUBLISHED", metaFlowId: { not: null } },
    orderBy: { name: "asc" },
    select: { name: true, metaFlowId: true, json: true },
  });
  return flows.map((f) => ({
    metaFlowId: f.metaFlowId!,
    name: f.name,
    screen: usesEndpoint(f.json) ? "" : (entryScreen(f.json) ?? ""),
  }));
}

export type ResultFilters = {
  from?: Date;
  to?: Date;
  campaignId?: string;
  /** Only answers where this question has this value (an option's id, "true"/"false", or the text). */
  question?: string;
  value?: string;
};

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** The results' filters as an address carries them; anything malformed is ignored rather than refused. */
export const resultsQuerySchema = z.object({
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  campaign: idSchema.optional().catch(undefined),
  /** "<question>=<value>". */
  answer: z
    .string()
    .regex(/^[a-z][a-z0-9_]*=[^\u0000]{1,200}$/)
    .optional()
    .catch(undefined),
  before: idSchema.optional().catch(undefined),
});
export type ResultsQuery = z.output<typeof resultsQuerySchema>;

/** The filters of a results address: whole days in UTC, `to` included. */
export function resultFilters(query: ResultsQuery): ResultFilters {
  const at = query.answer?.indexOf("=") ?? -1;
  return {
    from: query.from ? new Date(`${query.from}T00:00:00Z`) : undefined,
    to: query.to ? new Date(Date.parse(`${query.to}T00:00:00Z`) + 86_400_000) : undefined,
    campaignId: query.campaign,
    question: at > 0 ? query.answer!.slice(0, at) : undefined,
    value: at > 0 ? query.answer!.slice(at + 1) : undefined,
  };
}

function where(flowId: string, f: ResultFilters) {
  const parts = [Prisma.sql`r."flowId" = ${flowId}`];
  if (f.from) parts.push(Prisma.sql`r."completedAt" >= ${f.from}`);
  if (f.to) parts.push(Prisma.sql`r."completedAt" < ${f.to}`);
  if (f.campaignId) parts.push(Prisma.sql`r."campaignId" = ${f.campaignId}`);
  if (f.question && f.value !== undefined)
    parts.push(
      Prisma.sql`(r.answers->>${f.question} = ${f.value} OR r.answers->${f.question} @> to_jsonb(${f.value}::text))`,
    );
  return Prisma.join(parts, " AND ");
}

/** The Net Promoter Score of a 0–10 question: promoters (9–10) less detractors (0–6), as a share of answers. */
export function netPromoterScore(counts: Map<string, number>): number | null {
  let promoters = 0;
  let detractors = 0;
  let total = 0;
  for (const [value, n] of counts) {
    const score = Number(value);
    if (!Number.isInteger(score) || score < 0 || score > 10) continue;
    total += n;
    if (score >= 9) promoters += n;
    if (score <= 6) detractors += n;
  }
  return total ? Math.round(((promoters - detractors) / total) * 100) : null;
}

/** A question whose options are the numbers 0 to 10. */
export const isScale = (q: Question) => q.options.length === 11 && q.options.every((o, i) => o.id === String(i));

export async function flowResults(workspaceId: string, flowId: string, filters: ResultFilters) {
  const flow = await getFlow(workspaceId, flowId);
  const questions = questionsOf(flow.json);
  const counted = questions.filter((q) => q.options.length > 0 || q.type === "OptIn").map((q) => q.name);
  const [totals, counts, campaigns, timeZone] = await Promise.all([
    db.$queryRaw<{ total: number; contacts: number; first: Date | null; last: Date | null }[]>`
      SELECT count(*)::int AS total, count(DISTINCT "contactId")::int AS contacts, min("completedAt") AS first,
        max("completedAt") AS last
      FROM "FlowResponse" r WHERE ${where(flowId, filters)}`,
    counted.length
      ? db.$queryRaw<{ key: string; value: string; n: number }[]>`
          SELECT kv.key, COALESCE(e.value, kv.value #>> '{}') AS value, count(*)::int AS n
          FROM "FlowResponse" r
          CROSS JOIN LATERAL jsonb_each(r.answers) kv
          LEFT JOIN LATERAL jsonb_array_elements_text(CASE WHEN jsonb_typeof(kv.value) = 'array' THEN kv.value END) e(value) ON true
          WHERE ${where(flowId, filters)} AND kv.key = ANY(${counted}::text[])
          GROUP BY 1, 2`
      : Promise.resolve([]),
    db.$queryRaw<{ id: string; name: string }[]>`
      SELECT DISTINCT c.id, c.name FROM "FlowResponse" r JOIN "Campaign" c ON c.id = r."campaignId"
      WHERE r."flowId" = ${flowId} ORDER BY c.name`,
    workspaceTimeZone(workspaceId),
  ]);
  const byQuestion = new Map<string, Map<string, number>>();
  for (const c of counts) {
    const map = byQuestion.get(c.key) ?? new Map<string, number>();
    map.set(c.value, c.n);
    byQuestion.set(c.key, map);
  }
  const charts = questions
    .filter((q) => counted.includes(q.name))
    .map((q) => {
      const map = byQuestion.get(q.name) ?? new Map<string, number>();
      const options =
        q.type === "OptIn"
          ? [
              { id: "true", title: "" },
              { id: "false", title: "" },
            ]
          : q.options;
      return {
        question: q,
        rows: options.map((o) => ({ id: o.id, title: o.title, count: map.get(o.id) ?? 0 })),
        nps: isScale(q) ? netPromoterScore(map) : null,
      };
    });
  return { flow, questions, totals: totals[0]!, charts, campaigns, timeZone };
}

const PAGE = 50;

/** The answers, newest first, `PAGE` at a time (`before`: the last one's id of the previous page). */
export async function flowResponses(
  workspaceId: string,
  flowId: string,
  filters: ResultFilters,
  options: { limit?: number; beforeId?: string } = {},
) {
  const limit = options.limit ?? PAGE;
  const before = options.beforeId
    ? await db.flowResponse.findFirst({
        where: { id: options.beforeId, flowId, workspaceId },
        select: { completedAt: true, id: true },
      })
    : null;
  const rows = await db.$queryRaw<
    {
      id: string;
      completedAt: Date;
      answers: Record<string, unknown>;
      contactId: string;
      name: string | null;
      phone: string | null;
      campaign: string | null;
    }[]
  >`
    SELECT r.id, r."completedAt", r.answers, r."contactId", c.name, c.phone, cp.name AS campaign
    FROM "FlowResponse" r JOIN "Contact" c ON c.id = r."contactId" LEFT JOIN "Campaign" cp ON cp.id = r."campaignId"
    WHERE r."workspaceId" = ${workspaceId} AND ${where(flowId, filters)}
      ${before ? Prisma.sql`AND (r."completedAt", r.id) < (${before.completedAt}, ${before.id})` : Prisma.empty}
    ORDER BY r."completedAt" DESC, r.id DESC LIMIT ${limit + 1}`;
  return { rows: rows.slice(0, limit), more: rows.length > limit };
}

/**
 * An answer as a person reads it: an option's title, a list of them, yes or no, the text, or a booked time in
 * words (`when`; without it, the slot's id, as the CSV export keeps it for machines).
 */
export function readableAnswer(
  question: Question | undefined,
  value: unknown,
  yesNo: [string, string],
  when?: (at: Date) => string,
): string {
  if (value === undefined || value === null) return "";
  const booked = when ? bookedSlotAt(question, value) : null;
  if (booked) return when!(booked);
  const title = (id: unknown) => question?.options.find((o) => o.id === String(id))?.title ?? String(id);
  if (Array.isArray(value)) return value.map(title).join("; ");
  if (typeof value === "boolean") return value ? yesNo[0] : yesNo[1];
  return question?.options.length ? title(value) : String(value);
}

/** A contact's completed flows, newest first (the contact page). */
export async function contactFlowResponses(workspaceId: string, contactId: string) {
  const [rows, timeZone] = await Promise.all([
    db.flowResponse.findMany({
      where: { workspaceId, contactId },
      orderBy: { completedAt: "desc" },
      take: 20,
      select: { id: true, completedAt: true, answers: true, flow: { select: { id: true, name: true, json: true } } },
    }),
    workspaceTimeZone(workspaceId),
  ]);
  return { timeZone, rows: rows.map((r) => ({ ...r, questions: questionsOf(r.flow.json) })) };
}

/** The workspace's time zone: the clock its bookings are on. */
async function workspaceTimeZone(workspaceId: string): Promise<string> {
  const workspace = await db.workspace.findUnique({ where: { id: workspaceId }, select: { timeZone: true } });
  return workspace?.timeZone ?? "UTC";
}
