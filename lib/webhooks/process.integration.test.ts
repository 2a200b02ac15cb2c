import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { englishTranslator } from "@/lib/i18n/translator";
import { createWorkspace } from "@/tests/factories";
import { campaignWithMessages, connectAccount, drain, post } from "@/tests/whatsapp";
import {
  accountUpdateChange,
  envelope,
  inboundChange,
  statusChange,
  templateCategoryChange,
  templateQualityChange,
  templateStatusChange,
  userPreferenceChange,
  type NumberRef,
  type StatusSpec,
} from "@/lib/whatsapp/webhook-payloads";
import { acknowledgeAccountAlert, openAccountAlerts } from "./account-alerts";
import { listFailedWebhooks, MAX_PART_ATTEMPTS, retrySetAsideParts, webhookBacklog } from "./process";

/** An admin user of the workspace (the alert's acknowledger). */
async function createWorkspaceAdmin(workspaceId: string) {
  const user = await db.user.create({
    data: { email: `admin-${Date.now()}-${Math.random()}@parley.test`, name: "Ada Admin", passwordHash: "x" },
  });
  await db.membership.create({ data: { workspaceId, userId: user.id, role: "ADMIN" } });
  return { users: user.id };
}

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
    const body = status(number, {
      wamid: "wamid.dup1",
      status: "sent",
      at: at(1),
      recipient: "34610000101",
      callbackData: `pm:${messages[0]!.id}`,
      category: "marketing",
    });
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
    const promos = await db.consentList.create({
      data: { workspaceId: ws, name: "Promotions", category: "MARKETING" },
    });
    const orders = await db.consentList.create({ data: { workspaceId: ws, name: "Orders", category: "UTILITY" } });
    await db.contactConsent.createMany({
      data: [promos, orders].map((l) => ({
        workspaceId: ws,
        contactId,
        consentListId: l.id,
        optedIn: true,
        changedAt: at(-100),
      })),
    });
    await post(
      status(number, {
        wamid: "wamid.f1",
        status: "failed",
        at: at(5),
        recipient: "34610000103",
        callbackData: `pm:${messages[0]!.id}`,
        error: { code: 131050, title: "User stopped marketing" },
      }),
    );
    await drain();
    const message = await db.message.findUniqueOrThrow({ where: { id: messages[0]!.id } });
    expect(message.state).toBe("FAILED");
    expect(message.errorCode).toBe(131050);
    expect(englishTranslator.message(message.errorReason!)).toMatch(/stopped marketing messages/);
    const states = await db.contactConsent.findMany({ where: { contactId }, include: { consentList: true } });
    expect(Object.fromEntries(states.map((s) => [s.consentList.name, s.optedIn]))).toEqual({
      Promotions: false,
      Orders: true,
    });
    expect(await db.consentEvent.findFirst({ where: { contactId, source: "ERROR_131050" } })).toMatchObject({
      action: "OPT_OUT",
    });
  });

  it("a day of events replayed in any order and batching ends in the same state as in order", async () => {
    type Plan = { reach: 0 | 1 | 2 | 3; fails: boolean };
    const plan = fc.array(fc.record({ reach: fc.constantFrom<0 | 1 | 2 | 3>(0, 1, 2, 3), fails: fc.boolean() }), {
      minLength: 5,
      maxLength: 25,
    });
    await fc.assert(
      fc.asyncProperty(
        plan,
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 7 }),
        async (plans: Plan[], seed, batch) => {
          const run = async (shuffle: boolean) => {
            const workspace = (await createWorkspace(["ADMIN"])).workspace.id;
            const n = await connectAccount(workspace);
            const phones = plans.map((_, i) => `+3461100${String(i).padStart(4, "0")}`);
            const { messages } = await campaignWithMessages(workspace, phones);
            const bodies: unknown[] = [];
            plans.forEach((p, i) => {
              const ref = {
                wamid: `wamid.${workspace}.${i}`,
                recipient: phones[i]!.slice(1),
                callbackData: `pm:${messages[i]!.id}`,
              };
              if (p.fails && p.reach === 0)
                bodies.push(
                  status(n, {
                    ...ref,
                    status: "failed",
                    at: at(i + 1),
                    error: { code: 131026, title: "Undeliverable" },
                  }),
                );
              if (p.reach >= 1) bodies.push(status(n, { ...ref, status: "sent", at: at(i + 1) }));
              if (p.reach >= 2) bodies.push(status(n, { ...ref, status: "delivered", at: at(i + 60) }));
              if (p.reach >= 3) bodies.push(status(n, { ...ref, status: "read", at: at(i + 600) }));
              if (p.fails && p.reach > 0)
                bodies.push(
                  status(n, {
                    ...ref,
                    status: "failed",
                    at: at(i + 30),
                    error: { code: 131000, title: "Something went wrong" },
                  }),
                );
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
            const rows = await db.message.findMany({
              where: { campaignId: messages[0]!.campaignId },
              orderBy: { contact: { phone: "asc" } },
            });
            return rows.map((m) => [
              m.state,
              m.sentAt?.getTime(),
              m.deliveredAt?.getTime(),
              m.readAt?.getTime(),
              m.failedAt?.getTime(),
              m.errorCode,
            ]);
          };
          expect(await run(true)).toEqual(await run(false));
        },
      ),
      { numRuns: 8 },
    );
  });
});

