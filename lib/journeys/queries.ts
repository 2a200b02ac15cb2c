// What the journey pages read: the list with each journey's numbers, one journey for the builder, and its
// report (per step: people who passed and how, who waits there, what their messages did; conversions overall
// and per split path).
import "server-only";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { graphSchema } from "./graph";
import { significance } from "./stats";

export async function listJourneys(workspaceId: string) {
  const journeys = await db.journey.findMany({
    where: { workspaceId },
    orderBy: { updatedAt: "desc" },
    select: {
      id: true,
      name: true,
      status: true,
      updatedAt: true,
      trigger: true,
      draft: true,
      liveVersion: { select: { number: true } },
    },
  });
  const counts = await db.$queryRaw<{ journeyId: string; entered: number; active: number; converted: number }[]>`
    SELECT "journeyId", count(*)::int AS entered, count(*) FILTER (WHERE status = 'ACTIVE')::int AS active,
      count("convertedAt")::int AS converted
    FROM "JourneyRun" WHERE "workspaceId" = ${workspaceId} GROUP BY "journeyId"`;
  const byId = new Map(counts.map((c) => [c.journeyId, c]));
  return journeys.map(({ draft, ...j }) => {
    const graph = graphSchema.safeParse(draft);
    return {
      ...j,
      version: j.liveVersion?.number ?? null,
      trigger: graph.success ? graph.data.trigger : null,
      entered: byId.get(j.id)?.entered ?? 0,
      active: byId.get(j.id)?.active ?? 0,
      converted: byId.get(j.id)?.converted ?? 0,
    };
  });
}

export async function getJourney(workspaceId: string, id: string) {
  const journey = await db.journey.findFirst({
    where: { id, workspaceId },
    select: {
      id: true,
      name: true,
      status: true,
      draft: true,
      liveVersionId: true,
      versions: {
        orderBy: { number: "desc" },
        take: 20,
        select: { id: true, number: true, publishedAt: true, publishedById: true, graph: true },
      },
    },
  });
  if (!journey) throw new NotFoundError();
  const publishers = await db.user.findMany({
    where: { id: { in: journey.versions.flatMap((v) => (v.publishedById ? [v.publishedById] : [])) } },
    select: { id: true, name: true, email: true },
  });
  const live = journey.versions.find((v) => v.id === journey.liveVersionId);
  const draft = graphSchema.parse(journey.draft);
  return {
    ...journey,
    draft,
    /** The draft differs from the live version: publishing would make a new one. */
    // Both through the schema: JSONB keeps no key order, the parsed graphs have the schema's.
    unpublished: !live || JSON.stringify(graphSchema.parse(live.graph)) !== JSON.stringify(draft),
    versions: journey.versions.map(({ graph: _, ...v }) => ({
      ...v,
      publishedBy: publishers.find((p) => p.id === v.publishedById)?.name ?? null,
    })),
  };
}

/** How many people wait at each step now (the builder shows it on the canvas). */
export async function waitingByStep(journeyId: string): Promise<Record<string, number>> {
  const rows = await db.$queryRaw<{ stepId: string; n: number }[]>`
    SELECT "stepId", count(*)::int AS n FROM "JourneyRun" WHERE "journeyId" = ${journeyId} AND status = 'ACTIVE' GROUP BY 1`;
  return Object.fromEntries(rows.map((r) => [r.stepId, r.n]));
}

export type StepReport = {
  stepId: string;
  passed: number;
  waiting: number;
  outcomes: Record<string, number>;
  messages: { sent: number; delivered: number; read: number; replied: number; failed: number } | null;
};

