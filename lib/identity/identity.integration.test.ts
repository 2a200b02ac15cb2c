// Contacts known by a business-scoped user id (BSUID), with or without a phone, against the sandbox: a person
// who shows only a username writes, is answered, opts out and is never sent marketing again; the same person
// sharing a phone later is merged into the record that held it; WhatsApp's own identity changes are applied.
import { randomInt } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { recordConsentEvent } from "@/lib/consent/service";
import { db } from "@/lib/db/client";
import { ValidationError } from "@/lib/errors";
import { englishTranslator } from "@/lib/i18n/translator";
import { sendReply } from "@/lib/inbox/service";
import { envelope, inboundChange } from "@/lib/whatsapp/webhook-payloads";
import {
  acceptedSends,
  counts,
  dispatchUntil,
  launch,
  sandboxWorkspace,
  type SandboxWorkspace,
} from "@/tests/campaigns";
import { drain, post } from "@/tests/whatsapp";

let ws: SandboxWorkspace;
beforeEach(async () => {
  ws = await sandboxWorkspace();
});
afterEach(async () => {
  await ws.sandbox.close();
});

const newBsuid = () => `ES.${randomInt(1e9, 9e9)}${randomInt(1e9, 9e9)}`;
const newPhone = () => `+3461${randomInt(1e6, 9e6)}`;

/** The person writes through the sandbox (a BSUID alone for someone who shows only a username). */
async function writes(from: string, text: string, extra: { username?: string; name?: string } = {}) {
  const answer = await fetch(`${ws.base}/_sandbox/inbound`, {
    method: "POST",
    body: JSON.stringify({ from, text, ...extra }),
  });
  const { wamid } = (await answer.json()) as { wamid: string };
  await expect
    .poll(async () => {
      await drain();
      return db.inboundMessage.count({ where: { wamid } });
    })
    .toBe(1);
}

const contactsOf = (where: object) =>
  db.contact.findMany({
    where: { workspaceId: ws.workspace.id, ...where },
    select: { id: true, phone: true, bsuid: true, username: true, name: true },
  });

const optIn = (contactId: string, occurredAt = new Date(Date.now() - 60_000)) =>
  recordConsentEvent({
    workspaceId: ws.workspace.id,
    contactId,
    consentListId: ws.list.id,
    action: "OPT_IN",
    source: "WEB_FORM",
    proof: "Checkout form",
    occurredAt,
  });

describe("a person known only by a username", () => {
  it("writes, is answered at their BSUID, opts out, and is never sent marketing again", async () => {
    const marta = newBsuid();
    const other = newBsuid();
    await writes(marta, "Is the shop open on Sunday?", { username: "marta.r", name: "Marta" });
    const [contact] = await contactsOf({ bsuid: marta });
    expect(contact).toMatchObject({ phone: null, bsuid: marta, username: "marta.r", name: "Marta" });
    await optIn(contact!.id);

    // The inbox answers by BSUID: Meta takes it as `recipient`, with no `to`.
    const conversation = await db.conversation.findUniqueOrThrow({ where: { contactId: contact!.id } });
    const reply = await sendReply(ws.workspace.id, ws.users.ADMIN.id, {
      conversationId: conversation.id,
      reply: { kind: "text", body: "Yes, from 10 to 2." },
    });
    expect(reply.state).not.toBe("FAILED");
    const { entries } = (await (await fetch(`${ws.base}/_sandbox/log?limit=1000`)).json()) as {
      entries: { path: string; status: number; body: { to?: string; recipient?: string; type?: string } }[];
    };
    const text = entries.find((e) => e.path.endsWith("/messages") && e.body?.type === "text");
    expect(text).toMatchObject({ status: 200, body: { recipient: marta } });
    expect(text!.body.to).toBeUndefined();

    await writes(marta, "STOP");
    expect(
      await db.contactConsent.findUniqueOrThrow({
        where: { contactId_consentListId: { contactId: contact!.id, consentListId: ws.list.id } },
      }),
    ).toMatchObject({ optedIn: false });

    // A second username-only person, still opted in, receives the campaign at their BSUID; Marta does not.
    await writes(other, "Hello", { username: "jon" });
    const [jon] = await contactsOf({ bsuid: other });
    await optIn(jon!.id);
    const campaignId = await launch(ws);
    await dispatchUntil(campaignId);
    expect(await counts(campaignId)).toMatchObject({ SKIPPED: 1 });
    const skipped = await db.message.findFirstOrThrow({ where: { campaignId, contactId: contact!.id } });
    expect(skipped).toMatchObject({ state: "SKIPPED", skipReason: "opted_out" });
    const sent = (await acceptedSends(ws.base)).map((e) => (e.body as { recipient?: string }).recipient);
    expect(sent).toEqual([other]);
  });

  it("cannot be sent an authentication template (WhatsApp sends those to phone numbers only)", async () => {
    const bsuid = newBsuid();
    await writes(bsuid, "My code?", { username: "kim" });
    const [contact] = await contactsOf({ bsuid });
    const template = await db.template.create({
      data: {
        workspaceId: ws.workspace.id,
        name: "login_code",
        language: "en_US",
        category: "AUTHENTICATION",
        components: [{ type: "BODY", text: "{{1}} is your code." }],
        status: "APPROVED",
      },
    });
    const conversation = await db.conversation.findUniqueOrThrow({ where: { contactId: contact!.id } });
    const refused = await sendReply(ws.workspace.id, ws.users.ADMIN.id, {
      conversationId: conversation.id,
      reply: { kind: "template", templateId: template.id, values: ["123456"] },
    }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ValidationError);
    expect(englishTranslator.message((refused as ValidationError).message)).toMatch(/phone number only/);
  });
});

