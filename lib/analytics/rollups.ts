// Rollups: the counters every report reads, so no report request scans the raw Message or event tables.
// A statement trigger on Message (prisma/migrations/*_analytics) writes what each change adds or takes
// away into RollupDelta, in the writer's own transaction; `foldRollups` moves those into CampaignMinute
// and CampaignDay (the worker calls it every half second); `rebuildRollups` recounts everything from the
// raw rows with the same SQL function. See docs/analytics.md.
import "server-only";
import { db } from "@/lib/db/client";

const FOLD_BATCH = 50_000;

/**
 * Moves up to FOLD_BATCH pending deltas into the rollups in one statement (so they are counted once, even
 * with several workers: each takes rows the others have not locked). Returns how many it folded.
 */
export async function foldRollups(limit = FOLD_BATCH): Promise<number> {
  // A read first: an idle worker polls this twice a second and should not write anything then.
  const [pending] = await db.$queryRaw<{ any: boolean }[]>`SELECT EXISTS (SELECT 1 FROM "RollupDelta") AS any`;
  if (!pending?.any) return 0;
  const [row] = await db.$queryRaw<{ folded: number }[]>`
    WITH taken AS (
      DELETE FROM "RollupDelta" WHERE id IN (SELECT id FROM "RollupDelta" ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      RETURNING "campaignId", minute, key, n
    ), summed AS (
      SELECT d."campaignId", d.minute, d.key, sum(d.n)::bigint AS n, c."workspaceId", w."timeZone"
      FROM taken d JOIN "Campaign" c ON c.id = d."campaignId" JOIN "Workspace" w ON w.id = c."workspaceId"
      GROUP BY 1, 2, 3, 5, 6
    ), minutes AS (
      INSERT INTO "CampaignMinute" ("campaignId", minute, key, n)
      SELECT "campaignId", minute, key, n FROM summed
      ON CONFLICT ("campaignId", minute, key) DO UPDATE SET n = "CampaignMinute".n + excluded.n
    ), days AS (
      INSERT INTO "CampaignDay" ("workspaceId", day, "campaignId", key, n)
      SELECT "workspaceId", parley_local_day(minute, "timeZone"), "campaignId", key, sum(n)
      FROM summed GROUP BY 1, 2, 3, 4
      ON CONFLICT ("campaignId", day, key) DO UPDATE SET n = "CampaignDay".n + excluded.n
    )
    SELECT (SELECT count(*) FROM taken)::int AS folded`;
  return row?.folded ?? 0;
}

/** Folds until every delta written before the call is in the rollups (another worker may fold some of them). */
export async function foldAll(): Promise<void> {
  const [{ last } = { last: null }] = await db.$queryRaw<
    { last: bigint | null }[]
  >`SELECT max(id) AS last FROM "RollupDelta"`;
  if (last === null) return;
  for (;;) {
    if ((await foldRollups()) > 0) continue;
    const [pending] = await db.$queryRaw<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM "RollupDelta" WHERE id <= ${last}`;
    if (!pending?.n) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Recounts every rollup from the raw Message rows (`npm run analytics:rebuild`). Writers wait while it
 * runs (a SHARE lock on Message), so nothing is counted twice or missed.
 */
export async function rebuildRollups(): Promise<{ messages: number; rows: number }> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`LOCK TABLE "Message" IN SHARE MODE`;
      await tx.$executeRaw`DELETE FROM "RollupDelta"`;
      await tx.$executeRaw`DELETE FROM "CampaignDay"`;
      await tx.$executeRaw`DELETE FROM "CampaignMinute"`;
      const rows = await tx.$executeRaw`
        INSERT INTO "CampaignMinute" ("campaignId", minute, key, n)
        SELECT m."campaignId", date_trunc('minute', f.at), f.key, sum(f.n)
        FROM "Message" m CROSS JOIN LATERAL parley_message_facts(m) f WHERE m."campaignId" IS NOT NULL GROUP BY 1, 2, 3`;
      await tx.$executeRaw`
        INSERT INTO "CampaignDay" ("workspaceId", day, "campaignId", key, n)
        SELECT c."workspaceId", parley_local_day(r.minute, w."timeZone"), r."campaignId", r.key, sum(r.n)
        FROM "CampaignMinute" r JOIN "Campaign" c ON c.id = r."campaignId" JOIN "Workspace" w ON w.id = c."workspaceId"
        GROUP BY 1, 2, 3, 4`;
      const [count] = await tx.$queryRaw<
        { messages: number }[]
      >`SELECT count(*)::int AS messages FROM "Message" WHERE "campaignId" IS NOT NULL`;
      return { messages: count?.messages ?? 0, rows };
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
}
