import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { NotFoundError, type ValidationError } from "@/lib/errors";
import { englishTranslator } from "@/lib/i18n/translator";
import { createWorkspace } from "@/tests/factories";
import { AUTO_DISABLED_REASON, deliverPendingWebhooks } from "./deliver";
import { emitEvents } from "./emit";
import {
  autoDisabledEndpoints,
  createEndpoint,
  listDeliveries,
  replayDelivery,
  revealSecret,
  setEndpointEnabled,
} from "./service";
import type { TargetPolicy } from "./targets";

const LOCAL: TargetPolicy = { allowPrivate: true, allowedHosts: [] };
const STRICT: TargetPolicy = { allowPrivate: false, allowedHosts: [] };

type Received = { headers: IncomingHttpHeaders; body: string };
let server: Server;
let base: string;
let received: Received[] = [];
/** What the receiver answers next, per event id (a queue of status codes); 200 when empty. */
let answers = new Map<string, number[]>();

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      const id = String(req.headers["webhook-id"]);
      const status = answers.get(id)?.shift() ?? 200;
      res
        .writeHead(status, { "content-type": "text/plain" })
        .end(status === 200 ? "ok" : "receiver broke: " + "x".repeat(3000));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

let ws: string;
let admin: string;
beforeEach(async () => {
  received = [];
  answers = new Map();
  // Deliveries another test left waiting are not this test's business.
  await db.webhookEndpoint.updateMany({ data: { enabled: false } });
  const created = await createWorkspace(["ADMIN"]);
  ws = created.workspace.id;
  admin = created.users.ADMIN.id;
});

const step = () => deliverPendingWebhooks("test-worker", 500, { policy: LOCAL });
/** Runs the worker's step until nothing is due (retries scheduled later are not due). */
async function drain() {
  while ((await step()).claimed > 0);
}
/** Makes every waiting retry of the workspace due now, as if the back-off had passed. */
async function makeRetriesDue() {
  await db.$executeRaw`UPDATE "OutboundDelivery" d SET "nextAttemptAt" = now() FROM "WebhookEndpoint" e
    WHERE e.id = d."endpointId" AND e."workspaceId" = ${ws} AND d.state = 'PENDING'`;
}
const eventIdsOf = (list: Received[]) => list.map((r) => String(r.headers["webhook-id"]));