describe("inbound webhooks", () => {
  it("link a quick-reply tap to the campaign message it answers, once", async () => {
    const { messages } = await campaignWithMessages(ws, ["+34610000104"]);
    await post(
      status(number, {
        wamid: "wamid.camp1",
        status: "delivered",
        at: at(1),
        recipient: "34610000104",
        callbackData: `pm:${messages[0]!.id}`,
      }),
    );
    await drain();
    const tap = envelope(number.wabaId, [
      inboundChange(number, {
        wamid: "wamid.in1",
        from: "34610000104",
        at: at(90),
        contextWamid: "wamid.camp1",
        button: { payload: "DEALS", text: "Show me deals" },
        name: "Ana",
      }),
    ]);
    await post(tap);
    await post(tap);
    await drain();
    const inbound = await db.inboundMessage.findMany({ where: { wamid: "wamid.in1" } });
    expect(inbound).toHaveLength(1);
    expect(inbound[0]!.campaignMessageId).toBe(messages[0]!.id);
    expect(await db.message.findUniqueOrThrow({ where: { id: messages[0]!.id } })).toMatchObject({
      state: "REPLIED",
      clickedButton: "DEALS",
      repliedAt: at(90),
    });
    const conversation = await db.conversation.findUniqueOrThrow({ where: { contactId: messages[0]!.contactId } });
    expect(conversation).toMatchObject({ unreadCount: 1, lastInboundAt: at(90) });
  });

  it("create the contact for a stranger and open the 24-hour window", async () => {
    await post(
      envelope(number.wabaId, [
        inboundChange(number, {
          wamid: "wamid.in2",
          from: "447700900123",
          at: at(5),
          text: "Hi, are you open today?",
          name: "Grace",
        }),
      ]),
    );
    await drain();
    const contact = await db.contact.findUniqueOrThrow({
      where: { workspaceId_phone: { workspaceId: ws, phone: "+447700900123" } },
      include: { conversation: true },
    });
    expect(contact.name).toBe("Grace");
    expect(contact.conversation?.lastInboundAt).toEqual(at(5));
  });

  it("STOP and WhatsApp's own setting are recorded as consent events", async () => {
    await post(
      envelope(number.wabaId, [
        inboundChange(number, { wamid: "wamid.in3", from: "34610000105", at: at(5), text: "stop" }),
      ]),
    );
    await post(envelope(number.wabaId, [userPreferenceChange(number, "34610000106", "stop", at(6))]));
    await post(envelope(number.wabaId, [userPreferenceChange(number, "34610000106", "resume", at(7))]));
    await drain();
    const events = await db.consentEvent.findMany({ where: { workspaceId: ws }, orderBy: { occurredAt: "asc" } });
    const phones = new Map(
      (await db.contact.findMany({ where: { workspaceId: ws }, select: { id: true, phone: true } })).map((c) => [
        c.id,
        c.phone,
      ]),
    );
    expect(events.map((e) => [phones.get(e.contactId), e.action, e.source])).toEqual([
      ["+34610000105", "OPT_OUT", "KEYWORD"],
      ["+34610000106", "OPT_OUT", "WHATSAPP_SETTING"],
      ["+34610000106", "OPT_IN", "WHATSAPP_SETTING"],
    ]);
  });
});

