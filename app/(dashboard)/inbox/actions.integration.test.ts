// The inbox against the real database and a sandbox over HTTP, through the actions a browser calls:
// inbound webhook → thread, replies inside the window only, templates outside it, campaign links, roles.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getThread, listConversations, unreadConversations } from "@/lib/inbox/queries";
import { windowState } from "@/lib/inbox/window";
import { dispatchUntil, launch, sandboxWorkspace, type SandboxWorkspace } from "@/tests/campaigns";
import { runQueuedJobs } from "@/tests/factories";
import { actAnonymously, actAs } from "@/tests/request-context";
import { envelope, inboundChange } from "@/lib/whatsapp/webhook-payloads";
import { drain, post } from "@/tests/whatsapp";
import { markReadAction, saveSavedReplyAction, sendReplyAction } from "./actions";

let ws: SandboxWorkspace;
beforeAll(async () => {
  ws = await sandboxWorkspace({ contacts: 3 });
});
afterAll(() => ws.sandbox.close());
beforeEach(() => actAnonymously());

type Log = { entries: { path: string; status: number; body: Record<string, any> }[] }; // eslint-disable-line @typescript-eslint/no-explicit-any
const log = async () =>
  ((await (await fetch(`${ws.base}/_sandbox/log`)).json()) as Log).entries.filter((e) => e.path.endsWith("/messages"));

/** The customer writes to the business (through the sandbox, which signs and posts the webhook). */
async function customerWrites(from: string, text: string, contextWamid?: string) {
  const { wamid } = (await (
    await fetch(`${ws.base}/_sandbox/inbound`, {
      method: "POST",
      body: JSON.stringify({ from, text, name: "Lucía", contextWamid }),
    })
  ).json()) as { wamid: string };
  await expect
    .poll(
      async () => {
        await drain();
        return db.inboundMessage.count({ where: { wamid } });
      },
      { timeout: 5000 },
    )
    .toBe(1);
  return db.conversation.findFirstOrThrow({ where: { workspaceId: ws.workspace.id, contact: { phone: `+${from}` } } });
}

