import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createWorkspace } from "@/tests/factories";
import { campaignWithMessages, connectAccount, drain, post } from "@/tests/whatsapp";
import {
  envelope,
  inboundChange,
  statusChange,
  templateStatusChange,
  userPreferenceChange,
  type NumberRef,
  type StatusSpec,
} from "@/lib/whatsapp/webhook-payloads";
import { listFailedWebhooks } from "./process";

let ws: string;
let number: NumberRef;

beforeEach(async () => {
  await drain(); // nothing left over from another test
  ws = (await createWorkspace(["ADMIN"])).workspace.id;
  number = await connectAccount(ws);
});

const t0 = new Date("2026-11-20T10:00:00Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const status = (n: NumberRef, spec: StatusSpec) => envelope(n.wabaId, [statusChange(n, [spec])]);

describe("status webhooks", () => {
  it("apply once: the same delivery twice changes nothing", async () => {
    const { messages } = await campaignWithMessages(ws, ["+34610000101"]);
    const body = status(number, { wamid: "wamid.dup1", status: "sent", at: at(1), recipient: "34610000101", callbackData: `pm:${messages[0]!.id}`, category: "marketing" });
    expect(await post(body)).toBe(200);
    expect(await post(body)).toBe(200);
    expect(await drain()).toEqual({ processed: 2, failed: 0 });
    expect(await db.messageStatusEvent.count({ where: { wamid: "wamid.dup1" } })).toBe(1);
    const message = await db.message.findUniqueOrThrow({ where: { id: messages[0]!.id } });
    expect(message).toMatchObject({ state: "SENT", wamid: "wamid.dup1", sentAt: at(1), pricingCategory: "marketing" });
  });

  it("read before delivered ends as read, with both times kept", async () => {
    const { messages } = await campaignWithMessages(ws, ["+34610000102"]);
    const ref = { wamid: "wamid.ooo1", recipient: "34610000102", callbackData: `pm:${messages[0]!.id}` };
    await post(status(number, { ...ref, status: "read", at: at(30) }));
    await drain();
    await post(status(number, { ...ref, status: "delivered", at: at(10) }));
    await post(status(number, { ...ref, status: "sent", at: at(2) }));
    await drain();
    const message = await db.message.findUniqueOrThrow({ where: { id: messages[0]!.id } });
    expect(message).toMatchObject({ state: "READ", sentAt: at(2), deliveredAt: at(10), readAt: at(30) });
  });

  it("a failure is explained, and 131050 opts the person out of every marketing list", async () => {
    const { messages } = await campaignWithMessages(ws, ["+34610000103"]);
    const contactId = messages[0]!.contactId;
    const promos = await db.consentList.create({ data: { workspaceId: ws, name: "Promotions", category: "MARKETING" } });
    const orders = await db.consentList.create({ data: { workspaceId: ws, name: "Orders", category: "UTILITY" } });
    await db.contactConsent.createMany({
      data: [promos, orders].map((l) => ({ workspaceId: ws, contactId, consentListId: l.id, optedIn: true, changedAt: at(-100) })),
    });
    await post(status(number, { wamid: "wamid.f1", status: "failed", at: at(5), recipient: "34610000103", callbackData: `pm:${messages[0]!.id}`, error: { code: 131050, title: "User stopped marketing" } }));
    await drain();
    const message = await db.message.findUniqueOrThrow({ where: { id: messages[0]!.id } });
    expect(message.state).toBe("FAILED");
    expect(message.errorCode).toBe(131050);
    expect(message.errorReason).toMatch(/stopped marketing messages/);
    const states = await db.contactConsent.findMany({ where: { contactId }, include: { consentList: true } });
    expect(Object.fromEntries(states.map((s) => [s.consentList.name, s.optedIn]))).toEqual({ Promotions: false, Orders: true });
    expect(await db.consentEvent.findFirst({ where: { contactId, source: "ERROR_131050" } })).toMatchObject({ action: "OPT_OUT" });
  });

  it("a day of events replayed in any order and batching ends in the same state as in order", async () => {
    type Plan = { reach: 0 | 1 | 2 | 3; fails: boolean };
    const plan = fc.array(fc.record({ reach: fc.constantFrom<0 | 1 | 2 | 3>(0, 1, 2, 3), fails: fc.boolean() }), { minLength: 5, maxLength: 25 });
    await fc.assert(
      fc.asyncProperty(plan, fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 7 }), async (plans: Plan[], seed, batch) => {
        const run = async (shuffle: boolean) => {
          const workspace = (await createWorkspace(["ADMIN"])).workspace.id;
          const n = await connectAccount(workspace);
          const phones = plans.map((_, i) => `+3461100${String(i).padStart(4, "0")}`);
          const { messages } = await campaignWithMessages(workspace, phones);
          const bodies: unknown[] = [];
          plans.forEach((p, i) => {
            const ref = { wamid: `wamid.${workspace}.${i}`, recipient: phones[i]!.slice(1), callbackData: `pm:${messages[i]!.id}` };
            if (p.fails && p.reach === 0) bodies.push(status(n, { ...ref, status: "failed", at: at(i + 1), error: { code: 131026, title: "Undeliverable" } }));
            if (p.reach >= 1) bodies.push(status(n, { ...ref, status: "sent", at: at(i + 1) }));
            if (p.reach >= 2) bodies.push(status(n, { ...ref, status: "delivered", at: at(i + 60) }));
            if (p.reach >= 3) bodies.push(status(n, { ...ref, status: "read", at: at(i + 600) }));
            if (p.fails && p.reach > 0) bodies.push(status(n, { ...ref, status: "failed", at: at(i + 30), error: { code: 131000, title: "Something went wrong" } }));
          });
          if (shuffle) {
            let s = seed;
            for (let i = bodies.length - 1; i > 0; i--) {
              s = (s * 1103515245 + 12345) % 2 ** 31;
              const j = s % (i + 1);
              [bodies[i], bodies[j]] = [bodies[j], bodies[i]];
            }
            bodies.push(bodies[seed % bodies.length]); // and one duplicate
          }
          for (const [k, body] of bodies.entries()) {
            await post(body);
            if (shuffle && k % batch === 0) await drain(batch);
          }
          await drain(shuffle ? batch : 500);
          const rows = await db.message.findMany({ where: { campaignId: messages[0]!.campaignId }, orderBy: { contact: { phone: "asc" } } });
          return rows.map((m) => [m.state, m.sentAt?.getTime(), m.deliveredAt?.getTime(), m.readAt?.getTime(), m.failedAt?.getTime(), m.errorCode]);
        };
        expect(await run(true)).toEqual(await run(false));
      }),
      { numRuns: 8 },
    );
  });
});