export async function journeyReport(workspaceId: string, id: string) {
  const journey = await db.journey.findFirst({ where: { id, workspaceId }, select: { id: true } });
  if (!journey) throw new NotFoundError();
  const [outcomes, waiting, messages, totals, variants] = await Promise.all([
    db.$queryRaw<{ stepId: string; outcome: string; n: number }[]>`
      SELECT "stepId", outcome, count(*)::int AS n FROM "JourneyStepLog" WHERE "journeyId" = ${id} GROUP BY 1, 2`,
    waitingByStep(id),
    db.$queryRaw<{ stepId: string; sent: number; delivered: number; read: number; replied: number; failed: number }[]>`
      SELECT l."stepId", count(*) FILTER (WHERE m."sentAt" IS NOT NULL)::int AS sent,
        count(*) FILTER (WHERE m."deliveredAt" IS NOT NULL OR m."readAt" IS NOT NULL)::int AS delivered,
        count(m."readAt")::int AS read, count(m."repliedAt")::int AS replied,
        count(*) FILTER (WHERE m.state IN ('FAILED', 'SKIPPED'))::int AS failed
      FROM "JourneyStepLog" l JOIN "Message" m ON m.id = l."messageId"
      WHERE l."journeyId" = ${id} GROUP BY 1`,
    db.$queryRaw<
      {
        entered: number;
        active: number;
        completed: number;
        exited: number;
        converted: number;
        medianSeconds: number | null;
      }[]
    >`
      SELECT count(*)::int AS entered, count(*) FILTER (WHERE status = 'ACTIVE')::int AS active,
        count(*) FILTER (WHERE status = 'COMPLETED')::int AS completed, count(*) FILTER (WHERE status = 'EXITED')::int AS exited,
        count("convertedAt")::int AS converted,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "convertedAt" - "enteredAt"))::float8 AS "medianSeconds"
      FROM "JourneyRun" WHERE "journeyId" = ${id}`,
    db.$queryRaw<{ variant: string; entered: number; converted: number }[]>`
      SELECT variant, count(*)::int AS entered, count("convertedAt")::int AS converted
      FROM "JourneyRun" WHERE "journeyId" = ${id} AND variant IS NOT NULL GROUP BY 1 ORDER BY 1`,
  ]);
  const steps = new Map<string, StepReport>();
  const stepOf = (stepId: string) => {
    let s = steps.get(stepId);
    if (!s) steps.set(stepId, (s = { stepId, passed: 0, waiting: 0, outcomes: {}, messages: null }));
    return s;
  };
  for (const o of outcomes) {
    const s = stepOf(o.stepId);
    s.passed += o.n;
    s.outcomes[o.outcome] = o.n;
  }
  for (const [stepId, n] of Object.entries(waiting)) stepOf(stepId).waiting = n;
  for (const { stepId, ...m } of messages) stepOf(stepId).messages = m;
  const t = totals[0]!;
  const control = variants[0];
  return {
    totals: { ...t, conversionRate: t.entered ? t.converted / t.entered : 0 },
    steps: Object.fromEntries(steps),
    variants: variants.map((v) => ({
      ...v,
      rate: v.entered ? v.converted / v.entered : 0,
      /** Against the first path: whether the difference in conversion is significant at 95 %. */
      significant: control && v !== control ? significance(control, v) : null,
    })),
  };
}

export const DRILL_PAGE = 50;

/** The people at a step: waiting there (`outcome` null) or who passed it with an outcome; newest first. */
export async function stepPeople(
  workspaceId: string,
  journeyId: string,
  stepId: string,
  outcome: string | null,
  limit = DRILL_PAGE,
) {
  return outcome === null
    ? db.$queryRaw<{ contactId: string; name: string | null; phone: string | null; at: Date }[]>`
        SELECT c.id AS "contactId", c.name, c.phone, r."stepAt" AS at FROM "JourneyRun" r JOIN "Contact" c ON c.id = r."contactId"
        WHERE r."workspaceId" = ${workspaceId} AND r."journeyId" = ${journeyId} AND r.status = 'ACTIVE' AND r."stepId" = ${stepId}
        ORDER BY r."stepAt" DESC LIMIT ${limit}`
    : db.$queryRaw<{ contactId: string; name: string | null; phone: string | null; at: Date }[]>`
        SELECT c.id AS "contactId", c.name, c.phone, l.at FROM "JourneyStepLog" l JOIN "JourneyRun" r ON r.id = l."runId"
        JOIN "Contact" c ON c.id = r."contactId"
        WHERE r."workspaceId" = ${workspaceId} AND l."journeyId" = ${journeyId} AND l."stepId" = ${stepId} AND l.outcome = ${outcome}
        ORDER BY l.at DESC LIMIT ${limit}`;
}
