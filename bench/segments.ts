// `npm run bench -- segments`: counting segments over 1,000,000 contacts.
//
// A real PostgreSQL (embedded), 1,000,000 contacts with attributes, tags (every contact one, a third two) and
// creation dates over two years, consent on a list for 70% (a tenth of them opted out), and a campaign of
// 200,000 messages (90% delivered, 50% read, 5% replied, 3% tapped a button). Each segment is counted 20
// times with the code the product uses (lib/segments); the table shows p50, p95 and the slowest. A last row
// times what the segment page asks as the rules change: the count and the first matches together.
//
// A count is CPU work, so on a shared machine its time moves with whatever else runs: 'tier is gold' has
// measured from 144 ms to over 300 ms p50 on one 2-core machine with the same plan reading the same 25,631
// pages. So each row also shows the CPU PostgreSQL spent per count (the connection and its parallel workers),
// which moves less with the machine's other work, and the 1-minute load average when its runs ended.
import { loadavg } from "node:os";
import { postgresCpuMs } from "./cpu.ts";
import { withBenchDatabase } from "./database.ts";
import type { SegmentRules } from "../lib/segments/schemas.ts";
import { percentile, printTable, type Row } from "./table.ts";

const CONTACTS = Number(process.env.BENCH_SEGMENT_CONTACTS ?? 1_000_000);
const RUNS = 20;

const all = (...conditions: SegmentRules["groups"][number]["conditions"]): SegmentRules => ({
  match: "all",
  groups: [{ match: "all", conditions }],
});

const SEGMENTS: [string, SegmentRules][] = [
  ["tier is gold", all({ field: "attribute", op: "equals", key: "tier", value: "gold" })],
  ["opted in to Promotions", all({ field: "consent", op: "opted_in", listId: "promos" })],
  [
    "opted in AND tier gold AND tag vip",
    all(
      { field: "consent", op: "opted_in", listId: "promos" },
      { field: "attribute", op: "equals", key: "tier", value: "gold" },
      { field: "tag", op: "has", value: "vip" },
    ),
  ],
  [
    "city in (Madrid, Bilbao) OR name contains 'ana'",
    {
      match: "any",
      groups: [
        { match: "all", conditions: [{ field: "attribute", op: "in", key: "city", value: "Madrid, Bilbao" }] },
        { match: "all", conditions: [{ field: "name", op: "contains", value: "ana" }] },
      ],
    },
  ],
  [
    "added in the last 90 days, not vip",
    all({ field: "created", op: "last_days", days: 90 }, { field: "tag", op: "not_has", value: "vip" }),
  ],
  [
    "received the campaign but did not read it",
    all(
      { field: "engagement", op: "did", event: "received", campaignId: "camp" },
      { field: "engagement", op: "did_not", event: "read", campaignId: "camp" },
    ),
  ],
  [
    "opted in AND replied in the last 30 days",
    all(
      { field: "consent", op: "opted_in", listId: "promos" },
      { field: "engagement", op: "did", event: "replied", days: 30 },
    ),
  ],
];

