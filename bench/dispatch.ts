// `npm run bench -- dispatch`: campaign sending end to end, on this machine.
//
// A durable embedded PostgreSQL, the sandbox as its own process over HTTP, the worker as its own process
// (`scripts/worker.ts`, as in production). A campaign is launched through lib/campaigns and the clock runs
// from its start until every message is handed to the sandbox.
// 1. Limits lifted (the number and the sandbox take 5,000/s), webhooks off: what one machine sends.
// 2. The number at Meta's default 80/s, webhooks on (statuses flow back and are processed meanwhile):
//    the measured rate against 80, and how many 130429 errors the sandbox answered.
// 3. The same with the sandbox's fault mode: a tenth of send calls fail (HTTP 500, Meta's transient codes,
//    retried) or hang (accepted, but answered only after 30 s, past the client's 10 s deadline). Its rate
//    is shown as a share of row 2's; the target is at least 90%: one slow request must not hold the others.
// CPU is the share of the machine's cores busy during the run; memory is each process's peak RSS.
// `npm run bench -- crash`: a worker killed with SIGKILL at 40% of a 50,000-recipient campaign and a new
// one started: the sandbox's log shows nobody received it twice and nobody was left out.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { cpus } from "node:os";
import pg from "pg";
import { freePort } from "../scripts/lib/embedded-postgres.ts";
import { machineBusy, usage } from "./cpu.ts";
import { withBenchDatabase } from "./database.ts";
import { percentile, printTable, type Row } from "./table.ts";

const SECRET = "bench-app-secret";
const TOKEN = "bench-token";
const ids = { wabaId: "910000000000001", phoneNumberId: "910000000000101" };
const COMPONENTS = [
  { type: "BODY", text: "Hi {{1}}, your order {{2}} is on its way.", example: { body_text: [["Ana", "#1"]] } },
  {
    type: "BUTTONS",
    buttons: [{ type: "URL", text: "Track", url: "https://shop.example.com/t/{{1}}", example: ["1"] }],
  },
];

export const node = (script: string, env: Record<string, string>) =>
  spawn(
    process.execPath,
    [
      // BENCH_PROFILE=<dir>: each child writes a V8 CPU profile there on exit (open it in Chrome's DevTools).
      ...(process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []),
      ...["--import", "tsx", "--import", "./scripts/lib/allow-server-only.mjs", script],
    ],
    {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );

/** Resolves when the process prints `text` (its ready line). */
export const printed = (child: ChildProcess, text: string) =>
  new Promise<void>((resolve) =>
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes(text) && resolve()),
  );

/**
 * Status webhooks not through yet: still to be sent by the sandbox at `sandboxBase` (a read comes seconds after
 * delivery), stored and not processed by the worker, or processed and not folded into the rollups.
 */
export async function statusesOutstanding(sql: pg.Client, sandboxBase: string): Promise<number> {
  const stats = (await (await fetch(`${sandboxBase}/_sandbox/stats`)).json()) as { pendingWebhooks: number };
  const { rows } = await sql.query<{ n: number }>(
    `SELECT (SELECT count(*) FROM "WebhookDelivery" WHERE "processedAt" IS NULL)::int
          + (SELECT count(*) FROM "RollupDelta")::int AS n`,
  );
  return stats.pendingWebhooks + rows[0]!.n;
}

type Faults = { failShare: number; hangShare: number; hangMs: number };
type RigOptions = { recipients: number; limit: number; webhooks: boolean; label: string; faults?: Faults };

