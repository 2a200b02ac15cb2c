// Webhooks during a database outage: answered 503 (so Meta delivers again), never 200 without a durable
// insert, never a 500; once the database is back, the same delivery is stored. The receiver's pool is pointed
// at a TCP relay to the test database, and the relay is stopped and started to make the database unreachable.
import { createServer, connect, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { closePgPool } from "@/lib/db/pg";
import { envelope, statusChange, type NumberRef } from "@/lib/whatsapp/webhook-payloads";
import { createWorkspace } from "@/tests/factories";
import { APP_SECRET, connectAccount } from "@/tests/whatsapp";
import { forgetWebhookSecrets, receiveWebhook } from "./ingest";
import { signBody } from "./signature";

/** A relay to the database that can be cut (every connection dropped, new ones refused) and restored. */
function relay(target: URL) {
  let server: Server | undefined;
  const sockets = new Set<Socket>();
  let port = 0;
  return {
    async start() {
      server = createServer((client) => {
        const upstream = connect(Number(target.port), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on("error", () => undefined);
          s.on("close", () => sockets.delete(s));
        }
        client.pipe(upstream).pipe(client);
      });
      await new Promise<void>((resolve) => server!.listen(port, "127.0.0.1", resolve));
      port = (server.address() as AddressInfo).port;
      return port;
    },
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server!.close(() => resolve()));
    },
  };
}

const target = new URL(process.env.DATABASE_URL!);
const cut = relay(target);
let number: NumberRef;
let pool: pg.Pool;

beforeAll(async () => {
  number = await connectAccount((await createWorkspace(["ADMIN"])).workspace.id);
  const port = await cut.start();
  const viaRelay = new URL(target);
  viaRelay.port = String(port);
  // The receiver's pool (lib/db/pg.ts keeps one per process on globalThis) now goes through the relay.
  await closePgPool();
  pool = new pg.Pool({ connectionString: viaRelay.toString(), max: 4 });
  pool.on("error", () => undefined); // idle connections cut by the relay
  (globalThis as unknown as { parleyPgPool?: pg.Pool }).parleyPgPool = pool;
});

afterAll(async () => {
  (globalThis as unknown as { parleyPgPool?: pg.Pool }).parleyPgPool = undefined;
  await pool.end();
});

const delivery = (wamid: string) =>
  Buffer.from(
    JSON.stringify(
      envelope(number.wabaId, [
        statusChange(number, [{ wamid, status: "sent", at: new Date(), recipient: "34610000001" }]),
      ]),
    ),
  );
const receive = (raw: Buffer) => receiveWebhook(raw, signBody(raw, APP_SECRET));
const stored = (raw: Buffer) =>
  db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "WebhookDelivery" WHERE "rawBody" = ${raw}`.then((r) =>
    Number(r[0]!.n),
  );

describe("webhooks while the database is unreachable", () => {
  it("answer 503 when the insert fails, and the same delivery is stored once the database is back", async () => {
    expect((await receive(delivery("wamid.warm"))).status).toBe(200); // the secrets are cached now
    await cut.stop();
    const raw = delivery("wamid.outage1");
    expect(await receive(raw)).toEqual({ status: 503, message: "Could not store the delivery; retry later" });
    expect(await stored(raw)).toBe(0);
    await cut.start();
    // Meta's retries: a pooled connection that died with the outage may cost one more 503 (never a 500).
    await expect.poll(async () => (await receive(raw)).status, { timeout: 10_000, interval: 100 }).toBe(200);
    expect(await stored(raw)).toBe(1);
  });

  it("answer 503 when even the account secrets cannot be read, never 500", async () => {
    forgetWebhookSecrets();
    await cut.stop();
    const raw = delivery("wamid.outage2");
    expect(await receive(raw)).toEqual({ status: 503, message: "Could not check the delivery; retry later" });
    await cut.start();
    await expect.poll(async () => (await receive(raw)).status, { timeout: 10_000, interval: 100 }).toBe(200);
    expect(await stored(raw)).toBe(1);
  });
});