describe("template webhooks", () => {
  it("move a template to approved or rejected with Meta's reason (its code, then its explanation), or none", async () => {
    await db.template.createMany({
      data: [
        {
          workspaceId: ws,
          name: "good_one",
          language: "en_US",
          category: "MARKETING",
          components: [],
          status: "PENDING",
          metaTemplateId: "555001",
        },
        {
          workspaceId: ws,
          name: "bad_one",
          language: "en_US",
          category: "MARKETING",
          components: [],
          status: "PENDING",
          metaTemplateId: "555002",
        },
        {
          workspaceId: ws,
          name: "no_reason",
          language: "en_US",
          category: "MARKETING",
          components: [],
          status: "PENDING",
          metaTemplateId: "555003",
        },
      ],
    });
    await post(
      envelope(number.wabaId, [
        templateStatusChange({ id: "555001", name: "good_one", language: "en_US", event: "APPROVED" }),
      ]),
    );
    await post(
      envelope(number.wabaId, [
        templateStatusChange({
          id: "555002",
          name: "bad_one",
          language: "en_US",
          event: "REJECTED",
          reason: "INVALID_FORMAT",
          explanation: "Two variables touch.",
        }),
        templateStatusChange({ id: "555003", name: "no_reason", language: "en_US", event: "REJECTED" }),
      ]),
    );
    await drain();
    const templates = await db.template.findMany({ where: { workspaceId: ws }, orderBy: { name: "asc" } });
    expect(templates.map((t) => [t.name, t.status, t.rejectionReason])).toEqual([
      ["bad_one", "REJECTED", "INVALID_FORMAT: Two variables touch."],
      ["good_one", "APPROVED", null],
      ["no_reason", "REJECTED", null], // no reason given: the screen says so in the reader's language
    ]);
  });
});

describe("a delivery that cannot be processed", () => {
  it("is set aside whole with its error only when its envelope cannot be read, visible to admins, while the others go through", async () => {
    const { messages } = await campaignWithMessages(ws, ["+34610000107"]);
    await post({ object: "whatsapp_business_account", entry: [{ id: number.wabaId, changes: "not a list" }] });
    await post(
      status(number, {
        wamid: "wamid.ok",
        status: "sent",
        at: at(1),
        recipient: "34610000107",
        callbackData: `pm:${messages[0]!.id}`,
      }),
    );
    expect(await drain()).toEqual({ processed: 1, failed: 1 });
    expect((await db.message.findUniqueOrThrow({ where: { id: messages[0]!.id } })).state).toBe("SENT");
    const failed = await listFailedWebhooks(ws);
    expect(failed[0]).toMatchObject({ attempts: 1, lastError: expect.stringContaining("changes") });
    expect(failed[0]!.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now());
    // Still stored, never dropped: it waits for its retry.
    const waiting = { processedAt: null, workspaceId: ws };
    expect(await db.webhookDelivery.count({ where: waiting })).toBe(1);
    await db.webhookDelivery.deleteMany({ where: waiting });
  });
});