/** The sandbox process, a webhook receiver, a workspace with `recipients` opted-in contacts and a launched campaign. */
async function rig(sql: pg.Client, options: RigOptions) {
  const sandboxPort = await freePort();
  const receiver = createServer();
  const { handleWebhookPost } = await import("@/lib/webhooks/node-handler");
  receiver.on("request", (req, res) => void handleWebhookPost(req, res));
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  const sandbox = node("scripts/sandbox.ts", {
    SANDBOX_PORT: String(sandboxPort),
    SANDBOX_ACCESS_TOKEN: TOKEN,
    SANDBOX_APP_SECRET: SECRET,
    SANDBOX_WEBHOOK_URL: options.webhooks
      ? `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/webhooks/whatsapp`
      : "",
    SANDBOX_CONFIG: JSON.stringify({
      ...ids,
      throughputPerSecond: options.limit,
      webhooks: options.webhooks,
      pairBurst: 1000,
      ...(options.faults ? { faults: options.faults } : {}),
    }),
  });
  const base = `http://127.0.0.1:${sandboxPort}`;
  await printed(sandbox, "sandbox ready");

  const { db } = await import("@/lib/db/client");
  const { saveAccount } = await import("@/lib/whatsapp/accounts");
  const { forgetWebhookSecrets } = await import("@/lib/webhooks/ingest");
  const { saveCampaign, launchCampaign } = await import("@/lib/campaigns/service");
  const { campaignInputSchema } = await import("@/lib/campaigns/schemas");
  await sql.query(`TRUNCATE "Workspace", "User", "WebhookDelivery", "MessageStatusEvent", "Job" CASCADE`);
  const workspace = await db.workspace.create({ data: { name: "Bench", slug: `bench-${Date.now()}` } });
  const user = await db.user.create({
    data: { email: `bench-${Date.now()}@example.test`, name: "Bench", passwordHash: "x" },
  });
  await saveAccount(workspace.id, {
    ...ids,
    graphApiBase: `${base}/v23.0`,
    accessToken: TOKEN,
    appSecret: SECRET,
    verifyToken: "v",
  });
  await db.whatsAppAccount.update({
    where: { workspaceId: workspace.id },
    data: { throughputPerSecond: options.limit, messagingLimitTier: "TIER_UNLIMITED" },
  });
  forgetWebhookSecrets();
  await db.template.create({
    data: {
      workspaceId: workspace.id,
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
  const list = await db.consentList.create({
    data: { workspaceId: workspace.id, name: "Orders", category: "UTILITY" },
  });
  await sql.query(
    `WITH c AS (INSERT INTO "Contact" (id, "workspaceId", phone, name, "updatedAt")
       SELECT gen_random_uuid()::text, $1, '+3461' || lpad(i::text, 7, '0'), 'Person ' || i, now() FROM generate_series(1, $3::int) i RETURNING id)
     INSERT INTO "ContactConsent" ("contactId", "consentListId", "workspaceId", "optedIn", "changedAt") SELECT id, $2, $1, true, now() FROM c`,
    [workspace.id, list.id, options.recipients],
  );
  await sql.query(`ANALYZE "Contact", "ContactConsent"`); // as an import leaves them
  const member = await db.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role: "MARKETER" } });
  const actor = {
    sessionId: "bench",
    userId: user.id,
    email: user.email,
    name: "Bench",
    workspaceId: workspace.id,
    workspaceName: "Bench",
    role: member.role,
  };
  const input = campaignInputSchema.parse({
    name: options.label,
    templateName: "shipped",
    fallbackLanguage: "en_US",
    consentListId: list.id,
    variables: {
      "body:1": { source: "field", value: "first_name" },
      "body:2": { source: "constant", value: "#10423" },
      "button:0": { source: "constant", value: "10423" },
    },
    schedule: { mode: "now" },
    quietHours: { enabled: false, start: "21:00", end: "09:00" },
  });
  const { id } = await saveCampaign(actor, input);
  await launchCampaign(actor, id);
  // The start is run by the benchmark, timed on its own: not by the worker's job engine.
  await sql.query(`DELETE FROM pgboss.job WHERE name = 'campaigns.start'`);
  const workers: ChildProcess[] = [];

  return {
    id,
    base,
    sandbox,
    async startWorker(env: Record<string, string> = {}) {
      const worker = node("scripts/worker.ts", {
        PARLEY_WORKER_ID: `bench-${workers.length}`,
        LOG_LEVEL: "info",
        ...env,
      });
      workers.push(worker);
      await printed(worker, "worker ready");
      return worker;
    },
    async start() {
      const { startCampaign } = await import("@/lib/campaigns/service");
      const began = Date.now();
      await startCampaign(id);
      return Date.now() - began;
    },
    async remaining() {
      const { rows } = await sql.query(
        `SELECT count(*)::int AS n FROM "Message" WHERE "campaignId" = $1 AND state IN ('QUEUED', 'CLAIMED')`,
        [id],
      );
      return rows[0].n as number;
    },
    /** What the sandbox received: template sends (the worker also answers STOP keywords in text). */
    async received() {
      const stats = (await (await fetch(`${base}/_sandbox/stats`)).json()) as {
        rejected130429: number;
        faultFailed: number;
        faultHeld: number;
      };
      const log = (await (await fetch(`${base}/_sandbox/log?limit=1000000`)).json()) as {
        entries: {
          at: string;
          status: number;
          path: string;
          body: { type?: string; biz_opaque_callback_data?: string };
        }[];
      };
      const accepted = log.entries.filter(
        (e) => e.status === 200 && e.path.endsWith("/messages") && e.body.type === "template",
      );
      const unique = new Set(accepted.map((e) => e.body.biz_opaque_callback_data));
      const { rows } = await sql.query(`SELECT count(*)::int AS total FROM "Message" WHERE "campaignId" = $1`, [id]);
      return {
        accepted,
        unique: unique.size,
        twice: accepted.length - unique.size,
        neverSent: rows[0].total - unique.size,
        rejected130429: stats.rejected130429,
        faultFailed: stats.faultFailed,
        faultHeld: stats.faultHeld,
      };
    },
    async stop() {
      const procs = [...workers, sandbox];
      for (const p of procs) if (p.exitCode === null && p.signalCode === null) p.kill("SIGTERM");
      await Promise.all(
        procs.map(
          (p) => new Promise((r) => (p.exitCode !== null || p.signalCode !== null ? r(null) : p.once("exit", r))),
        ),
      );
      receiver.close();
    },
  };
}