describe("outbound webhook delivery", () => {
  it("signs each request per Standard Webhooks, verifiable with the endpoint's secret", async () => {
    const endpoint = await createEndpoint(ws, admin, { url: `${base}/hook`, eventTypes: ["message.delivered"] }, LOCAL);
    await emitEvents(db, ws, [{ type: "message.delivered", payload: { messageId: "m1", phone: "+15550100001" } }]);
    await drain();
    expect(received).toHaveLength(1);
    const secret = await revealSecret(ws, admin, endpoint.id);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    const verified = new Webhook(secret).verify(received[0]!.body, received[0]!.headers as Record<string, string>);
    expect(verified).toMatchObject({ type: "message.delivered", data: { messageId: "m1" } });
    expect(received[0]!.headers["webhook-id"]).toMatch(/^msg_/);
    expect(() =>
      new Webhook(`whsec_${Buffer.alloc(24).toString("base64")}`).verify(
        received[0]!.body,
        received[0]!.headers as Record<string, string>,
      ),
    ).toThrow();
    const log = await listDeliveries(ws, endpoint.id);
    expect(log.deliveries[0]).toMatchObject({
      state: "DELIVERED",
      attempts: 1,
      lastStatus: 200,
      lastExcerpt: "ok",
      type: "message.delivered",
    });
  });

  it("retries after the receiver's 500 with back-off, then delivers; the log keeps both attempts", async () => {
    const endpoint = await createEndpoint(ws, admin, { url: `${base}/hook`, eventTypes: ["message.sent"] }, LOCAL);
    await emitEvents(db, ws, [{ type: "message.sent", payload: { messageId: "m2" }, orderingKey: "c1" }]);
    const event = await db.outboundEvent.findFirstOrThrow({ where: { workspaceId: ws } });
    answers.set(event.id, [500]);
    await drain();
    const waiting = await db.outboundDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
    expect(waiting.state).toBe("PENDING");
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 1000); // not due again at once
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).failingSince).not.toBeNull();
    const firstLog = await listDeliveries(ws, endpoint.id);
    expect(firstLog.deliveries[0]!.lastStatus).toBe(500);
    expect(firstLog.deliveries[0]!.lastExcerpt).toHaveLength(1024);

    await makeRetriesDue();
    await drain();
    expect(eventIdsOf(received)).toEqual([event.id, event.id]);
    const done = await db.outboundDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
    expect(done).toMatchObject({ state: "DELIVERED", attempts: 2 });
    expect(await db.outboundAttempt.count({ where: { deliveryId: done.id } })).toBe(2);
    // A success ends the failure.
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).failingSince).toBeNull();
  });

  it("keeps each contact's order: a later event waits while an earlier one for the same contact is retried", async () => {
    await createEndpoint(ws, admin, { url: `${base}/hook`, eventTypes: ["message.sent", "message.delivered"] }, LOCAL);
    await emitEvents(db, ws, [
      { type: "message.sent", payload: { n: 1 }, orderingKey: "contact-a" },
      { type: "message.sent", payload: { n: 2 }, orderingKey: "contact-b" },
      { type: "message.delivered", payload: { n: 3 }, orderingKey: "contact-a" },
    ]);
    const [a1, b1, a2] = (await db.outboundEvent.findMany({ where: { workspaceId: ws }, orderBy: { id: "asc" } })).map(
      (e) => e.id,
    );
    answers.set(a1!, [500]);
    await drain();
    // contact-b went; contact-a's second event did not overtake its failed first.
    expect(eventIdsOf(received)).toEqual(expect.arrayContaining([a1, b1]));
    expect(eventIdsOf(received)).not.toContain(a2);
    await makeRetriesDue();
    await drain();
    const forA = eventIdsOf(received).filter((id) => id !== b1);
    expect(forA).toEqual([a1, a1, a2]);
  });

  it("replays a delivered event on request", async () => {
    const endpoint = await createEndpoint(ws, admin, { url: `${base}/hook`, eventTypes: ["contact.opted_out"] }, LOCAL);
    await emitEvents(db, ws, [{ type: "contact.opted_out", payload: { contactId: "c" }, orderingKey: "c" }]);
    await drain();
    const { deliveries } = await listDeliveries(ws, endpoint.id);
    await replayDelivery(ws, admin, endpoint.id, deliveries[0]!.id);
    await drain();
    expect(received).toHaveLength(2);
    expect(received[1]!.body).toBe(received[0]!.body);
    expect(received[1]!.headers["webhook-id"]).toBe(received[0]!.headers["webhook-id"]);
    const after = await listDeliveries(ws, endpoint.id);
    expect(after.deliveries[0]).toMatchObject({ state: "DELIVERED", attempts: 2 });
    expect(await db.auditLog.count({ where: { workspaceId: ws, action: "webhooks.delivery_replayed" } })).toBe(1);
    // Another workspace cannot replay it.
    const other = await createWorkspace(["ADMIN"]);
    await expect(
      replayDelivery(other.workspace.id, other.users.ADMIN.id, endpoint.id, deliveries[0]!.id),
    ).rejects.toThrow(new NotFoundError("webhookEndpoint"));
  });

  it("gives up on a delivery after 24 hours, and disables an endpoint failing for a day, telling its admins", async () => {
    const endpoint = await createEndpoint(ws, admin, { url: `${base}/hook`, eventTypes: ["message.failed"] }, LOCAL);
    await emitEvents(db, ws, [{ type: "message.failed", payload: { messageId: "m" }, orderingKey: "c" }]);
    const event = await db.outboundEvent.findFirstOrThrow({ where: { workspaceId: ws } });
    answers.set(event.id, [500, 500, 500]);
    await drain();
    // A day passes (times moved in the database): the failure started 25 hours ago, the delivery is that old.
    await db.$executeRaw`UPDATE "WebhookEndpoint" SET "failingSince" = now() - interval '25 hours' WHERE id = ${endpoint.id}`;
    await db.$executeRaw`UPDATE "OutboundDelivery" SET "createdAt" = now() - interval '25 hours' WHERE "endpointId" = ${endpoint.id}`;
    await makeRetriesDue();
    await drain();
    const disabled = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(disabled).toMatchObject({ enabled: false, disabledReason: AUTO_DISABLED_REASON });
    expect((await db.outboundDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } })).state).toBe("FAILED");
    expect((await autoDisabledEndpoints(ws)).map((e) => e.id)).toEqual([endpoint.id]);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { workspaceId: ws, action: "webhooks.endpoint_auto_disabled" },
    });
    expect(audit).toMatchObject({ actorId: null, targetId: endpoint.id });

    // Nothing is sent to a disabled endpoint; enabling it clears the failure and the banner.
    await emitEvents(db, ws, [{ type: "message.failed", payload: { messageId: "m2" } }]);
    expect(await db.outboundDelivery.count({ where: { endpointId: endpoint.id } })).toBe(1);
    await setEndpointEnabled(ws, admin, endpoint.id, true);
    expect(await autoDisabledEndpoints(ws)).toEqual([]);
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).failingSince).toBeNull();
  });

  it("refuses private, loopback and link-local targets without the operator's permission, at save and at send", async () => {
    for (const url of [
      "https://127.0.0.1/hook",
      "https://10.1.2.3/hook",
      "https://169.254.169.254/latest",
      "https://[::1]/hook",
      "https://localhost/hook",
    ]) {
      const refusal = await createEndpoint(ws, admin, { url, eventTypes: ["message.sent"] }, STRICT).then(
        () => null,
        (error: ValidationError) => error,
      );
      expect(refusal, url).toMatchObject({ code: "VALIDATION" });
      // The reason is a message key; in English (as the form shows it to an English reader):
      expect(refusal!.fieldErrors!.url!.map(englishTranslator.message), url).toEqual([
        expect.stringMatching(/private|local name/),
      ]);
    }
    await expect(
      createEndpoint(ws, admin, { url: `${base}/hook`, eventTypes: ["message.sent"] }, STRICT),
    ).rejects.toThrow("settings.errors.webhooks.urlHttps");
    // Saved while allowed, sent while not (the operator took the permission back): refused, nothing reaches it.
    const endpoint = await createEndpoint(ws, admin, { url: `${base}/hook`, eventTypes: ["message.sent"] }, LOCAL);
    await emitEvents(db, ws, [{ type: "message.sent", payload: {} }]);
    await deliverPendingWebhooks("test-worker", 500, { policy: STRICT });
    expect(received).toHaveLength(0);
    const { deliveries } = await listDeliveries(ws, endpoint.id);
    expect(deliveries[0]).toMatchObject({ state: "PENDING", lastStatus: null });
    expect(deliveries[0]!.lastError).toMatch(/Use an https:\/\/ URL/);
  });
});