describe("every change counts on its own", () => {
  it("a malformed part is set aside alone: the STOP beside it is applied, and so is everything else", async () => {
    const { messages } = await campaignWithMessages(ws, ["+34610000201"]);
    const promos = await db.consentList.create({
      data: { workspaceId: ws, name: "Promotions", category: "MARKETING" },
    });
    const contactId = messages[0]!.contactId;
    await db.contactConsent.create({
      data: { workspaceId: ws, contactId, consentListId: promos.id, optedIn: true, changedAt: at(-100) },
    });
    const stop = inboundChange(number, { wamid: "wamid.stop201", from: "34610000201", at: at(5), text: "STOP" });
    const value = stop.value as { messages: unknown[] };
    // The same `messages` change carries a message Meta's shape does not allow (no sender): only it is set aside.
    value.messages.push({ id: "wamid.broken", timestamp: "1763632800", type: "text", text: { body: "?" } });
    const delivery = envelope(number.wabaId, [
      stop,
      statusChange(number, [
        {
          wamid: "wamid.s201",
          status: "delivered",
          at: at(3),
          recipient: "34610000201",
          callbackData: `pm:${messages[0]!.id}`,
        },
      ]),
      { field: "a_field_parley_does_not_know", value: { anything: true } },
    ]);
    expect(await post(delivery)).toBe(200);
    expect(await drain()).toEqual({ processed: 1, failed: 0 });

    expect(await db.consentEvent.findMany({ where: { contactId }, select: { action: true, source: true } })).toEqual([
      { action: "OPT_OUT", source: "KEYWORD" },
    ]);
    expect(await db.contactConsent.findFirstOrThrow({ where: { contactId, consentListId: promos.id } })).toMatchObject({
      optedIn: false,
    });
    expect((await db.message.findUniqueOrThrow({ where: { id: messages[0]!.id } })).state).toBe("DELIVERED");

    const parts = await db.webhookPart.findMany({ where: { workspaceId: ws }, orderBy: { path: "asc" } });
    expect(parts.map((p) => [p.path, p.attempts, p.nextAttemptAt !== null])).toEqual([
      ["entry[0].changes[0].value.messages[1]", 1, true],
      ["entry[0].changes[2]", 1, false],
    ]);
    expect(parts[0]!.reason).toMatch(/unreadable messages change \(messages\.0\.from/);
    expect(parts[1]!.reason).toBe('entry[0].changes[2]: Parley does not handle "a_field_parley_does_not_know" changes');
    // Listed for admins where failed deliveries are shown, with the part's place and reason.
    const listed = await listFailedWebhooks(ws);
    expect(listed.map((f) => f.id).sort()).toEqual(parts.map((p) => `${p.deliveryId}/${p.path}`).sort());
    expect((await webhookBacklog(ws)).failed).toBe(2);

    // Retried alone, a bounded number of times, then kept without further retries.
    for (let i = 0; i < MAX_PART_ATTEMPTS + 2; i++) {
      await db.webhookPart.updateMany({
        where: { workspaceId: ws, nextAttemptAt: { not: null } },
        data: { nextAttemptAt: new Date(Date.now() - 1000) },
      });
      await retrySetAsideParts();
    }
    const broken = await db.webhookPart.findFirstOrThrow({ where: { workspaceId: ws, path: parts[0]!.path } });
    expect(broken).toMatchObject({ attempts: MAX_PART_ATTEMPTS, nextAttemptAt: null, resolvedAt: null });
    // Each retry applied nothing twice.
    expect(await db.consentEvent.count({ where: { contactId } })).toBe(1);
  });

  it("a part that fails while applied is rolled back alone and resolves on a later retry", async () => {
    await db.template.create({
      data: {
        workspaceId: ws,
        name: "later_one",
        language: "en_US",
        category: "UTILITY",
        components: [],
        status: "PENDING",
        metaTemplateId: "556001",
      },
    });
    // Makes the quality update fail inside the database, as a transient fault would.
    await db.$executeRawUnsafe(
      `CREATE OR REPLACE FUNCTION test_refuse_quality() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'quality writes refused for the test'; END $$`,
    );
    await db.$executeRawUnsafe(
      `CREATE TRIGGER test_refuse_quality BEFORE UPDATE OF quality ON "Template" FOR EACH ROW EXECUTE FUNCTION test_refuse_quality()`,
    );
    try {
      await post(
        envelope(number.wabaId, [
          templateQualityChange({
            id: "556001",
            name: "later_one",
            language: "en_US",
            previous: "GREEN",
            next: "YELLOW",
          }),
          templateStatusChange({ id: "556001", name: "later_one", language: "en_US", event: "APPROVED" }),
        ]),
      );
      expect(await drain()).toEqual({ processed: 1, failed: 0 });
      expect(await db.template.findFirstOrThrow({ where: { workspaceId: ws, name: "later_one" } })).toMatchObject({
        status: "APPROVED",
        quality: null,
      });
      expect((await db.webhookPart.findFirstOrThrow({ where: { workspaceId: ws } })).reason).toMatch(
        /quality writes refused for the test/,
      );
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER test_refuse_quality ON "Template"`);
      await db.$executeRawUnsafe(`DROP FUNCTION test_refuse_quality()`); // the database is shared: leave nothing
    }
    await db.webhookPart.updateMany({
      where: { workspaceId: ws },
      data: { nextAttemptAt: new Date(Date.now() - 1000) },
    });
    expect(await retrySetAsideParts()).toEqual({ resolved: 1, failed: 0 });
    expect(await db.template.findFirstOrThrow({ where: { workspaceId: ws, name: "later_one" } })).toMatchObject({
      quality: "YELLOW",
    });
    expect(await listFailedWebhooks(ws)).toEqual([]);
  });
});

describe("consent from a redelivered webhook", () => {
  it("is recorded once: the same STOP and the same user_preferences stop delivered again add nothing", async () => {
    const stop = envelope(number.wabaId, [
      inboundChange(number, { wamid: "wamid.stop301", from: "34610000301", at: at(5), text: "STOP" }),
    ]);
    const pref = envelope(number.wabaId, [userPreferenceChange(number, "34610000302", "stop", at(6))]);
    // Twice in one pass, and once more in a later pass (Meta retries for days).
    await post(stop);
    await post(stop);
    await post(pref);
    await post(pref);
    await drain();
    await post(stop);
    await post(pref);
    await drain();
    const events = await db.consentEvent.findMany({
      where: { workspaceId: ws },
      select: { action: true, source: true },
    });
    expect(events).toHaveLength(2);
    expect(events).toEqual(
      expect.arrayContaining([
        { action: "OPT_OUT", source: "KEYWORD" },
        { action: "OPT_OUT", source: "WHATSAPP_SETTING" },
      ]),
    );
  });
});

describe("events that arrive late", () => {
  const ref = { id: "557001", name: "order_update", language: "en_US" };
  beforeEach(async () => {
    await db.template.create({
      data: {
        workspaceId: ws,
        name: ref.name,
        language: ref.language,
        category: "UTILITY",
        components: [],
        status: "APPROVED",
        quality: "GREEN",
        metaTemplateId: ref.id,
      },
    });
  });
  const template = () => db.template.findFirstOrThrow({ where: { workspaceId: ws, metaTemplateId: ref.id } });

  it("an older quality or status event after a newer one changes nothing", async () => {
    await post(envelope(number.wabaId, [templateQualityChange({ ...ref, previous: "GREEN", next: "RED" })], at(200)));
    await post(envelope(number.wabaId, [templateStatusChange({ ...ref, event: "PAUSED" })], at(200)));
    await drain();
    await post(
      envelope(number.wabaId, [templateQualityChange({ ...ref, previous: "UNKNOWN", next: "GREEN" })], at(100)),
    );
    await post(envelope(number.wabaId, [templateStatusChange({ ...ref, event: "APPROVED" })], at(100)));
    await drain();
    expect(await template()).toMatchObject({ quality: "RED", status: "PAUSED" });
    // A newer one still applies.
    await post(envelope(number.wabaId, [templateQualityChange({ ...ref, previous: "RED", next: "YELLOW" })], at(300)));
    await drain();
    expect(await template()).toMatchObject({ quality: "YELLOW" });
  });

  it("an older phone number quality update after a newer one changes nothing", async () => {
    const limit = (tier: string, seconds: number) =>
      envelope(
        number.wabaId,
        [
          {
            field: "phone_number_quality_update",
            value: { display_phone_number: number.displayPhoneNumber, event: "UPGRADE", current_limit: tier },
          },
        ],
        at(seconds),
      );
    await post(limit("TIER_10K", 200));
    await drain();
    await post(limit("TIER_1K", 100));
    await drain();
    expect((await db.whatsAppAccount.findUniqueOrThrow({ where: { workspaceId: ws } })).messagingLimitTier).toBe(
      "TIER_10K",
    );
  });

  it("a late impending category notice, or an older completed change, never undoes a completed one", async () => {
    // Completed at t=300: UTILITY → MARKETING.
    await post(
      envelope(number.wabaId, [templateCategoryChange({ ...ref, previous: "UTILITY", next: "MARKETING" })], at(300)),
    );
    await drain();
    expect((await template()).category).toBe("MARKETING");
    // The notice that announced it (t=100, its new_category is the category at that time) arrives after it.
    await post(
      envelope(
        number.wabaId,
        [templateCategoryChange({ ...ref, next: "UTILITY", correctCategory: "MARKETING", effectiveAt: at(300) })],
        at(100),
      ),
    );
    // And an older completed change (t=50) delivered late.
    await post(
      envelope(number.wabaId, [templateCategoryChange({ ...ref, previous: "MARKETING", next: "UTILITY" })], at(50)),
    );
    await drain();
    expect((await template()).category).toBe("MARKETING");
  });

  it("an impending category notice is kept as a notice, with when it takes effect, until the change completes", async () => {
    await post(
      envelope(
        number.wabaId,
        [templateCategoryChange({ ...ref, next: "UTILITY", correctCategory: "MARKETING", effectiveAt: at(300) })],
        at(100),
      ),
    );
    await drain();
    expect(await template()).toMatchObject({
      category: "UTILITY",
      impendingCategory: "MARKETING",
      impendingCategoryAt: at(300),
    });
    await post(
      envelope(number.wabaId, [templateCategoryChange({ ...ref, previous: "UTILITY", next: "MARKETING" })], at(300)),
    );
    await drain();
    expect(await template()).toMatchObject({
      category: "MARKETING",
      impendingCategory: null,
      impendingCategoryAt: null,
    });
  });

  it("an impending category notice is a notice: it changes nothing even with no webhook time to compare", async () => {
    // The completed change reached Parley another way (a template sync), so no webhook time is stored.
    await db.template.updateMany({
      where: { workspaceId: ws, metaTemplateId: ref.id },
      data: { category: "MARKETING" },
    });
    await post(
      envelope(
        number.wabaId,
        [templateCategoryChange({ ...ref, next: "UTILITY", correctCategory: "MARKETING", effectiveAt: at(300) })],
        at(100),
      ),
    );
    await drain();
    expect((await template()).category).toBe("MARKETING");
  });
});

describe("account alerts", () => {
  it("a restriction reaches the admins as an alert, once, until one acknowledges it (audited)", async () => {
    const restriction = envelope(
      number.wabaId,
      [
        accountUpdateChange({
          event: "ACCOUNT_RESTRICTION",
          restriction_info: [
            { restriction_type: "RESTRICTED_BIZ_INITIATED_MESSAGING", expiration: "2026-12-01T10:00:00+0000" },
          ],
        }),
      ],
      at(10),
    );
    await post(restriction);
    await post(restriction);
    await post(
      envelope(
        number.wabaId,
        [accountUpdateChange({ event: "VOLUME_BASED_PRICING_TIER_UPDATE", volume_tier_info: { tier: "1:2" } })],
        at(11),
      ),
    );
    await drain();
    const alerts = await openAccountAlerts(ws);
    expect(alerts).toEqual([
      {
        id: expect.any(String),
        event: "ACCOUNT_RESTRICTION",
        occurredAt: at(10),
        summary: "WhatsApp restricted this account; RESTRICTED_BIZ_INITIATED_MESSAGING until 2026-12-01T10:00:00+0000",
      },
    ]);
    const { users } = await createWorkspaceAdmin(ws);
    await acknowledgeAccountAlert(ws, users, alerts[0]!.id);
    expect(await openAccountAlerts(ws)).toEqual([]);
    const audit = await db.auditLog.findMany({
      where: { workspaceId: ws, targetId: alerts[0]!.id },
      orderBy: { id: "asc" },
      select: { action: true, actorId: true },
    });
    expect(audit).toEqual([
      { action: "whatsapp.account_alert", actorId: null },
      { action: "whatsapp.account_alert_acknowledged", actorId: users },
    ]);
    // Another workspace's admin cannot acknowledge it, and sees none of it.
    const other = (await createWorkspace(["ADMIN"])).workspace.id;
    expect(await openAccountAlerts(other)).toEqual([]);
    await expect(acknowledgeAccountAlert(other, users, alerts[0]!.id)).rejects.toThrow(new NotFoundError("alert"));
  });

  it("a ban lifted by a newer reinstatement leaves the banner, and a late, older ban arrives already lifted", async () => {
    const ban = (state: string, seconds: number) =>
      envelope(
        number.wabaId,
        [
          accountUpdateChange({
            event: "DISABLED_UPDATE",
            ban_info: { waba_ban_state: state, waba_ban_date: "2026-11-20" },
          }),
        ],
        at(seconds),
      );
    await post(ban("DISABLE", 100));
    await drain();
    expect((await openAccountAlerts(ws)).map((a) => a.summary)).toEqual([
      "WhatsApp disabled (banned) this account; since 2026-11-20",
    ]);
    await post(ban("REINSTATE", 200));
    await drain();
    expect(await openAccountAlerts(ws)).toEqual([]);
    await post(ban("SCHEDULE_FOR_DISABLE", 150));
    await drain();
    expect(await openAccountAlerts(ws)).toEqual([]);
    await post(ban("DISABLE", 300));
    await drain();
    expect(await openAccountAlerts(ws)).toHaveLength(1);
  });
});
