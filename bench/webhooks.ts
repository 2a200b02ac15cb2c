// `npm run bench -- webhooks`: the webhook endpoint under load, on this machine.
//
// 1. A real PostgreSQL (embedded, durable: fsync and synchronous commit on) and the production build of
//    the app (`next start`, one process), with a workspace whose account holds the app secret.
// 2. Sustained ingestion: as many concurrent signed deliveries as the endpoint takes for 15 s.
// 3. Latency at a steady 1,000 deliveries/s for 15 s (p50, p99).
// 4. Not one lost: 200 answers = rows stored.
// 5. Processing: the stored status events applied to 20,000 campaign messages by the worker's code.
import { spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { buildIsCurrent } from "../scripts/lib/build.ts";
import { freePort, startEmbeddedPostgres } from "../scripts/lib/embedded-postgres.ts";
import { applyMigrations, root } from "../scripts/lib/schema-engine.ts";
import { waitForUrl } from "../scripts/lib/wait.ts";
import { printTable, type Row } from "./table.ts";

const APP_SECRET = "bench-app-secret";
const WABA = "700000000001";
const PHONE = "800000000001";
const MESSAGES = 20_000;
const STATUSES = ["sent", "delivered", "read"] as const;

function body(i: number) {
  const n = i % MESSAGES;
  const status = STATUSES[Math.floor(i / MESSAGES) % 3]!;
  return JSON.stringify({
    object: "whatsapp_business_account",
    entry: [
      {
        id: WABA,
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: "15550000001", phone_number_id: PHONE },
              statuses: [
                {
                  id: `wamid.bench.${n}`,
                  status,
                  timestamp: String(1_790_000_000 + i),
                  recipient_id: `3461${String(n).padStart(7, "0")}`,
                  biz_opaque_callback_data: `pm:bench-${n}`,
                  ...(status === "sent"
                    ? {}
                    : { pricing: { billable: true, pricing_model: "PMP", type: "regular", category: "marketing" } }),
                },
              ],
            },
          },
        ],
      },
    ],
  });
}

function signedRequests(): autocannon.Request[] {
  let i = 0;
  return [
    {
      method: "POST",
      path: "/api/webhooks/whatsapp",
      setupRequest: (request) => {
        const raw = body(i++);
        return {
          ...request,
          body: raw,
          headers: {
            "content-type": "application/json",
            "x-hub-signature-256": `sha256=${createHmac("sha256", APP_SECRET).update(raw).digest("hex")}`,
          },
        };
      },
    },
  ];
}