/**
 * The pace while the campaign sends: recipients reached per second between the 5th and the 95th percentile of
 * their first accepted send. Unlike end-to-end, it leaves out the tail that no sender can shorten (a retry's
 * back-off, a request Meta holds for 30 s before its webhook can settle it).
 */
function sendingRate(accepted: { at: string; body: { biz_opaque_callback_data?: string } }[]): number {
  const first = new Map<string | undefined, number>();
  for (const e of accepted)
    if (!first.has(e.body.biz_opaque_callback_data)) first.set(e.body.biz_opaque_callback_data, Date.parse(e.at));
  const times = [...first.values()].sort((a, b) => a - b);
  const from = times[Math.floor(times.length * 0.05)]!;
  const to = times[Math.floor(times.length * 0.95)]!;
  return (times.length * 0.9) / ((to - from) / 1000);
}

async function untilSent(remaining: () => Promise<number>, onTick: () => void = () => {}) {
  const started = Date.now();
  while ((await remaining()) > 0) {
    onTick();
    await new Promise((r) => setTimeout(r, 250));
    if (Date.now() - started > 900_000) throw new Error("dispatch did not finish in 15 minutes");
  }
  return (Date.now() - started) / 1000;
}

async function scenario(sql: pg.Client, options: RigOptions): Promise<Row> {
  const r = await rig(sql, options);
  const worker = await r.startWorker();
  const materialiseMs = await r.start();
  const peak = { worker: 0, sandbox: 0 };
  const cpu0 = { worker: usage(worker.pid!).cpu, sandbox: usage(r.sandbox.pid!).cpu };
  const machine0 = machineBusy();
  const seconds = await untilSent(r.remaining, () => {
    peak.worker = Math.max(peak.worker, usage(worker.pid!).rssMb);
    peak.sandbox = Math.max(peak.sandbox, usage(r.sandbox.pid!).rssMb);
  });
  const machine1 = machineBusy();
  const cpu = { worker: usage(worker.pid!).cpu - cpu0.worker, sandbox: usage(r.sandbox.pid!).cpu - cpu0.sandbox };
  const got = await r.received();
  // The pace as the sandbox saw it: accepted sends from the first to the last.
  const times = got.accepted.map((e) => Date.parse(e.at));
  // The longest stretch with nothing accepted: a sender held up by a slow request shows here.
  const longestGap = times.slice(1).reduce((max, t, i) => Math.max(max, t - times[i]!), 0);
  const row: Row = {
    scenario: options.label,
    recipients: options.recipients,
    "number limit/s": options.limit,
    webhooks: options.webhooks ? "on" : "off",
    "rows made (ms)": materialiseMs,
    seconds: seconds.toFixed(1),
    "end-to-end/s": Math.round(got.unique / seconds),
    "paced/s (sandbox)": ((times.length - 1) / ((times.at(-1)! - times[0]!) / 1000)).toFixed(1),
    "sending/s": sendingRate(got.accepted).toFixed(1),
    "longest gap (s)": (longestGap / 1000).toFixed(1),
    accepted: got.accepted.length,
    "130429": got.rejected130429,
    ...(options.faults ? { "failed (500)": got.faultFailed, "held back": got.faultHeld } : {}),
    "received twice": got.twice,
    "never sent": got.neverSent,
    "machine CPU %": Math.round((100 * (machine1.busy - machine0.busy)) / (machine1.total - machine0.total)),
    "worker CPU %": Math.round((100 * cpu.worker) / seconds),
    "sandbox CPU %": Math.round((100 * cpu.sandbox) / seconds),
    "worker MB": Math.round(peak.worker),
    "sandbox MB": Math.round(peak.sandbox),
  };
  await r.stop();
  return row;
}

