// `npm run bench -- journeys`: the journey engine with a million people inside, on this machine.
//
// A durable embedded PostgreSQL, the sandbox and the worker as their own processes (as in production).
// 1. Timers: 1,000,000 people wait in a journey (wait 1 hour, then exit); BENCH_JOURNEY_DUE of them (100,000)
//    are due now. The clock runs from the worker's start until none is due: due steps per second (each
//    due run takes two steps: the wait ends, the exit). The worker's memory is sampled throughout: it must
//    stay flat, as the waiting million are rows, not objects in the worker.
// 2. Events: 500 events a second for 20 seconds through lib/events (as POST /events stores them), each
//    entering a journey whose first step sends a template. Latency is from the event's arrival to the send
//    request leaving for the sandbox (the message's requestAt), p50 / p95 / max.
import type { ChildProcess } from "node:child_process";
import { cpus } from "node:os";
import type pg from "pg";
import { freePort } from "../scripts/lib/embedded-postgres.ts";
import { withBenchDatabase } from "./database.ts";
import { usage } from "./cpu.ts";
import { node, printed } from "./dispatch.ts";
import { percentile, printTable, type Row } from "./table.ts";

const WAITING = Number(process.env.BENCH_JOURNEY_WAITING ?? 1_000_000);
const DUE = Number(process.env.BENCH_JOURNEY_DUE ?? 100_000);
const EVENTS_PER_SECOND = Number(process.env.BENCH_JOURNEY_EVENTS_PER_SECOND ?? 500);
const EVENT_SECONDS = 20;
const ids = { wabaId: "920000000000001", phoneNumberId: "920000000000101" };
const COMPONENTS = [
  { type: "BODY", text: "Hi {{1}}, your order {{2}} is on its way.", example: { body_text: [["Ana", "#1"]] } },
];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function count(sql: pg.Client, text: string, values: unknown[] = []) {
  return Number((await sql.query(text, values)).rows[0].n);
}