export async function benchWebhooks() {
  const dataDir = path.join(root, ".data/bench-webhooks");
  rmSync(dataDir, { recursive: true, force: true });
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg") });
  await postgres.createDatabase("parley");
  const url = postgres.url("parley");
  await applyMigrations(url);
  const env = {
    ...process.env,
    DATABASE_URL: url,
    PARLEY_DATA_DIR: dataDir,
    PARLEY_EMBEDDED: "1",
    NODE_ENV: "production" as const,
  };
  Object.assign(process.env, env);

  // Workspace, account (secrets encrypted with the bench data folder's key) and campaign messages.
  const { saveAccount } = await import("@/lib/whatsapp/accounts");
  const sql = new pg.Client({ connectionString: url });
  await sql.connect();
  await sql.query(`INSERT INTO "Workspace" (id, name, slug, "updatedAt") VALUES ('bench', 'Bench', 'bench', now())`);
  await saveAccount("bench", {
    wabaId: WABA,
    phoneNumberId: PHONE,
    accessToken: "t",
    appSecret: APP_SECRET,
    verifyToken: "v",
  });
  await sql.query(
    `INSERT INTO "Campaign" (id, "workspaceId", name, status, "updatedAt") VALUES ('bench', 'bench', 'Bench', 'SENDING', now())`,
  );
  await sql.query(
    `INSERT INTO "Contact" (id, "workspaceId", phone, "updatedAt")
     SELECT 'c-' || n, 'bench', '+3461' || lpad(n::text, 7, '0'), now() FROM generate_series(0, ${MESSAGES - 1}) n`,
  );
  await sql.query(
    `INSERT INTO "Message" (id, "workspaceId", "campaignId", "contactId", state)
     SELECT 'bench-' || n, 'bench', 'bench', 'c-' || n, 'CLAIMED' FROM generate_series(0, ${MESSAGES - 1}) n`,
  );

  if (!buildIsCurrent()) {
    console.log("Building the app…");
    await new Promise<void>((resolve, reject) =>
      spawn(path.join(root, "node_modules/.bin/next"), ["build"], { cwd: root, env, stdio: "inherit" }).on(
        "exit",
        (c) => (c === 0 ? resolve() : reject(new Error("build failed"))),
      ),
    );
  }
  const rows: Row[] = [];
  const run = async (base: string, name: string, options: Partial<autocannon.Options>) => {
    const before = Number((await sql.query(`SELECT count(*) FROM "WebhookDelivery"`)).rows[0].count);
    const started = performance.now();
    const result = await autocannon({ url: base, requests: signedRequests(), ...options });
    const seconds = (performance.now() - started) / 1000;
    const stored = Number((await sql.query(`SELECT count(*) FROM "WebhookDelivery"`)).rows[0].count) - before;
    const ok = result["2xx"];
    rows.push({
      scenario: name,
      "sent (200)": ok,
      "non-200": result.non2xx + result.errors + result.timeouts,
      "per second": Math.round(ok / seconds),
      "p50 ms": result.latency.p50,
      "p99 ms": result.latency.p99,
      stored,
      lost: ok - stored,
    });
  };
  // The same lib/webhooks code behind two front doors: the Next.js route, and the web process's fast path.
  const servers = [
    { label: "Next.js route (next start)", command: path.join(root, "node_modules/.bin/next"), args: ["start", "-p"] },
    {
      label: "web process fast path (npm start)",
      command: process.execPath,
      args: ["--import", "tsx", "--import", "./scripts/lib/allow-server-only.mjs", "scripts/web.ts"],
    },
  ];
  let web: ReturnType<typeof spawn> | undefined;
  try {
    for (const server of servers) {
      const port = await freePort();
      const args = server.args.at(-1) === "-p" ? [...server.args, String(port)] : server.args;
      web = spawn(server.command, args, { cwd: root, env: { ...env, PORT: String(port) }, stdio: "ignore" });
      const base = `http://127.0.0.1:${port}`;
      await waitForUrl(`${base}/api/health`, 60_000);
      await autocannon({ url: base, connections: 10, amount: 3000, requests: signedRequests() }); // warm-up
      await run(base, `${server.label}: max, 100 connections`, { connections: 100, amount: 30_000 });
      await run(base, `${server.label}: steady 1,000/s`, { connections: 50, overallRate: 1000, amount: 15_000 });
      web.kill("SIGTERM");
      await new Promise((r) => web!.once("exit", r));
    }

    // Processing, with the web server stopped: the worker's code on the stored deliveries.
    const { processPendingWebhooks } = await import("@/lib/webhooks/process");
    const pending = Number(
      (await sql.query(`SELECT count(*) FROM "WebhookDelivery" WHERE "processedAt" IS NULL`)).rows[0].count,
    );
    const started = performance.now();
    let processed = 0;
    for (;;) {
      const r = await processPendingWebhooks(1000);
      processed += r.processed;
      if (r.processed + r.failed === 0) break;
    }
    const seconds = (performance.now() - started) / 1000;
    const states = (
      await sql.query(
        `SELECT state, count(*)::int AS n FROM "Message" WHERE "campaignId" = 'bench' GROUP BY state ORDER BY state`,
      )
    ).rows;
    rows.push({
      scenario: "processing stored status events",
      "sent (200)": pending,
      "non-200": 0,
      "per second": Math.round(processed / seconds),
      "p50 ms": "-",
      "p99 ms": "-",
      stored: processed,
      lost: pending - processed,
    });
    await printTable("Webhooks (signature check + durable write; then processing)", rows);
    console.log(`Message states after processing: ${states.map((s) => `${s.state} ${s.n}`).join(", ")}`);
  } finally {
    web?.kill("SIGTERM");
    await sql.end();
    const { disconnectDb } = await import("@/lib/db/client");
    await disconnectDb();
    await postgres.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