describe("two records of one person", () => {
  it("merge when the username-only person later shares the phone an older record holds", async () => {
    const phone = newPhone();
    const bsuid = newBsuid();
    // Imported by phone with an opt-in; later writes with a username only, and says STOP.
    const imported = await db.contact.create({ data: { workspaceId: ws.workspace.id, phone, name: "Lucía" } });
    await optIn(imported.id, new Date(Date.now() - 3_600_000));
    await writes(bsuid, "Hola", { username: "lucia" });
    await writes(bsuid, "STOP");
    const [second] = await contactsOf({ bsuid });
    expect(second!.id).not.toBe(imported.id);

    // Now a message names both: the phone and the same BSUID.
    const body = envelope(ws.number.wabaId, [
      inboundChange(ws.number, {
        wamid: `wamid.merge.${bsuid}`,
        from: phone.slice(1),
        userId: bsuid,
        username: "lucia",
        at: new Date(),
        text: "It's me again",
      }),
    ]);
    expect(await post(body)).toBe(200);
    await drain();

    // One person: the older record, with both identifiers, every message and the STOP it said as the other.
    expect(await contactsOf({ OR: [{ phone }, { bsuid }] })).toEqual([
      { id: imported.id, phone, bsuid, username: "lucia", name: "Lucía" },
    ]);
    expect(await db.contact.count({ where: { id: second!.id } })).toBe(0);
    expect(await db.inboundMessage.count({ where: { contactId: imported.id } })).toBe(3);
    expect(await db.conversation.count({ where: { contactId: imported.id } })).toBe(1);
    expect(
      await db.contactConsent.findUniqueOrThrow({
        where: { contactId_consentListId: { contactId: imported.id, consentListId: ws.list.id } },
      }),
    ).toMatchObject({ optedIn: false });
    const log = await db.consentEvent.findMany({
      where: { contactId: imported.id },
      orderBy: { occurredAt: "asc" },
      select: { action: true, source: true },
    });
    expect(log).toEqual([
      { action: "OPT_IN", source: "WEB_FORM" },
      { action: "OPT_OUT", source: "KEYWORD" },
    ]);
    expect(
      await db.auditLog.findFirst({ where: { workspaceId: ws.workspace.id, action: "contact.merged" } }),
    ).toMatchObject({ targetId: imported.id, details: { absorbedId: second!.id } });
    expect(
      await db.contactIdentityChange.findMany({
        where: { contactId: imported.id },
        orderBy: { id: "asc" },
        select: { kind: true },
      }),
    ).toEqual(expect.arrayContaining([{ kind: "MERGED" }]));

    // The campaign that follows (to them and someone else) skips the person, opted out, once and not twice.
    const someone = await db.contact.create({ data: { workspaceId: ws.workspace.id, phone: newPhone() } });
    await optIn(someone.id);
    const campaignId = await launch(ws);
    await dispatchUntil(campaignId);
    expect(
      await db.message.findMany({
        where: { campaignId, contactId: { not: someone.id } },
        select: { contactId: true, skipReason: true },
      }),
    ).toEqual([{ contactId: imported.id, skipReason: "opted_out" }]);
  });

  it("follow WhatsApp's own changes: a new phone (user_changed_number) replaces the old one", async () => {
    const old = newPhone();
    const next = newPhone();
    await writes(old.slice(1), "Hi");
    const [contact] = await contactsOf({ phone: old });
    const body = envelope(ws.number.wabaId, [
      {
        field: "messages",
        value: {
          messaging_product: "whatsapp",
          metadata: { display_phone_number: ws.number.displayPhoneNumber, phone_number_id: ws.number.phoneNumberId },
          messages: [
            {
              from: old.slice(1),
              id: `wamid.system.${old}`,
              timestamp: String(Math.floor(Date.now() / 1000)),
              type: "system",
              system: {
                body: `User Ana changed from ${old.slice(1)} to ${next.slice(1)}`,
                wa_id: next.slice(1),
                type: "user_changed_number",
              },
            },
          ],
        },
      },
    ]);
    expect(await post(body)).toBe(200);
    expect(await drain()).toMatchObject({ failed: 0 });
    expect(await db.contact.findUniqueOrThrow({ where: { id: contact!.id } })).toMatchObject({ phone: next });
    expect(
      await db.contactIdentityChange.findFirst({ where: { contactId: contact!.id, kind: "PHONE" } }),
    ).toMatchObject({ previous: old, next, source: "webhook" });
  });
});