/** kill -9 of the worker in the middle of a campaign, then a new worker: nobody twice, nobody lost. */
async function crash(sql: pg.Client, recipients: number): Promise<Row> {
  const r = await rig(sql, { recipients, limit: 1000, webhooks: true, label: "crash" });
  const first = await r.startWorker();
  await r.start();
  while ((await r.remaining()) > recipients * 0.6) await new Promise((resolve) => setTimeout(resolve, 50));
  first.kill("SIGKILL");
  await new Promise((resolve) => first.once("exit", resolve));
  const { rows: atKill } = await sql.query(
    `SELECT state::text, count(*)::int AS n FROM "Message" WHERE "campaignId" = $1 GROUP BY 1`,
    [r.id],
  );
  const at = Object.fromEntries(atKill.map((x: { state: string; n: number }) => [x.state, x.n]));
  const restarted = Date.now();
  await r.startWorker({ PARLEY_RECLAIM_SECONDS: "20" });
  const seconds = await untilSent(r.remaining);
  await new Promise((resolve) => setTimeout(resolve, 5000)); // the last status webhooks
  const got = await r.received();
  const { rows: final } = await sql.query(
    `SELECT state::text, count(*)::int AS n FROM "Message" WHERE "campaignId" = $1 GROUP BY 1 ORDER BY 1`,
    [r.id],
  );
  await r.stop();
  return {
    recipients,
    "sent before kill": (at.SENT ?? 0) + (at.DELIVERED ?? 0) + (at.READ ?? 0),
    "claimed at kill": at.CLAIMED ?? 0,
    "queued at kill": at.QUEUED ?? 0,
    "finished after restart (s)": ((Date.now() - restarted) / 1000 - 5).toFixed(1),
    "sending after restart (s)": seconds.toFixed(1),
    "sandbox received": got.accepted.length,
    "received twice": got.twice,
    "never sent": got.neverSent,
    "final states": final.map((x: { state: string; n: number }) => `${x.state} ${x.n}`).join(", "),
  };
}

/**
 * The full loop at Meta's top rate for one number: a campaign sent at 1,000/s while the sandbox sends its sent,
 * delivered and read webhooks back, the receiver (this process, as the web process would) stores them, and the
 * worker processes them and folds the rollups. Rollup lag: for each message's first delivered-or-read status,
 * from the moment its webhook was stored to the first sample (every 250 ms) in which the campaign's folded
 * "delivered" count included it.
 */
