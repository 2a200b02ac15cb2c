// `npm run bench -- api`: transactional sends through the public API, on this machine, end to end.
//
// A durable embedded PostgreSQL; the production web process (scripts/web.ts on the `next build` output),
// the worker (scripts/worker.ts) and the sandbox Cloud API each in its own process, as `npm start` runs them.
// A workspace with 5,000 opted-in contacts and an approved utility template; one API key (its rate limit
// lifted for the run). A load generator in this process sends `POST /api/public/v1/messages` open-loop at a
// fixed offered rate (latency counted from each call's scheduled time, so a stall is not hidden), while the
// worker sends what is accepted to the sandbox at the number's 1,000/s:
// 1. 1,000 calls/s for 10 s: accepted per second and the accept latency (target ≥1,000/s, p95 ≤50 ms);
// 2. 500 calls/s for 10 s: the same, and the time from accept to the request leaving for the Cloud API
//    (Message.createdAt to requestAt, both PostgreSQL's clock; target p95 ≤250 ms);
// "refused" counts the calls answered otherwise than 202, by status and code (the sandbox's share of people not
// on WhatsApp are refused "not_on_whatsapp" once their first message came back 131026: that is the product
// working). After each row, until the statuses of its messages have come back from the sandbox and been
// processed: a second table shows the CPU each process spent per accepted message over that whole life (accept,
// send, status webhooks in, processing), and what that makes the machine's capacity: on a machine where the
// target is out of reach, it says which process would have to get how much cheaper.
// (BENCH_STATEMENTS=1 adds, per row, the statements PostgreSQL spent most time on: bench/database.ts.)
// Then the outbound webhook delivery benchmark (bench/api-webhooks.ts): ≥2,000 events/s, none lost.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { Pool } from "undici";
import { cpus } from "node:os";
import { freePort } from "../scripts/lib/embedded-postgres.ts";
import { buildIsCurrent } from "../scripts/lib/build.ts";
import { root } from "../scripts/lib/schema-engine.ts";
import { benchApiWebhooksRows } from "./api-webhooks.ts";
import { statusesOutstanding } from "./dispatch.ts";
import { machineBusy, postgresCpuMs, usage } from "./cpu.ts";
import { printTopStatements, resetStatements, withBenchDatabase } from "./database.ts";
import { percentile, printTable, type Row } from "./table.ts";

const CONTACTS = 5_000;
const SECONDS = 10;
const ids = { wabaId: "920000000000001", phoneNumberId: "920000000000101" };
const COMPONENTS = [
  { type: "BODY", text: "Hi {{1}}, your order {{2}} ships {{3}}.", example: { body_text: [["Ana", "#1", "today"]] } },
  {
    type: "BUTTONS",
    buttons: [{ type: "URL", text: "Track", url: "https://shop.example.com/t/{{1}}", example: ["1"] }],
  },
];

const node = (args: string[], env: Record<string, string>) =>
  spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/lib/allow-server-only.mjs", ...args], {
    env: { ...process.env, LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });

const printed = (child: ChildProcess, text: string) =>
  new Promise<void>((resolve) =>
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes(text) && resolve()),
  );

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Offers `rate` calls a second for SECONDS; each call's latency is counted from its scheduled moment. */
async function offer(pool: Pool, key: string, rate: number, phones: string[], label: string) {
  const latencies: number[] = [];
  const accepted: string[] = [];
  const failures = new Map<string, number>();
  const total = rate * SECONDS;
  const began = performance.now();
  const calls: Promise<void>[] = [];
  let sent = 0;
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - began) / 1000) * rate));
    for (; sent < due; sent++) {
      const scheduled = began + (sent / rate) * 1000;
      const phone = phones[sent % phones.length]!;
      calls.push(
        pool
          .request({
            path: "/api/public/v1/messages",
            method: "POST",
            headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
            body: JSON.stringify({
              to: phone,
              template: {
                name: "order_shipped",
                language: "en_US",
                variables: { body: ["Ana", `#${sent}`, "Friday"] },
                buttons: [{ index: 0, urlSuffix: String(sent) }],
              },
              callbackData: `${label}-${sent}`,
            }),
          })
          .then(async (res) => {
            const body = (await res.body.json()) as { id?: string; code?: string };
            latencies.push(performance.now() - scheduled);
            if (res.statusCode === 202 && body.id) accepted.push(body.id);
            else
              failures.set(`${res.statusCode} ${body.code}`, (failures.get(`${res.statusCode} ${body.code}`) ?? 0) + 1);
          })
          .catch(() => void failures.set("no answer", (failures.get("no answer") ?? 0) + 1)),
      );
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  await Promise.all(calls);
  const seconds = (performance.now() - began) / 1000;
  latencies.sort((a, b) => a - b);
  return { accepted, seconds, latencies, failures };
}