describe("inbox", () => {
  it("turns an inbound webhook into a thread with an unread count and an open window, and marks it read when opened", async () => {
    const conversation = await customerWrites("34699100001", "Hola, ¿abrís el sábado?");
    const thread = await getThread(ws.workspace.id, conversation.id);
    expect(thread.unreadCount).toBe(1);
    expect(windowState(thread.lastInboundAt).open).toBe(true);
    expect(thread.timeline).toMatchObject([
      { kind: "inbound", type: "text", payload: { text: { body: "Hola, ¿abrís el sábado?" } } },
    ]);
    const unread = await listConversations(ws.workspace.id, ws.users.MARKETER.id, {
      filter: "unread",
      q: "",
      campaignId: "",
    });
    expect(unread.map((c) => c.id)).toContain(conversation.id);
    expect(await unreadConversations(ws.workspace.id)).toBeGreaterThanOrEqual(1);

    await actAs(ws.users.MANAGER.id, ws.workspace.id);
    expect(await markReadAction({ conversationId: conversation.id })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    await actAs(ws.users.MARKETER.id, ws.workspace.id);
    expect(await markReadAction({ conversationId: conversation.id })).toMatchObject({ ok: true });
    expect((await db.conversation.findUniqueOrThrow({ where: { id: conversation.id } })).unreadCount).toBe(0);
    const wamid = thread.timeline[0]!.kind === "inbound" ? thread.timeline[0]!.wamid : "";
    expect((await log()).some((e) => e.body.status === "read" && e.body.message_id === wamid)).toBe(true);
  });

  it("sends reply buttons inside the window as a threaded reply, and shows their delivery", async () => {
    const conversation = await customerWrites("34699100002", "Can I change my delivery slot?");
    const inbound = await db.inboundMessage.findFirstOrThrow({ where: { conversationId: conversation.id } });
    await actAs(ws.users.MANAGER.id, ws.workspace.id);
    const reply = {
      kind: "buttons" as const,
      body: "Which slot suits you?",
      buttons: [{ title: "Morning" }, { title: "Afternoon" }, { title: "Evening" }],
    };
    expect(await sendReplyAction({ conversationId: conversation.id, replyTo: inbound.wamid, reply })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });

    await actAs(ws.users.MARKETER.id, ws.workspace.id);
    const tooMany = await sendReplyAction({
      conversationId: conversation.id,
      reply: { ...reply, buttons: [...reply.buttons, { title: "Night" }] },
    });
    expect(tooMany).toMatchObject({
      ok: false,
      error: { code: "VALIDATION", fieldErrors: { "reply.buttons": ["At most 3 reply buttons (WhatsApp's limit)."] } },
    });
    const sent = await sendReplyAction({ conversationId: conversation.id, replyTo: inbound.wamid, reply });
    expect(sent).toMatchObject({ ok: true, data: { state: "SENT" } });
    const request = (await log()).find((e) => e.body.type === "interactive" && e.body.to === "+34699100002");
    expect(request).toMatchObject({
      status: 200,
      body: {
        context: { message_id: inbound.wamid },
        interactive: {
          type: "button",
          action: {
            buttons: [
              { reply: { title: "Morning" } },
              { reply: { title: "Afternoon" } },
              { reply: { title: "Evening" } },
            ],
          },
        },
      },
    });
    // The sandbox delivers it, the person reads it and taps a button: all of it shows in the thread.
    await expect
      .poll(
        async () => {
          await drain();
          return (await getThread(ws.workspace.id, conversation.id)).timeline.map((t) =>
            t.kind === "outbound" ? t.state : t.kind === "inbound" ? t.type : "note",
          );
        },
        { timeout: 10_000 },
      )
      .toEqual(["text", "READ", "interactive"]);
  });

  it("refuses anything but a template once the 24-hour window has closed, and sends the template", async () => {
    const conversation = await customerWrites("34699100003", "Thanks!");
    await db.conversation.update({
      where: { id: conversation.id },
      data: { lastInboundAt: new Date(Date.now() - 25 * 3_600_000) },
    });
    await actAs(ws.users.MARKETER.id, ws.workspace.id);
    const refused = await sendReplyAction({
      conversationId: conversation.id,
      reply: { kind: "text", body: "Are you still there?" },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    if (!refused.ok) expect(refused.error.message).toMatch(/24-hour window is closed.*approved template.*“Template”/);
    expect(await db.outboundMessage.count({ where: { conversationId: conversation.id } })).toBe(0);

    const reply = { kind: "template" as const, templateId: ws.template.id, values: ["Lucía", "10%", "autumn"] };
    // A marketing template only to someone opted in to a marketing list.
    const notOptedIn = await sendReplyAction({ conversationId: conversation.id, reply });
    expect(notOptedIn).toMatchObject({
      ok: false,
      error: { code: "VALIDATION", message: expect.stringMatching(/has not opted in to marketing messages/) },
    });
    await db.contactConsent.create({
      data: {
        contactId: conversation.contactId,
        consentListId: ws.list.id,
        workspaceId: ws.workspace.id,
        optedIn: true,
        changedAt: new Date(),
      },
    });
    // Every variable needs its value, said in words with the template's own labels.
    const short = await sendReplyAction({ conversationId: conversation.id, reply: { ...reply, values: ["Lucía"] } });
    expect(short).toMatchObject({
      ok: false,
      error: { code: "VALIDATION", message: expect.stringMatching(/^This template needs 3 values: .*\{\{1\}\}/) },
    });
    const template = await sendReplyAction({ conversationId: conversation.id, reply });
    expect(template).toMatchObject({ ok: true, data: { state: "SENT" } });
    expect(
      (await log()).find((e) => e.body.type === "template" && e.body.to === "+34699100003")?.body.template,
    ).toMatchObject({ name: "promo" });
  });

  it("links a quick-reply button tap to the campaign message it answers, and filters by that campaign", async () => {
    const id = await launch(ws, { name: "Inbox link" });
    await dispatchUntil(id);
    const message = await db.message.findFirstOrThrow({
      where: { campaignId: id, wamid: { not: null } },
      include: { contact: true },
    });
    // The person taps the template's "Show me" quick reply: Meta sends a button message with the context.
    const tap = {
      wamid: `wamid.tap.${message.id}`,
      from: message.contact.phone!.slice(1),
      at: new Date(),
      button: { payload: "Show me", text: "Show me" },
      contextWamid: message.wamid!,
    };
    expect(await post(envelope(ws.number.wabaId, [inboundChange(ws.number, tap)]))).toBe(200);
    await drain();
    const conversation = await db.conversation.findFirstOrThrow({ where: { contactId: message.contactId } });
    const thread = await getThread(ws.workspace.id, conversation.id);
    // (the person may have written before: the tap is the message with its own wamid)
    expect(thread.timeline.find((t) => t.kind === "inbound" && t.wamid === tap.wamid)).toMatchObject({
      type: "button",
      campaign: { id, name: "Inbox link" },
      repliesTo: message.wamid,
    });
    expect(await db.message.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({
      state: "REPLIED",
      clickedButton: "Show me",
    });
    const byCampaign = await listConversations(ws.workspace.id, ws.users.MARKETER.id, {
      filter: "all",
      q: "",
      campaignId: id,
    });
    expect(byCampaign.map((c) => c.id)).toEqual([conversation.id]);
  });

  it("answers a keyword with its saved reply, filled for the person, inside the window", async () => {
    await actAs(ws.users.MARKETER.id, ws.workspace.id);
    expect(
      await saveSavedReplyAction({
        name: "Opening hours",
        body: "Hi {{first_name}}! We open 8:00-20:00, Saturdays too.",
        keyword: "hours",
      }),
    ).toMatchObject({ ok: true });
    expect(await saveSavedReplyAction({ name: "Other", body: "x", keyword: "HOURS" })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT" },
    });
    await customerWrites("34699100004", "Hours");
    await runQueuedJobs(ws.workspace.id);
    expect((await log()).find((e) => e.body.type === "text" && e.body.to === "+34699100004")?.body.text).toEqual({
      body: "Hi Lucía! We open 8:00-20:00, Saturdays too.",
      preview_url: true,
    });
  });
});
