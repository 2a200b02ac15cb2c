// `npm run bench -- analytics`: reports at 10,000,000 message events.
//
// A real (embedded) PostgreSQL with 100 campaigns over 60 days: ~3.85 million messages and ~10 million
// status events (sent, delivered, read, failed) in MessageStatusEvent, plus replies, taps, link opens and
// opt-outs on the messages. The rollups are then rebuilt from the raw rows with the product's command
// (timed). Measured with the product's code (lib/analytics, lib/campaigns/recipients): the campaign report,
// the dashboard, and drill-down pages (first and deep pages), 40 times each; then the rollup lag while
// 1,000 status events per second arrive for 30 s through the real path (signed webhook stored, processed,
// folded, as the worker does).
import { percentile, printTable, type Row } from "./table.ts";
import { withBenchDatabase } from "./database.ts";

const EVENTS = Number(process.env.BENCH_ANALYTICS_EVENTS ?? 10_000_000);
const CAMPAIGNS = 100;
const PER_CAMPAIGN = Math.ceil(EVENTS / 2.58 / CAMPAIGNS); // 2.58 status events per message: sent, ~0.97 delivered, ~0.58 read, ~0.03 failed
const CONTACTS = Math.round(PER_CAMPAIGN * 1.25);
const RUNS = 40;
const LIVE_SECONDS = Number(process.env.BENCH_ANALYTICS_LIVE_SECONDS ?? 30);
const LIVE_RATE = 1000;
const APP_SECRET = "bench-app-secret";

const ms = (n: number) => Math.round(n * 10) / 10;