export async function benchApi() {
  if (!buildIsCurrent()) {
    console.log("Building the app (next build) for the web process…");
    await new Promise<void>((resolve, reject) =>
      spawn(path.join(root, "node_modules/.bin/next"), ["build"], {
        stdio: "inherit",
        env: { ...process.env, NODE_ENV: "production" },
      }).on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build exited ${code}`)))),
    );
  }
  const rows: Row[] = [];
  const cpuRows: Row[] = [];
  let webhookRows: Row[] = [];
  await withBenchDatabase("api", async (sql, dataDir) => {
    const { db } = await import("@/lib/db/client");
    const { saveAccount } = await import("@/lib/whatsapp/accounts");
    const { createApiKey } = await import("@/lib/api/keys");
    const sandboxPort = await freePort();
    const webPort = await freePort();
    const children: ChildProcess[] = [];
    try {
      const sandbox = node(["scripts/sandbox.ts"], {
        SANDBOX_PORT: String(sandboxPort),
        SANDBOX_ACCESS_TOKEN: "bench-token",
        SANDBOX_APP_SECRET: "bench-secret",
        SANDBOX_WEBHOOK_URL: `http://127.0.0.1:${webPort}/api/webhooks/whatsapp`,
        SANDBOX_CONFIG: JSON.stringify({ ...ids, throughputPerSecond: 1000, webhooks: true, pairBurst: 1000 }),
      });
      children.push(sandbox);
      await printed(sandbox, "sandbox ready");
      const base = `http://127.0.0.1:${sandboxPort}`;

      const workspace = await db.workspace.create({ data: { name: "Bench", slug: `bench-api-${Date.now()}` } });
      await saveAccount(workspace.id, {
        ...ids,
        graphApiBase: `${base}/v23.0`,
        accessToken: "bench-token",
        appSecret: "bench-secret",
        verifyToken: "v",
      });
      await db.whatsAppAccount.update({
        where: { workspaceId: workspace.id },
        data: { throughputPerSecond: 1000, messagingLimitTier: "TIER_UNLIMITED" },
      });
      await db.template.create({
        data: {
          workspaceId: workspace.id,
          name: "order_shipped",
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
              name: "order_shipped",
              language: "en_US",
              category: "UTILITY",
              components: COMPONENTS,
              status: "APPROVED",
            },
          ],
        }),
      });
      const list = await db.consentList.create({
        data: { workspaceId: workspace.id, name: "Orders", category: "UTILITY" },
      });
      const { rows: contacts } = await sql.query<{ phone: string }>(
        `WITH c AS (INSERT INTO "Contact" (id, "workspaceId", phone, name, "updatedAt")
           SELECT gen_random_uuid()::text, $1, '+3461' || lpad(i::text, 7, '0'), 'Person ' || i, now() FROM generate_series(1, $3::int) i RETURNING id, phone),
         consent AS (INSERT INTO "ContactConsent" ("contactId", "consentListId", "workspaceId", "optedIn", "changedAt") SELECT id, $2, $1, true, now() FROM c)
         SELECT phone FROM c`,
        [workspace.id, list.id, CONTACTS],
      );
      await sql.query(`ANALYZE`);
      const { key } = await createApiKey(workspace.id, null, {
        name: "Bench",
        scopes: ["messages:send"],
        expiresAt: null,
      });

      const web = node(["scripts/web.ts"], {
        PORT: String(webPort),
        HOST: "127.0.0.1",
        APP_URL: `http://127.0.0.1:${webPort}`,
        PARLEY_API_RATE_PER_SECOND: "1000000",
        NODE_ENV: "production",
      });
      children.push(web);
      await until(async () => (await fetch(`http://127.0.0.1:${webPort}/api/health`)).ok, 120_000, "the web process");
      const worker = node(["scripts/worker.ts"], { PARLEY_WORKER_ID: "bench-api", LOG_LEVEL: "info" });
      children.push(worker);
      await printed(worker, "worker ready");

      const pool = new Pool(`http://127.0.0.1:${webPort}`, { connections: 64 });
      const { normalisePhone } = await import("@/lib/contacts/phone");
      const phones = contacts.map((c) => c.phone).filter((p) => normalisePhone(p).ok); // numbers WhatsApp could reach
      /** Until every status webhook of the messages so far has come back and been applied. */
      const statusesProcessed = () =>
        until(async () => (await statusesOutstanding(sql, base)) === 0, 180_000, "the status webhooks to be processed");
      // Warm-up: compiles the route's code paths and fills the pools.
      await offer(pool, key, 100, phones, "warmup");
      await statusesProcessed();
      /** CPU milliseconds so far: each process of the loop, PostgreSQL, and the whole machine (all cores). */
      const cpuNow = () => {
        const own = process.cpuUsage();
        return {
          web: usage(web.pid!).cpu * 1000,
          worker: usage(worker.pid!).cpu * 1000,
          sandbox: usage(sandbox.pid!).cpu * 1000,
          PostgreSQL: postgresCpuMs(dataDir) ?? NaN,
          "load generator": (own.user + own.system) / 1000,
          machine: machineBusy().busy * 10,
        };
      };
      for (const rate of [1000, 500]) {
        await resetStatements(sql);
        const cpu0 = cpuNow();
        const run = await offer(pool, key, rate, phones, `r${rate}`);
        const row: Row = {
          "offered /s": rate,
          "accepted /s": Math.round(run.accepted.length / run.seconds),
          refused: [...run.failures].map(([why, n]) => `${n}× ${why}`).join(", ") || "0",
          "accept p50 ms": percentile(run.latencies, 50).toFixed(1),
          "accept p95 ms": percentile(run.latencies, 95).toFixed(1),
          "accept p99 ms": percentile(run.latencies, 99).toFixed(1),
        };
        // Every accepted message leaves for the Cloud API; how long after its accept.
        await until(
          async () =>
            (
              await sql.query(
                `SELECT count(*)::int AS n FROM "Message" WHERE id = ANY($1) AND "requestAt" IS NULL AND state IN ('QUEUED', 'CLAIMED')`,
                [run.accepted],
              )
            ).rows[0].n === 0,
          120_000,
          "the accepted messages to be sent",
        );
        const { rows: waits } = await sql.query<{ ms: number }>(
          `SELECT extract(epoch FROM ("requestAt" - "createdAt")) * 1000 AS ms FROM "Message" WHERE id = ANY($1) AND "requestAt" IS NOT NULL ORDER BY 1`,
          [run.accepted],
        );
        const ms = waits.map((w) => Number(w.ms));
        row["to Cloud API p50 ms"] = percentile(ms, 50).toFixed(0);
        row["to Cloud API p95 ms"] = percentile(ms, 95).toFixed(0);
        const { rows: sentTwice } = await sql.query(
          `SELECT count(*)::int - count(DISTINCT wamid)::int AS n FROM "Message" WHERE id = ANY($1) AND wamid IS NOT NULL`,
          [run.accepted],
        );
        row["sent twice"] = sentTwice[0].n;
        rows.push(row);
        await statusesProcessed();
        const cpu1 = cpuNow();
        await printTopStatements(sql, `Offered ${rate}/s`, { name: "message", count: run.accepted.length });
        const perMessage = (name: keyof typeof cpu0) => (cpu1[name] - cpu0[name]) / run.accepted.length;
        const machineMs = perMessage("machine");
        cpuRows.push({
          "offered /s": rate,
          accepted: run.accepted.length,
          ...Object.fromEntries(
            (["web", "worker", "sandbox", "PostgreSQL", "load generator"] as const).map((name) => [
              `${name} ms`,
              perMessage(name).toFixed(2),
            ]),
          ),
          "machine ms": machineMs.toFixed(2),
          "messages/s the cores could carry": Math.round((cpus().length * 1000) / machineMs),
        });
      }
      await pool.close();
    } finally {
      for (const child of children) child.kill("SIGTERM");
      await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once("exit", r)))));
    }
    webhookRows = await benchApiWebhooksRows();
  });
  await printTable("Public API: transactional sends (POST /api/public/v1/messages → worker → sandbox Cloud API)", rows);
  await printTable(
    `CPU per accepted message, accept to statuses processed (${cpus().length} cores; the sandbox stands in for Meta)`,
    cpuRows,
  );
  await printTable("Outbound webhooks: delivery to a local receiver", webhookRows);
}