export async function benchJourneys() {
  await withBenchDatabase("journeys", async (sql) => {
    const sandboxPort = await freePort();
    const sandbox = node("scripts/sandbox.ts", {
      SANDBOX_PORT: String(sandboxPort),
      SANDBOX_ACCESS_TOKEN: "bench-token",
      SANDBOX_APP_SECRET: "bench-secret",
      SANDBOX_WEBHOOK_URL: "",
      SANDBOX_CONFIG: JSON.stringify({ ...ids, throughputPerSecond: 5000, webhooks: false, pairBurst: 1000 }),
    });
    const base = `http://127.0.0.1:${sandboxPort}`;
    await printed(sandbox, "sandbox ready");
    const workers: ChildProcess[] = [];
    try {
      const { db } = await import("@/lib/db/client");
      const { saveAccount } = await import("@/lib/whatsapp/accounts");
      const workspace = await db.workspace.create({ data: { name: "Bench", slug: "bench" } });
      const ws = workspace.id;
      await saveAccount(ws, {
        ...ids,
        graphApiBase: `${base}/v23.0`,
        accessToken: "bench-token",
        appSecret: "bench-secret",
        verifyToken: "v",
      });
      await db.whatsAppAccount.update({
        where: { workspaceId: ws },
        data: { throughputPerSecond: 1000, messagingLimitTier: "TIER_UNLIMITED" },
      });
      await db.template.create({
        data: {
          workspaceId: ws,
          name: "shipped",
          language: "en_US",
          category: "UTILITY",
          components: COMPONENTS,
          status: "APPROVED",
          metaTemplateId: "1",
        },
      });
      await fetch(`${base}/_sandbox/templates`, {
        method: "POST",
        body: JSON.stringify({
          templates: [
            {
              id: "1",
              name: "shipped",
              language: "en_US",
              category: "UTILITY",
              components: COMPONENTS,
              status: "APPROVED",
            },
          ],
        }),
      });
      const list = await db.consentList.create({ data: { workspaceId: ws, name: "Orders", category: "UTILITY" } });

      console.log(`Seeding ${WAITING.toLocaleString("en")} contacts and people waiting in a journey…`);
      const seedStarted = Date.now();
      await sql.query(
        `INSERT INTO "Contact" (id, "workspaceId", phone, name, "updatedAt")
         SELECT 'c' || i, $1, '+3462' || lpad(i::text, 7, '0'), 'Person ' || i, now() FROM generate_series(1, $2::int) i`,
        [ws, WAITING],
      );
      const timers = {
        trigger: { kind: "event", event: "bench.timer" },
        start: "wait_1",
        steps: [
          { id: "wait_1", kind: "wait", mode: "duration", seconds: 3600, next: "exit_1" },
          { id: "exit_1", kind: "exit" },
        ],
      };
      const sends = {
        trigger: { kind: "event", event: "order.shipped" },
        start: "send_1",
        steps: [
          {
            id: "send_1",
            kind: "send",
            template: "shipped",
            variables: {
              "body:1": { source: "field", value: "first_name", fallback: "there" },
              "body:2": { source: "event", value: "orderId", fallback: "" },
            },
            next: null,
          },
        ],
        entry: { rule: "always" },
      };
      for (const [id, graph] of [
        ["timers", timers],
        ["sends", sends],
      ] as const) {
        await sql.query(
          `INSERT INTO "Journey" (id, "workspaceId", name, status, draft, trigger, "updatedAt") VALUES ($1, $2, $1, 'LIVE', $3, $4, now())`,
          [id, ws, JSON.stringify(graph), `event:${graph.trigger.event}`],
        );
        await sql.query(
          `INSERT INTO "JourneyVersion" (id, "journeyId", number, graph) VALUES ($1 || '-v1', $1, 1, $2)`,
          [id, JSON.stringify(graph)],
        );
        await sql.query(`UPDATE "Journey" SET "liveVersionId" = $1 || '-v1' WHERE id = $1`, [id]);
      }
      await sql.query(
        `INSERT INTO "JourneyRun" (id, "workspaceId", "journeyId", "versionId", "contactId", "stepId", "stepAt", "dueAt", "enteredAt")
         SELECT 'r' || i, $1, 'timers', 'timers-v1', 'c' || i, 'wait_1',
           CASE WHEN i <= $3 THEN now() - interval '2 hours' ELSE now() END,
           CASE WHEN i <= $3 THEN now() ELSE now() + interval '1 hour' END,
           now() - interval '2 hours'
         FROM generate_series(1, $2::int) i`,
        [ws, WAITING, DUE],
      );
      // The people the events name: opted in to order updates.
      const eventPeople = EVENTS_PER_SECOND * EVENT_SECONDS;
      await sql.query(
        `INSERT INTO "ContactConsent" ("contactId", "consentListId", "workspaceId", "optedIn", "changedAt")
         SELECT 'c' || i, $2, $1, true, now() FROM generate_series(1, $3::int) i`,
        [ws, list.id, eventPeople],
      );
      await sql.query(`VACUUM ANALYZE "Contact", "JourneyRun", "ContactConsent"`);
      console.log(`Seeded in ${((Date.now() - seedStarted) / 1000).toFixed(0)} s.`);

      // 1. Timers.
      const worker = node("scripts/worker.ts", { PARLEY_WORKER_ID: "bench-journeys", LOG_LEVEL: "warn" });
      workers.push(worker);
      const rss: number[] = [];
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          rss.push(usage(worker.pid!).rssMb);
          await sleep(250);
        }
      })();
      const began = Date.now();
      const cpu0 = usage(worker.pid!).cpu;
      const dueNow = () =>
        count(
          sql,
          `SELECT count(*) AS n FROM "JourneyRun" WHERE status = 'ACTIVE' AND "dueAt" <= now() AND "journeyId" = 'timers'`,
        );
      let firstDone = 0;
      while ((await dueNow()) > 0) {
        if (
          !firstDone &&
          (await count(sql, `SELECT count(*) AS n FROM "JourneyStepLog" WHERE "journeyId" = 'timers'`)) > 0
        )
          firstDone = Date.now();
        if (Date.now() - began > 600_000) throw new Error("the due runs were not done in 10 minutes");
        await sleep(200);
      }
      const ended = Date.now();
      // From the first step run (the worker's start-up is not the engine's speed) to the last.
      const seconds = (ended - (firstDone || began)) / 1000;
      const steps = await count(sql, `SELECT count(*) AS n FROM "JourneyStepLog" WHERE "journeyId" = 'timers'`);
      const rssTimers = [...rss];
      const timerRow: Row = {
        "people waiting": WAITING.toLocaleString("en"),
        "due now": DUE.toLocaleString("en"),
        "steps run": steps.toLocaleString("en"),
        "seconds (first step → none due)": seconds.toFixed(1),
        "due steps/s": Math.round(steps / seconds),
        "runs finished/s": Math.round(DUE / seconds),
        "worker CPU %": Math.round((100 * (usage(worker.pid!).cpu - cpu0)) / ((ended - began) / 1000)),
        "worker RSS start → peak → end MB": `${Math.round(rssTimers[0] ?? 0)} → ${Math.round(Math.max(...rssTimers))} → ${Math.round(rssTimers.at(-1) ?? 0)}`,
      };

      // 2. Events at 500/s, each entering the sends journey.
      const { recordEvents } = await import("@/lib/events/service");
      const rssBefore = rss.length;
      const eventsStart = Date.now();
      for (let second = 0; second < EVENT_SECONDS; second++) {
        const tickStart = Date.now();
        // Ten calls a second, as a shop's order system would post them.
        const perCall = EVENTS_PER_SECOND / 10;
        for (let k = 0; k < 10; k++) {
          const from = second * EVENTS_PER_SECOND + k * perCall;
          await recordEvents(
            ws,
            null,
            Array.from({ length: perCall }, (_, j) => ({
              ok: true as const,
              value: {
                name: "order.shipped",
                contact: { id: `c${from + j + 1}` },
                properties: { orderId: `#${from + j}` },
                createContact: false,
              },
            })),
          );
          const due = tickStart + ((k + 1) * 1000) / 10;
          if (due > Date.now()) await sleep(due - Date.now());
        }
      }
      const eventsSeconds = (Date.now() - eventsStart) / 1000;
      const sentAll = Date.now();
      while (
        (await count(sql, `SELECT count(*) AS n FROM "Message" WHERE "requestAt" IS NOT NULL AND "workspaceId" = $1`, [
          ws,
        ])) < eventPeople
      ) {
        if (Date.now() - sentAll > 120_000) break;
        await sleep(200);
      }
      sampling = false;
      await sampler;
      const { rows } = await sql.query(
        `SELECT EXTRACT(EPOCH FROM m."requestAt" - e."receivedAt") * 1000 AS ms,
           EXTRACT(EPOCH FROM m."createdAt" - e."receivedAt") * 1000 AS queued
         FROM "JourneyStepLog" l JOIN "JourneyRun" r ON r.id = l."runId" JOIN "Message" m ON m.id = l."messageId"
         JOIN "ContactEvent" e ON e."contactId" = r."contactId" AND e.name = 'order.shipped'
         WHERE l."journeyId" = 'sends' AND m."requestAt" IS NOT NULL ORDER BY 1`,
      );
      const lags = rows.map((r: { ms: string }) => Number(r.ms));
      const queued = rows.map((r: { queued: string }) => Number(r.queued)).sort((a: number, b: number) => a - b);
      const rssEvents = rss.slice(rssBefore);
      const eventRow: Row = {
        events: eventPeople.toLocaleString("en"),
        "events/s offered": Math.round(eventPeople / eventsSeconds),
        sent: lags.length.toLocaleString("en"),
        "event → send p50 ms": Math.round(percentile(lags, 50)),
        "event → send p95 ms": Math.round(percentile(lags, 95)),
        "event → send max ms": Math.round(lags.at(-1) ?? 0),
        "event → queued p95 ms": Math.round(percentile(queued, 95)),
        "worker RSS peak MB": Math.round(Math.max(...rssEvents)),
      };
      await printTable(
        `Journeys: due steps with ${WAITING.toLocaleString("en")} people waiting (${cpus().length} cores)`,
        [timerRow],
      );
      await printTable(`Journeys: event to first send at ${EVENTS_PER_SECOND} events/s`, [eventRow]);
    } finally {
      for (const p of [...workers, sandbox]) if (p.exitCode === null) p.kill("SIGTERM");
      await Promise.all(
        [...workers, sandbox].map((p) => new Promise((r) => (p.exitCode !== null ? r(null) : p.once("exit", r)))),
      );
      const { closePgPool } = await import("@/lib/db/pg");
      await closePgPool();
    }
  });
}
