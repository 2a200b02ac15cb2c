// The segment trigger: a journey that starts when a person enters a saved segment. The worker calls
// `enterOnSegments` about every half minute; for each live segment journey one statement compares who is in the
// segment now with who was at the last look (JourneySegmentMember): the new ones get a `$segment` event, which
// enters them as any trigger does (lib/journeys/engine.ts: the entry rule, one active run per person), and those
// who left are removed, so coming back is entering again. The first look after publishing (or after the journey
// was given another segment) only records who is there: people already in the segment did not enter it. The
// journey's row is locked for the look (SKIP LOCKED), so two workers never record an entry twice.
import "server-only";
import { db, Prisma } from "@/lib/db/client";
import { SEGMENT_EVENT } from "@/lib/events/trigger-keys";
import { segmentWhere } from "@/lib/segments/compile";
import { segmentRulesSchema } from "@/lib/segments/schemas";
import { inScope, type Scope } from "./engine";

type SegmentJourney = { id: string; workspaceId: string; segmentId: string };

/** Looks at every live segment journey once; returns how many people entered one. */
export async function enterOnSegments(scope: Scope = {}): Promise<number> {
  const journeys = await db.$queryRaw<SegmentJourney[]>`
    SELECT j.id, j."workspaceId", v.graph->'trigger'->>'segmentId' AS "segmentId"
    FROM "Journey" j JOIN "JourneyVersion" v ON v.id = j."liveVersionId"
    WHERE j.status = 'LIVE' AND j.trigger LIKE 'segment:%' ${inScope(Prisma.sql`j."workspaceId"`, scope)}`;
  let entered = 0;
  for (const journey of journeys) entered += await lookAt(journey);
  return entered;
}

async function lookAt(journey: SegmentJourney): Promise<number> {
  const segment = await db.segment.findFirst({
    where: { id: journey.segmentId, workspaceId: journey.workspaceId },
    select: { rules: true },
  });
  const rules = segmentRulesSchema.safeParse(segment?.rules);
  if (!rules.success) return 0; // the segment was deleted (or holds rules no longer valid): nobody enters
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ seeded: Date | null }[]>`
      SELECT "segmentSeededAt" AS seeded FROM "Journey" WHERE id = ${journey.id} AND status = 'LIVE'
      FOR UPDATE SKIP LOCKED`;
    if (!locked) return 0; // another worker is looking, or the journey stopped meanwhile
    const [row] = await tx.$queryRaw<{ entered: number }[]>`
      WITH now_in AS (
        SELECT c.id FROM "Contact" c
        WHERE c."workspaceId" = ${journey.workspaceId} AND c."mergedIntoId" IS NULL AND ${segmentWhere(rules.data)}
      ), gone AS (
        DELETE FROM "JourneySegmentMember" m WHERE m."journeyId" = ${journey.id}
          AND NOT EXISTS (SELECT 1 FROM now_in WHERE now_in.id = m."contactId")
      ), added AS (
        INSERT INTO "JourneySegmentMember" ("journeyId", "contactId") SELECT ${journey.id}, id FROM now_in
        ON CONFLICT DO NOTHING RETURNING "contactId"
      ), events AS (
        INSERT INTO "ContactEvent" (id, "workspaceId", "contactId", name, properties, "occurredAt")
        SELECT gen_random_uuid()::text, ${journey.workspaceId}, "contactId", ${SEGMENT_EVENT},
          jsonb_build_object('journeyId', ${journey.id}::text, 'segmentId', ${journey.segmentId}::text), now()
        FROM added WHERE ${locked.seeded !== null}
        RETURNING 1
      )
      SELECT count(*)::int AS entered FROM events`;
    if (!locked.seeded) await tx.journey.update({ where: { id: journey.id }, data: { segmentSeededAt: new Date() } });
    return row?.entered ?? 0;
  });
}