describe("inbound webhooks", () => {
  it("link a quick-reply tap to the campaign message it answers, once", async () => {
    const { messages } = await campaignWithMessages(ws, ["+34610000104"]);
    await post(status(number, { wamid: "wamid.camp1", status: "delivered", at: at(1), recipient: "34610000104", callbackData: `pm:${messages[0]!.id}` }));
    await drain();
    const tap = envelope(number.wabaId, [
      inboundChange(number, { wamid: "wamid.in1", from: "34610000104", at: at(90), contextWamid: "wamid.camp1", button: { payload: "DEALS", text: "Show me deals" }, name: "Ana" }),
    ]);
    await post(tap);
    await post(tap);
    await drain();
    const inbound = await db.inboundMessage.findMany({ where: { wamid: "wamid.in1" } });
    expect(inbound).toHaveLength(1);
    expect(inbound[0]!.campaignMessageId).toBe(messages[0]!.id);
    expect(await db.message.findUniqueOrThrow({ where: { id: messages[0]!.id } })).toMatchObject({ state: "REPLIED", clickedButton: "DEALS", repliedAt: at(90) });
    const conversation = await db.conversation.findUniqueOrThrow({ where: { contactId: messages[0]!.contactId } });
    expect(conversation).toMatchObject({ unreadCount: 1, lastInboundAt: at(90) });
  });

  it("create the contact for a stranger and open the 24-hour window", async () => {
    await post(envelope(number.wabaId, [inboundChange(number, { wamid: "wamid.in2", from: "447700900123", at: at(5), text: "Hi, are you open today?", name: "Grace" })]));
    await drain();
    const contact = await db.contact.findUniqueOrThrow({ where: { workspaceId_phone: { workspaceId: ws, phone: "+447700900123" } }, include: { conversation: true } });
    expect(contact.name).toBe("Grace");
    expect(contact.conversation?.lastInboundAt).toEqual(at(5));
  });

  it("STOP and WhatsApp's own setting are recorded as consent events", async () => {
    await post(envelope(number.wabaId, [inboundChange(number, { wamid: "wamid.in3", from: "34610000105", at: at(5), text: "stop" })]));
    await post(envelope(number.wabaId, [userPreferenceChange(number, "34610000106", "stop", at(6))]));
    await post(envelope(number.wabaId, [userPreferenceChange(number, "34610000106", "resume", at(7))]));
    await drain();
    const events = await db.consentEvent.findMany({ where: { workspaceId: ws }, orderBy: { occurredAt: "asc" } });
    const phones = new Map((await db.contact.findMany({ where: { workspaceId: ws }, select: { id: true, phone: true } })).map((c) => [c.id, c.phone]));
    expect(events.map((e) => [phones.get(e.contactId), e.action, e.source])).toEqual([
      ["+34610000105", "OPT_OUT", "KEYWORD"],
      ["+34610000106", "OPT_OUT", "WHATSAPP_SETTING"],
      ["+34610000106", "OPT_IN", "WHATSAPP_SETTING"],
    ]);
  });
});

