// `npm run bench -- api-webhooks`: outbound webhook delivery to a local receiver, on this machine.
//
// A real (embedded, durable) PostgreSQL; one workspace with one endpoint on a receiver in its own process
// (node:http, verifying every signature with the standardwebhooks library, answering 200). 20,000 events for
// 2,000 contacts (10 each, in order) are emitted with the product's emitEvents, 100 per transaction as status
// processing would, then delivered by the worker's own step (deliverPendingWebhooks, batches of 500) until
// none is pending. Reported: events delivered per second, lost (emitted and never received), bad signatures,
// and contacts whose events arrived out of order.
// `benchApiWebhooksRows()` needs only DATABASE_URL (lib/env) and returns the rows, for the `api` benchmark.
import { spawn } from "node:child_process";
import { withBenchDatabase } from "./database.ts";
import { printTable, type Row } from "./table.ts";

const EVENTS = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 20_000);
const CONTACTS = 2_000;
const PER_TRANSACTION = 100;

type ReceiverStats = {
  received: number;
  unique: number;
  badSignatures: number;
  outOfOrder: number;
  firstAt: number;
  lastAt: number;
};

const RECEIVER = `
const http = require("node:http");
const { Webhook } = require("standardwebhooks");
const wh = new Webhook(process.env.SECRET);
const seen = new Set(); const lastSeq = new Map();
let received = 0, bad = 0, outOfOrder = 0, firstAt = 0, lastAt = 0;
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    const body = Buffer.concat(chunks).toString();
    received++;
    if (!firstAt) firstAt = Date.now();
    lastAt = Date.now();
    let payload;
    try { payload = wh.verify(body, req.headers); } catch { bad++; }
    if (payload) {
      const id = req.headers["webhook-id"];
      if (!seen.has(id)) {
        seen.add(id);
        const { contact, seq } = payload.data;
        if ((lastSeq.get(contact) ?? -1) > seq) outOfOrder++;
        lastSeq.set(contact, seq);
      }
    }
    res.writeHead(200).end("ok");
  });
});
server.keepAliveTimeout = 60000;
server.listen(0, "127.0.0.1", () => process.send({ port: server.address().port }));
process.on("message", (m) => {
  if (m === "stats") process.send({ received, unique: seen.size, badSignatures: bad, outOfOrder, firstAt, lastAt });
  if (m === "stop") server.close(() => process.exit(0));
});`;

function startReceiver(secret: string) {
  const child = spawn(process.execPath, ["-e", RECEIVER], {
    env: { ...process.env, SECRET: secret },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const next = <T>() => new Promise<T>((resolve) => child.once("message", (m) => resolve(m as T)));
  return {
    port: next<{ port: number }>().then((m) => m.port),
    stats: async () => {
      const reply = next<ReceiverStats>();
      child.send("stats");
      return reply;
    },
    stop: () => child.send("stop"),
  };
}

/** Emits and delivers EVENTS events; returns the results table's rows. Needs DATABASE_URL (and the migrated schema). */
export async function benchApiWebhooksRows(): Promise<Row[]> {
  process.env.PARLEY_WEBHOOK_ALLOW_PRIVATE = "1"; // the receiver is on 127.0.0.1
  const { db } = await import("@/lib/db/client");
  const { createEndpoint, revealSecret } = await import("@/lib/outbound-webhooks/service");
  const { emitEvents } = await import("@/lib/outbound-webhooks/emit");
  const { deliverPendingWebhooks } = await import("@/lib/outbound-webhooks/deliver");

  const workspace = await db.workspace.create({ data: { name: "Webhook bench", slug: `webhook-bench-${Date.now()}` } });
  const user = await db.user.create({
    data: { email: `webhook-bench-${Date.now()}@bench.test`, name: "Bench", passwordHash: "x" },
  });
  const policy = { allowPrivate: true, allowedHosts: [] };
  // The receiver needs the secret, and the endpoint the receiver's port: made with a placeholder URL first.
  const endpoint = await createEndpoint(
    workspace.id,
    user.id,
    { url: "http://127.0.0.1:9/hook", eventTypes: ["message.delivered"] },
    policy,
  );
  const receiver = startReceiver(await revealSecret(workspace.id, user.id, endpoint.id));
  await db.webhookEndpoint.update({
    where: { id: endpoint.id },
    data: { url: `http://127.0.0.1:${await receiver.port}/hook` },
  });

  try {
    const emitStarted = performance.now();
    for (let start = 0; start < EVENTS; start += PER_TRANSACTION) {
      const batch = Array.from({ length: Math.min(PER_TRANSACTION, EVENTS - start) }, (_, k) => {
        const i = start + k;
        const contact = `contact-${i % CONTACTS}`;
        return {
          type: "message.delivered" as const,
          orderingKey: contact,
          payload: { contact, seq: Math.floor(i / CONTACTS), messageId: `m${i}` },
        };
      });
      await db.$transaction((tx) => emitEvents(tx, workspace.id, batch));
    }
    const emitSeconds = (performance.now() - emitStarted) / 1000;

    const started = performance.now();
    let rounds = 0;
    for (;;) {
      const { claimed } = await deliverPendingWebhooks("bench-worker", 500, { policy });
      rounds++;
      if (claimed === 0) {
        const pending = await db.outboundDelivery.count({ where: { endpointId: endpoint.id, state: "PENDING" } });
        if (pending === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50)); // a retry not yet due
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const stats = await receiver.stats();
    const delivered = await db.outboundDelivery.count({ where: { endpointId: endpoint.id, state: "DELIVERED" } });
    return [
      { measure: "events emitted (100 per transaction)", value: EVENTS, unit: "events" },
      { measure: "emission rate", value: Math.round(EVENTS / emitSeconds), unit: "events/s" },
      { measure: "delivered (worker step, batches of 500, 64 in flight)", value: delivered, unit: "events" },
      { measure: "delivery rate", value: Math.round(delivered / seconds), unit: "events/s" },
      {
        measure: "delivery rate at the receiver",
        value: Math.round((stats.unique / (stats.lastAt - stats.firstAt)) * 1000),
        unit: "events/s",
      },
      { measure: "lost (emitted, never received)", value: EVENTS - stats.unique, unit: "events" },
      { measure: "bad signatures", value: stats.badSignatures, unit: "requests" },
      { measure: "contacts' events out of order", value: stats.outOfOrder, unit: "events" },
      { measure: "requests received (duplicates included)", value: stats.received, unit: "requests" },
      { measure: "worker rounds", value: rounds, unit: "" },
    ];
  } finally {
    receiver.stop();
  }
}

export async function benchApiWebhooks() {
  await withBenchDatabase("api-webhooks", async () => {
    const rows = await benchApiWebhooksRows();
    await printTable(`Outbound webhooks: ${EVENTS.toLocaleString("en")} events to a local receiver`, rows);
  });
}
