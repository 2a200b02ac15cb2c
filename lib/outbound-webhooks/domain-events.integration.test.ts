// Events emitted where things happen: Meta's status and inbound webhooks through the real receiver and
// processing, and consent changes through the consent service.
import { beforeEach, describe, expect, it } from "vitest";
import { recordConsentEvent } from "@/lib/consent/service";
import { encryptSecret } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/client";
import { envelope, inboundChange, statusChange, type NumberRef } from "@/lib/whatsapp/webhook-payloads";
import { createWorkspace } from "@/tests/factories";
import { campaignWithMessages, connectAccount, drain, post } from "@/tests/whatsapp";
import { OUTBOUND_EVENT_TYPES, type OutboundEventType } from "./event-types";
import { outboundPayloadSchema } from "./events";

let ws: string;
let number: NumberRef;

beforeEach(async () => {
  await drain();
  ws = (await createWorkspace(["ADMIN"])).workspace.id;
  number = await connectAccount(ws);
  await db.webhookEndpoint.create({
    data: {
      workspaceId: ws,
      url: "https://hooks.example.com/x",
      eventTypes: [...OUTBOUND_EVENT_TYPES],
      secretEncrypted: encryptSecret("whsec_x"),
    },
  });
});

async function emitted() {
  const events = await db.outboundEvent.findMany({ where: { workspaceId: ws }, orderBy: { id: "asc" } });
  for (const e of events) outboundPayloadSchema(e.type as OutboundEventType).parse(e.payload); // the documented shape
  return events.map((e) => ({
    type: e.type,
    key: e.orderingKey,
    data: (e.payload as { data: Record<string, unknown> }).data,
  }));
}

const t0 = new Date("2026-11-20T10:00:00Z");
const at = (s: number) => new Date(t0.getTime() + s * 1000);

describe("emitted events", () => {
  it("message.sent, delivered, read and failed for a campaign message, once each, with the contact as ordering key", async () => {
    const { campaign, messages } = await campaignWithMessages(ws, ["+34610000201", "+34610000202"]);
    const [m1, m2] = messages;
    const body = envelope(number.wabaId, [
      statusChange(number, [
        { wamid: "wamid.ev1", status: "sent", at: at(1), recipient: "34610000201", callbackData: `pm:${m1!.id}` },
        { wamid: "wamid.ev1", status: "delivered", at: at(2), recipient: "34610000201", callbackData: `pm:${m1!.id}` },
        { wamid: "wamid.ev1", status: "read", at: at(3), recipient: "34610000201", callbackData: `pm:${m1!.id}` },
        {
          wamid: "wamid.ev2",
          status: "failed",
          at: at(4),
          recipient: "34610000202",
          callbackData: `pm:${m2!.id}`,
          error: { code: 131026, title: "Message undeliverable" },
        },
      ]),
    ]);
    await post(body);
    await post(body); // Meta delivers twice: nothing new
    await drain();
    const events = await emitted();
    expect(events.map((e) => e.type)).toEqual(["message.sent", "message.delivered", "message.read", "message.failed"]);
    expect(events[0]).toMatchObject({
      key: m1!.contactId,
      data: {
        messageId: m1!.id,
        wamid: "wamid.ev1",
        contactId: m1!.contactId,
        phone: "+34610000201",
        campaignId: campaign.id,
        origin: "campaign",
        callbackData: null,
        occurredAt: at(1).toISOString(),
      },
    });
    expect(events[3]!.data).toMatchObject({
      messageId: m2!.id,
      error: { code: 131026, title: "Message undeliverable", explanation: expect.stringMatching(/.{20,}/) },
    });
  });

  it("an API message's events carry its origin and the caller's callback data", async () => {
    const contact = await db.contact.create({ data: { workspaceId: ws, phone: "+34610000203" } });
    const message = await db.message.create({
      // Sent and awaiting its statuses (a CLAIMED row nobody holds would go back to the queue and be sent).
      data: {
        workspaceId: ws,
        contactId: contact.id,
        origin: "api",
        callbackData: "order-1042",
        state: "SENT",
        sentAt: new Date(),
      },
    });
    await post(
      envelope(number.wabaId, [
        statusChange(number, [
          {
            wamid: "wamid.api1",
            status: "delivered",
            at: at(5),
            recipient: "34610000203",
            callbackData: `pm:${message.id}`,
          },
        ]),
      ]),
    );
    await drain();
    expect((await emitted())[0]).toMatchObject({
      type: "message.delivered",
      data: { origin: "api", callbackData: "order-1042", campaignId: null },
    });
  });

  it("message.inbound and button.tapped for a tap on a campaign message's button", async () => {
    const { campaign, messages } = await campaignWithMessages(ws, ["+34610000204"]);
    await post(
      envelope(number.wabaId, [
        statusChange(number, [
          {
            wamid: "wamid.camp9",
            status: "sent",
            at: at(1),
            recipient: "34610000204",
            callbackData: `pm:${messages[0]!.id}`,
          },
        ]),
      ]),
    );
    await drain();
    await post(
      envelope(number.wabaId, [
        inboundChange(number, {
          wamid: "wamid.tap9",
          from: "34610000204",
          at: at(9),
          contextWamid: "wamid.camp9",
          button: { payload: "CONFIRM", text: "Confirm" },
        }),
      ]),
    );
    await drain();
    const events = await emitted();
    expect(events.map((e) => e.type)).toEqual(["message.sent", "message.inbound", "button.tapped"]);
    expect(events[2]).toMatchObject({
      key: messages[0]!.contactId,
      data: {
        button: { payload: "CONFIRM", text: "Confirm" },
        replyToMessageId: messages[0]!.id,
        campaignId: campaign.id,
        phone: "+34610000204",
      },
    });
    expect(events[1]!.data).toMatchObject({ wamid: "wamid.tap9", text: "Confirm", type: "button" });
  });

  it("contact.opted_in and opted_out only when a list's state changes", async () => {
    const contact = await db.contact.create({ data: { workspaceId: ws, phone: "+34610000205" } });
    const [news, deals] = await Promise.all(
      ["News", "Deals"].map((name) =>
        db.consentList.create({ data: { workspaceId: ws, name, category: "MARKETING" } }),
      ),
    );
    const event = (consentListId: string | null, action: "OPT_IN" | "OPT_OUT", s: number) =>
      recordConsentEvent({
        workspaceId: ws,
        contactId: contact.id,
        consentListId,
        action,
        source: "ADMIN",
        occurredAt: at(s),
      });
    await event(news!.id, "OPT_IN", 1);
    await event(news!.id, "OPT_IN", 2); // already in: no change
    await event(deals!.id, "OPT_IN", 3);
    await event(null, "OPT_OUT", 4); // STOP: both lists close
    await event(null, "OPT_OUT", 5); // again: nothing left to close
    const events = await emitted();
    expect(events.map((e) => [e.type, (e.data.lists as { name: string }[]).map((l) => l.name)])).toEqual([
      ["contact.opted_in", ["News"]],
      ["contact.opted_in", ["Deals"]],
      ["contact.opted_out", ["Deals", "News"]],
    ]);
    expect(events[2]).toMatchObject({ key: contact.id, data: { phone: "+34610000205", source: "ADMIN" } });
  });
});