async function fullLoop(sql: pg.Client, recipients: number): Promise<Row> {
  const r = await rig(sql, { recipients, limit: 1000, webhooks: true, label: "full loop" });
  const worker = await r.startWorker();
  const self0 = process.cpuUsage();
  const cpu0 = { worker: usage(worker.pid!).cpu, sandbox: usage(r.sandbox.pid!).cpu };
  const machine0 = machineBusy();
  const began = Date.now();
  await r.start();
  const samples: { at: number; n: number }[] = [];
  const sample = async () => {
    const { rows } = await sql.query(
      `SELECT COALESCE(sum(n), 0)::int AS n FROM "CampaignMinute" WHERE "campaignId" = $1 AND key = 'delivered'`,
      [r.id],
    );
    samples.push({ at: Date.now(), n: rows[0].n });
  };
  let sending = true;
  const sampler = (async () => {
    while (sending) {
      await sample();
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  const seconds = await untilSent(r.remaining);
  sending = false;
  await sampler;
  // Settled: the sandbox has nothing left to send, every stored delivery is processed, every change folded.
  const settling = Date.now();
  for (;;) {
    await sample();
    if ((await statusesOutstanding(sql, r.base)) === 0) break;
    if (Date.now() - settling > 180_000) throw new Error("the statuses did not settle in 3 minutes");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await sample();
  const settledAt = Date.now();
  const machine1 = machineBusy();
  const self = process.cpuUsage(self0);
  const cpu = { worker: usage(worker.pid!).cpu - cpu0.worker, sandbox: usage(r.sandbox.pid!).cpu - cpu0.sandbox };
  const elapsed = (settledAt - began) / 1000;
  const { rows: arrivals } = await sql.query(
    `SELECT min(d."receivedAt") AS at
       FROM "WebhookDelivery" d,
            jsonb_array_elements(convert_from(d."rawBody", 'UTF8')::jsonb -> 'entry') e,
            jsonb_array_elements(e -> 'changes') c,
            jsonb_array_elements(c -> 'value' -> 'statuses') s
            JOIN "Message" m ON m.wamid = s ->> 'id' AND m."campaignId" = $1
      WHERE s ->> 'status' IN ('delivered', 'read')
      GROUP BY s ->> 'id' ORDER BY 1`,
    [r.id],
  );
  const { rows: deliveries } = await sql.query(
    `SELECT count(*)::int AS n, EXTRACT(EPOCH FROM max("receivedAt") - min("receivedAt"))::float AS span FROM "WebhookDelivery"`,
  );
  let s = 0;
  const lags = arrivals
    .map(({ at }: { at: Date }, k: number) => {
      while (s < samples.length && samples[s]!.n < k + 1) s++;
      return (samples[s]?.at ?? Infinity) - at.getTime();
    })
    .sort((a: number, b: number) => a - b);
  const got = await r.received();
  const row: Row = {
    recipients,
    "sending (s)": seconds.toFixed(1),
    "end-to-end/s": Math.round(got.unique / seconds),
    "sending/s": sendingRate(got.accepted).toFixed(1),
    "status webhooks": deliveries[0].n,
    "webhooks/s": Math.round(deliveries[0].n / deliveries[0].span),
    "settled after last send (s)": ((settledAt - settling) / 1000).toFixed(1),
    "rollup lag p50 s": (percentile(lags, 50) / 1000).toFixed(2),
    "rollup lag p95 s": (percentile(lags, 95) / 1000).toFixed(2),
    "rollup lag max s": (lags.at(-1)! / 1000).toFixed(2),
    "delivered folded": samples.at(-1)!.n,
    "received twice": got.twice,
    "never sent": got.neverSent,
    "machine CPU %": Math.round((100 * (machine1.busy - machine0.busy)) / (machine1.total - machine0.total)),
    "worker CPU %": Math.round((100 * cpu.worker) / elapsed),
    "receiver CPU %": Math.round((self.user + self.system) / 1e4 / elapsed),
    "sandbox CPU %": Math.round((100 * cpu.sandbox) / elapsed),
  };
  await r.stop();
  return row;
}

export async function benchLoop() {
  const recipients = Number(process.env.BENCH_LOOP_RECIPIENTS ?? 30_000);
  await withBenchDatabase("loop", async (sql) => {
    const row = await fullLoop(sql, recipients);
    const { closePgPool } = await import("@/lib/db/pg");
    await closePgPool();
    await printTable(
      `Full loop at 1,000/s for one number (${cpus().length} cores): sends, status webhooks back, processing and rollups`,
      [row],
    );
  });
}

export async function benchDispatch() {
  const recipients = Number(process.env.BENCH_DISPATCH_RECIPIENTS ?? 50_000);
  const paced = Number(process.env.BENCH_DISPATCH_PACED ?? 4_800);
  await withBenchDatabase("dispatch", async (sql) => {
    const rows = [
      await scenario(sql, { label: "limits lifted, webhooks off", recipients, limit: 5_000, webhooks: false }),
      await scenario(sql, { label: "number at 80/s, webhooks on", recipients: paced, limit: 80, webhooks: true }),
      await scenario(sql, {
        label: "80/s, a tenth failing or hanging",
        recipients: paced,
        limit: 80,
        webhooks: true,
        faults: { failShare: 0.05, hangShare: 0.05, hangMs: 30_000 },
      }),
    ];
    // The fault row's pace while sending as a share of the clean paced row's (target: at least 90%), and its
    // end-to-end time's share (which also waits for the held requests' webhooks and the retries' back-off).
    const [, clean, faulty] = rows as [Row, Row, Row];
    faulty["of clean rate"] =
      `${Math.round((100 * Number(faulty["sending/s"])) / Number(clean["sending/s"]))}% sending, ${Math.round((100 * Number(clean.seconds)) / Number(faulty.seconds))}% end-to-end`;
    const { closePgPool } = await import("@/lib/db/pg");
    await closePgPool();
    await printTable(
      `Campaign dispatch (${cpus().length} cores): worker and sandbox each in their own process, durable PostgreSQL`,
      rows,
    );
  });
}

export async function benchCrash() {
  const recipients = Number(process.env.BENCH_CRASH_RECIPIENTS ?? 50_000);
  await withBenchDatabase("crash", async (sql) => {
    const row = await crash(sql, recipients);
    const { closePgPool } = await import("@/lib/db/pg");
    await closePgPool();
    await printTable(
      "Worker killed with SIGKILL at 40% of a campaign (1,000/s, webhooks on), then a new worker started",
      [row],
    );
  });
}