describe("template webhooks", () => {
  it("move a template to approved or rejected with Meta's reason", async () => {
    await db.template.createMany({
      data: [
        { workspaceId: ws, name: "good_one", language: "en_US", category: "MARKETING", components: [], status: "PENDING", metaTemplateId: "555001" },
        { workspaceId: ws, name: "bad_one", language: "en_US", category: "MARKETING", components: [], status: "PENDING", metaTemplateId: "555002" },
      ],
    });
    await post(envelope(number.wabaId, [templateStatusChange({ id: "555001", name: "good_one", language: "en_US", event: "APPROVED" })]));
    await post(envelope(number.wabaId, [templateStatusChange({ id: "555002", name: "bad_one", language: "en_US", event: "REJECTED", reason: "INVALID_FORMAT", explanation: "Two variables touch." })]));
    await drain();
    const templates = await db.template.findMany({ where: { workspaceId: ws }, orderBy: { name: "asc" } });
    expect(templates.map((t) => [t.name, t.status, t.rejectionReason])).toEqual([
      ["bad_one", "REJECTED", "INVALID_FORMAT: Two variables touch."],
      ["good_one", "APPROVED", null],
    ]);
  });
});

describe("a delivery that cannot be processed", () => {
  it("is set aside with its error, visible to admins, while the others go through", async () => {
    const { messages } = await campaignWithMessages(ws, ["+34610000107"]);
    const stranger = { wabaId: "123456789", phoneNumberId: "987654321", displayPhoneNumber: "1555" };
    await post(status(stranger, { wamid: "wamid.x", status: "sent", at: at(1), recipient: "1" }));
    await post(status(number, { wamid: "wamid.ok", status: "sent", at: at(1), recipient: "34610000107", callbackData: `pm:${messages[0]!.id}` }));
    expect(await drain()).toEqual({ processed: 1, failed: 1 });
    expect((await db.message.findUniqueOrThrow({ where: { id: messages[0]!.id } })).state).toBe("SENT");
    const failed = await listFailedWebhooks(ws);
    expect(failed[0]).toMatchObject({ attempts: 1, lastError: "No connected WhatsApp account for WABA 123456789 / number 987654321" });
    expect(failed[0]!.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now());
    // Still stored, never dropped: it waits for its retry.
    const waiting = { processedAt: null, lastError: { contains: "987654321" } };
    expect(await db.webhookDelivery.count({ where: waiting })).toBe(1);
    await db.webhookDelivery.deleteMany({ where: waiting });
  });
});