async function timeRuns(name: string, run: (i: number) => Promise<unknown>): Promise<Row> {
  await run(0); // warm: plans and connections
  const times: number[] = [];
  for (let i = 1; i <= RUNS; i++) {
    const started = performance.now();
    await run(i);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {
    query: name,
    runs: RUNS,
    "p50 ms": ms(percentile(times, 50)),
    "p95 ms": ms(percentile(times, 95)),
    "max ms": ms(times.at(-1)!),
  };
}

export async function benchAnalytics() {
  await withBenchDatabase("analytics", async (sql) => {
    const step = async (label: string, text: string) => {
      const started = performance.now();
      await sql.query(text);
      console.log(`  ${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    };
    console.log(
      `Seeding ${CAMPAIGNS} campaigns × ${PER_CAMPAIGN.toLocaleString("en")} messages (~${(EVENTS / 1e6).toFixed(1)} M status events)…`,
    );
    const { saveAccount } = await import("@/lib/whatsapp/accounts");
    await sql.query(
      `INSERT INTO "Workspace" (id, name, slug, "timeZone", "updatedAt") VALUES ('bench', 'Bench', 'bench', 'Europe/Madrid', now())`,
    );
    await saveAccount("bench", {
      wabaId: "1001",
      phoneNumberId: "2002",
      accessToken: "t",
      appSecret: APP_SECRET,
      verifyToken: "v",
    });
    await sql.query(
      `INSERT INTO "Template" (id, "workspaceId", name, language, category, status, components, "updatedAt")
       SELECT 't' || n, 'bench', 'template_' || n, 'en_US', 'MARKETING', 'APPROVED',
              '[{"type":"BODY","text":"Hello"},{"type":"BUTTONS","buttons":[{"type":"QUICK_REPLY","text":"Yes"},{"type":"URL","text":"Shop","url":"http://localhost:3000/r/{{1}}"}]}]', now()
       FROM generate_series(0, 9) n`,
    );
    await step(
      "campaigns and contacts",
      `INSERT INTO "Campaign" (id, "workspaceId", name, "templateId", status, "launchedAt", "completedAt", "updatedAt")
       SELECT 'k' || n, 'bench', 'Campaign ' || n, 't' || (n % 10), 'COMPLETED', now() - make_interval(hours => 14 * 24 * 60 / ${CAMPAIGNS} * (${CAMPAIGNS} - n) / 10 * 6), now(), now()
       FROM generate_series(0, ${CAMPAIGNS - 1}) n;
       INSERT INTO "Contact" (id, "workspaceId", phone, "updatedAt")
       SELECT 'c' || n, 'bench', '+34' || (600000000 + n), now() FROM generate_series(0, ${CONTACTS - 1}) n`,
    );
    // The rollups are made afterwards by the rebuild command (timed below), not row by row while seeding.
    await sql.query(`ALTER TABLE "Message" DISABLE TRIGGER message_rollup_insert`);
    await step(
      "messages",
      `INSERT INTO "Message" (id, "workspaceId", "campaignId", "contactId", state, wamid, "errorCode", "errorReason", "clickedButton", "linkButton", "linkClickedAt",
                              "optedOutAt", "pricingCategory", billable, "costMicros", "sentAt", "deliveredAt", "readAt", "repliedAt", "failedAt", "createdAt")
       SELECT m.mid, 'bench', k.id, 'c' || ((g * 7 + kn * 131) % ${CONTACTS}),
              (CASE WHEN r < 0.03 THEN 'FAILED' WHEN r2 < 0.06 THEN 'REPLIED' WHEN r2 < 0.6 THEN 'READ' ELSE 'DELIVERED' END)::"MessageState",
              'wamid.' || m.mid,
              CASE WHEN r < 0.03 THEN (ARRAY[131026, 131049, 131050])[1 + (g % 3)] END,
              CASE WHEN r < 0.03 THEN 'Failed' END,
              CASE WHEN r >= 0.03 AND r2 < 0.03 THEN 'Yes' END,
              CASE WHEN r >= 0.03 AND r2 BETWEEN 0.1 AND 0.16 THEN 1 END,
              CASE WHEN r >= 0.03 AND r2 BETWEEN 0.1 AND 0.16 THEN t + interval '2 hours' END,
              CASE WHEN r >= 0.03 AND r2 BETWEEN 0.3 AND 0.305 THEN t + interval '3 hours' END,
              CASE WHEN r >= 0.03 THEN 'marketing' END, r >= 0.03, CASE WHEN r >= 0.03 THEN 61500 END,
              t, CASE WHEN r >= 0.03 THEN t + interval '5 seconds' END,
              CASE WHEN r >= 0.03 AND r2 < 0.6 THEN t + make_interval(secs => r2 * 86400) END,
              CASE WHEN r >= 0.03 AND r2 < 0.06 THEN t + make_interval(secs => r2 * 86400 + 120) END,
              CASE WHEN r < 0.03 THEN t + interval '3 seconds' END,
              k."launchedAt"
       FROM (SELECT id, "launchedAt", row_number() OVER (ORDER BY id) - 1 AS kn FROM "Campaign") k,
            LATERAL (SELECT g, 'm' || k.kn || '-' || g AS mid, k."launchedAt" + make_interval(secs => g / 80.0) AS t,
                            (hashint4(g * 31 + k.kn::int) & 1023) / 1024.0 AS r, (hashint4(g * 17 + k.kn::int * 7) & 1023) / 1024.0 AS r2
                     FROM generate_series(0, ${PER_CAMPAIGN - 1}) g) m`,
    );
    await sql.query(`ALTER TABLE "Message" ENABLE TRIGGER message_rollup_insert`);
    await step(
      "status events",
      `INSERT INTO "MessageStatusEvent" ("workspaceId", wamid, status, "messageId", recipient, "errorCode", "pricingCategory", "occurredAt")
       SELECT 'bench', m.wamid, s.status, m.id, '34600000000', CASE WHEN s.status = 'failed' THEN m."errorCode" END, m."pricingCategory", s.at
       FROM "Message" m, LATERAL (VALUES ('sent', m."sentAt"), ('delivered', m."deliveredAt"), ('read', m."readAt"), ('failed', m."failedAt")) s(status, at)
       WHERE s.at IS NOT NULL`,
    );
    await step("VACUUM ANALYZE", `VACUUM ANALYZE`);
    const counts = (
      await sql.query(
        `SELECT (SELECT count(*) FROM "Message")::int AS messages, (SELECT count(*) FROM "MessageStatusEvent")::int AS events`,
      )
    ).rows[0];
    console.log(
      `  ${counts.messages.toLocaleString("en")} messages, ${counts.events.toLocaleString("en")} status events`,
    );

    const { rebuildRollups, foldRollups } = await import("@/lib/analytics/rollups");
    const rebuildStarted = performance.now();
    await rebuildRollups();
    const rebuildSeconds = (performance.now() - rebuildStarted) / 1000;
    await sql.query(`VACUUM ANALYZE "CampaignMinute"`);
    await sql.query(`VACUUM ANALYZE "CampaignDay"`);
    const rollupRows = (
      await sql.query(
        `SELECT (SELECT count(*) FROM "CampaignMinute")::int AS minutes, (SELECT count(*) FROM "CampaignDay")::int AS days`,
      )
    ).rows[0];

    const { campaignReport } = await import("@/lib/analytics/report");
    const { dashboard, today, shiftDay } = await import("@/lib/analytics/dashboard");
    const { listRecipients } = await import("@/lib/campaigns/recipients");
    const campaign = (i: number) => `k${(i * 37) % CAMPAIGNS}`;
    const to = today("Europe/Madrid");
    const deepCursor = (i: number) => `c${Math.floor(CONTACTS * 0.7) + i}`;
    const cursors: (string | undefined)[] = [];
    for (let i = 0; i <= RUNS; i++)
      cursors.push((await listRecipients("bench", campaign(i), { stage: "read" })).next ?? undefined);
    const rows: Row[] = [
      await timeRuns("campaign report (funnel, series, buttons, failures, cost)", (i) =>
        campaignReport("bench", campaign(i)),
      ),
      await timeRuns("dashboard, last 30 days", () => dashboard("bench", { from: shiftDay(to, -29), to })),
      await timeRuns("dashboard, last 90 days", () => dashboard("bench", { from: shiftDay(to, -89), to })),
      await timeRuns("drill-down: read, first page", (i) => listRecipients("bench", campaign(i), { stage: "read" })),
      await timeRuns("drill-down: delivered not read, deep page", (i) =>
        listRecipients("bench", campaign(i), { stage: "delivered_not_read", after: deepCursor(i) }),
      ),
      await timeRuns("drill-down: failed 131026, first page", (i) =>
        listRecipients("bench", campaign(i), { stage: "failed", reason: "131026" }),
      ),
      await timeRuns("drill-down: read, next page (cursor from page 1)", (i) =>
        listRecipients("bench", campaign(i), { stage: "read", after: cursors[i]! }),
      ),
    ];
    await printTable(
      `Analytics reads at ${(counts.events / 1e6).toFixed(1)} M status events (${counts.messages.toLocaleString("en")} messages, ${CAMPAIGNS} campaigns); rollups rebuilt from the raw rows in ${rebuildSeconds.toFixed(1)} s (${rollupRows.minutes.toLocaleString("en")} minute rows, ${rollupRows.days.toLocaleString("en")} day rows)`,
      rows,
    );

    // Live: 1,000 status events per second through the real path, folded as the worker does.
    const { receiveWebhook } = await import("@/lib/webhooks/ingest");
    const { processPendingWebhooks } = await import("@/lib/webhooks/process");
    const { signBody } = await import("@/lib/webhooks/signature");
    const { envelope, statusChange } = await import("@/lib/whatsapp/webhook-payloads");
    const number = { wabaId: "1001", phoneNumberId: "2002", displayPhoneNumber: "15550001111" };
    // Delivered-not-read messages of the newest campaigns get read (enough for the whole run).
    const liveIds = (
      await sql.query(
        `SELECT id, wamid FROM "Message" WHERE state = 'DELIVERED' ORDER BY "createdAt" DESC, id LIMIT $1`,
        [LIVE_RATE * LIVE_SECONDS],
      )
    ).rows as { id: string; wamid: string }[];
    const readNow = async () =>
      Number(
        (
          await sql.query(
            `SELECT COALESCE(sum(n), 0)::bigint AS n FROM "CampaignDay" WHERE "workspaceId" = 'bench' AND key = 'read'`,
          )
        ).rows[0].n,
      );
    const base = await readNow();
    let stop = false; // no more arrivals
    let done = false; // everything counted (or given up on)
    const loop = async (step: () => Promise<unknown>, idleMs: number) => {
      while (!done) if (!(await step())) await new Promise((r) => setTimeout(r, idleMs));
    };
    const workers = [
      loop(async () => (await processPendingWebhooks(500)).processed > 0, 100),
      loop(async () => (await foldRollups()) > 0, 500), // the worker's half-second fold
    ];
    const batches: { at: number; total: number }[] = [];
    const seen: number[] = [];
    const sampler = (async () => {
      let next = 0;
      while (!stop || next < batches.length) {
        const value = (await readNow()) - base;
        const now = performance.now();
        while (next < batches.length && value >= batches[next]!.total) seen[next++] = now;
        if (stop && next < batches.length && now - batches.at(-1)!.at > 30_000) break;
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const perBatch = LIVE_RATE / 10; // a delivery of 100 read statuses every 100 ms
    const started = performance.now();
    for (let b = 0; b * perBatch < liveIds.length; b++) {
      const due = started + b * 100;
      if (due > performance.now()) await new Promise((r) => setTimeout(r, due - performance.now()));
      const chunk = liveIds.slice(b * perBatch, (b + 1) * perBatch);
      const body = Buffer.from(
        JSON.stringify(
          envelope(number.wabaId, [
            statusChange(
              number,
              chunk.map((m) => ({
                wamid: m.wamid,
                status: "read" as const,
                at: new Date(),
                recipient: "34600000000",
                callbackData: `pm:${m.id}`,
              })),
            ),
          ]),
        ),
      );
      await receiveWebhook(body, signBody(body, APP_SECRET));
      batches.push({ at: performance.now(), total: (batches.at(-1)?.total ?? 0) + chunk.length });
    }
    const sending = (performance.now() - started) / 1000;
    stop = true;
    await sampler;
    done = true;
    await Promise.all(workers);
    const stuck = (
      await sql.query(
        `SELECT count(*)::int AS n, max("lastError") AS error FROM "WebhookDelivery" WHERE "processedAt" IS NULL`,
      )
    ).rows[0];
    if (stuck.n) console.log(`  ${stuck.n} deliveries not processed: ${stuck.error}`);
    const lags = batches.map((b, i) => (seen[i] ?? Infinity) - b.at).sort((a, b) => a - b);
    await printTable(
      `Rollup lag while ${LIVE_RATE.toLocaleString("en")} read statuses per second arrive for ${LIVE_SECONDS} s (stored, processed, folded)`,
      [
        {
          events: batches.at(-1)?.total ?? 0,
          "arrival rate /s": Math.round((batches.at(-1)?.total ?? 0) / sending),
          "lag p50 s": (percentile(lags, 50) / 1000).toFixed(2),
          "lag p95 s": (percentile(lags, 95) / 1000).toFixed(2),
          "lag max s": (lags.at(-1)! / 1000).toFixed(2),
          "counted in the end": (await readNow()) - base,
        },
      ],
    );
  });
}