export async function benchSegments() {
  await withBenchDatabase("segments", async (sql, dataDir) => {
    console.log(`Seeding ${CONTACTS.toLocaleString("en")} contacts…`);
    await sql.query(`INSERT INTO "Workspace" (id, name, slug, "updatedAt") VALUES ('bench', 'Bench', 'bench', now())`);
    await sql.query(`INSERT INTO "ConsentList" (id, "workspaceId", name) VALUES ('promos', 'bench', 'Promotions')`);
    await sql.query(
      `INSERT INTO "Contact" (id, "workspaceId", phone, name, attributes, tags, "optedInListIds", "createdAt", "updatedAt")
       SELECT 'c' || n, 'bench', '+3460' || lpad(n::text, 7, '0'),
              (ARRAY['Ana','Luis','Marta','Jon','Sofía','Diego','Mariana','Pablo'])[1 + n % 8] || ' ' || n,
              jsonb_build_object('tier', (ARRAY['gold','silver','bronze'])[1 + n % 3], 'city', (ARRAY['Madrid','Sevilla','Bilbao','Valencia','Málaga'])[1 + n % 5]),
              CASE WHEN n % 10 < 3 THEN ARRAY['newsletter', 'vip'] ELSE ARRAY['newsletter'] END,
              -- as the import writes new contacts: their consent copy filled, so the trigger below has nothing to rewrite
              CASE WHEN n % 10 BETWEEN 1 AND 6 THEN ARRAY['promos'] ELSE ARRAY[]::text[] END,
              now() - make_interval(days => n % 730), now()
       FROM generate_series(1, ${CONTACTS}) n`,
    );
    await sql.query(
      `INSERT INTO "ContactConsent" ("contactId", "consentListId", "workspaceId", "optedIn", "changedAt")
       SELECT 'c' || n, 'promos', 'bench', n % 10 <> 7, now() FROM generate_series(1, ${CONTACTS}) n WHERE n % 10 BETWEEN 1 AND 7`,
    );
    await sql.query(
      `INSERT INTO "Campaign" (id, "workspaceId", name, status, "launchedAt", "updatedAt") VALUES ('camp', 'bench', 'Spring', 'COMPLETED', now(), now())`,
    );
    await sql.query(
      `INSERT INTO "Message" (id, "workspaceId", "campaignId", "contactId", state, "deliveredAt", "readAt", "repliedAt", "clickedButton")
       SELECT 'm' || n, 'bench', 'camp', 'c' || n, 'DELIVERED',
              CASE WHEN n % 10 <> 0 THEN now() - interval '10 days' END,
              CASE WHEN n % 2 = 0 THEN now() - interval '10 days' END,
              CASE WHEN n % 20 = 1 THEN now() - interval '9 days' END,
              CASE WHEN n % 100 < 3 THEN 'DEALS' END
       FROM generate_series(1, ${CONTACTS}) n WHERE n % 5 = 1`,
    );
    await sql.query(`VACUUM ANALYZE`);

    const { countSegment, segmentPreview } = await import("@/lib/segments/service");
    const rows: Row[] = [];
    /** Runs `work` once to warm, then RUNS times, and adds a row with its timings. */
    const measure = async (segment: string, work: () => Promise<unknown>) => {
      await work();
      const times: number[] = [];
      let matches: unknown;
      const cpuBefore = postgresCpuMs(dataDir);
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        matches = await work();
        times.push(performance.now() - started);
      }
      const cpuAfter = postgresCpuMs(dataDir);
      times.sort((a, b) => a - b);
      rows.push({
        segment,
        matches: typeof matches === "number" ? matches : "",
        "p50 ms": Math.round(percentile(times, 50)),
        "p95 ms": Math.round(percentile(times, 95)),
        "max ms": Math.round(times.at(-1)!),
        "server CPU ms":
          cpuBefore === undefined || cpuAfter === undefined ? "" : Math.round((cpuAfter - cpuBefore) / RUNS),
        load: loadavg()[0]!.toFixed(1),
      });
    };
    for (const [name, rules] of SEGMENTS) {
      await measure(name, () => countSegment("bench", rules));
      if (process.env.BENCH_EXPLAIN) {
        const { db, Prisma } = await import("@/lib/db/client");
        const { segmentWhere } = await import("@/lib/segments/compile");
        const plan = await db.$queryRaw<{ "QUERY PLAN": string }[]>(
          Prisma.sql`EXPLAIN (ANALYZE, BUFFERS, SETTINGS) SELECT count(*) FROM "Contact" c WHERE c."workspaceId" = 'bench' AND ${segmentWhere(rules)}`,
        );
        console.log(name, "\n" + plan.map((p) => p["QUERY PLAN"]).join("\n"));
      }
    }
    // What the segment page asks as rules change (segmentPreview): the count and the first matches, for a segment
    // of many and for one of no one (a value nobody has, as while a rule is being typed).
    const page: [string, SegmentRules][] = [
      SEGMENTS[2]!,
      ["tier is platinum (no one)", all({ field: "attribute", op: "equals", key: "tier", value: "platinum" })],
    ];
    for (const [name, rules] of page) {
      await measure(`page: count + first matches, ${name}`, () => segmentPreview("bench", rules));
    }
    await printTable(`Segment counts over ${CONTACTS.toLocaleString("en")} contacts (${RUNS} runs each)`, rows);
  });
}
