// A booking Flow's answer as people meet it, against the real database and a sandbox over HTTP: the inbox card,
// the contact's "Forms answered" and the results name the booked time in words, on the workspace's clock, never
// the slot's id; a person whose hold expired and whose time was taken meanwhile is told so in WhatsApp, in their
// language, once, as an inbox reply.
import { afterAll, describe, expect, it } from "vitest";
import { db, type Prisma } from "@/lib/db/client";
import { getThread } from "@/lib/inbox/queries";
import { sendReply } from "@/lib/inbox/service";
import { envelope, inboundChange } from "@/lib/whatsapp/webhook-payloads";
import { sandboxWorkspace, type SandboxWorkspace } from "@/tests/campaigns";
import { createWorkspace, jobsOf, runQueuedJobs } from "@/tests/factories";
import { drain, post, sandboxLog } from "@/tests/whatsapp";
import { APPOINTMENT_FORMAT, bookingFlowJson, slotId } from "./booking-flow";
import { bookingTakenJob, bookingTakenNotice } from "./booking-notice";
import { holdSlot } from "./bookings";
import { generateEndpointKey, registerEndpointKey } from "./endpoint-keys";
import { contactFlowResponses, flowResults, readableAnswer } from "./queries";
import { createFlow, publishFlow } from "./service";

const open: SandboxWorkspace[] = [];
afterAll(async () => {
  await Promise.all(open.map((ws) => ws.sandbox.close()));
});

/** Waits (processing webhooks) until `done`, or fails after `ms`. */
async function until(done: () => Promise<boolean>, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await drain();
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A workspace in `timeZone` whose person answered the booking Flow for `slot` (its id, as WhatsApp sends it). */
async function answeredBooking(timeZone: string, slot: string) {
  const { workspace } = await createWorkspace(["ADMIN"]);
  await db.workspace.update({ where: { id: workspace.id }, data: { timeZone } });
  const flow = await db.flow.create({
    data: {
      workspaceId: workspace.id,
      name: "Book a tasting",
      category: "APPOINTMENT_BOOKING",
      status: "PUBLISHED",
      json: bookingFlowJson() as Prisma.InputJsonValue,
      metaFlowId: `7${Date.now()}`,
    },
  });
  const contact = await db.contact.create({ data: { workspaceId: workspace.id, phone: "+34600111333" } });
  const conversation = await db.conversation.create({
    data: { workspaceId: workspace.id, contactId: contact.id, lastActivityAt: new Date() },
  });
  const answers = { slot, customer_name: "Ana" };
  const inbound = await db.inboundMessage.create({
    data: {
      workspaceId: workspace.id,
      contactId: contact.id,
      conversationId: conversation.id,
      wamid: `wamid.booking-${workspace.id}`,
      type: "interactive",
      payload: { type: "interactive", interactive: { type: "nfm_reply", nfm_reply: { response_json: "{}" } } },
      receivedAt: new Date(),
    },
  });
  await db.flowResponse.create({
    data: {
      workspaceId: workspace.id,
      flowId: flow.id,
      contactId: contact.id,
      inboundMessageId: inbound.id,
      flowToken: "token",
      answers,
      completedAt: new Date(),
    },
  });
  return { workspaceId: workspace.id, flow, contact, conversation, inbound };
}

describe("a booked time in words", () => {
  it("the inbox card carries the booked instant and the workspace's zone, not only the slot's id", async () => {
    const { workspaceId, conversation, inbound } = await answeredBooking("Europe/Madrid", "2026-12-03T09:00Z");
    const thread = await getThread(workspaceId, conversation.id);
    const item = thread.timeline.find((i) => i.id === inbound.id);
    const card = item?.kind === "inbound" ? item.flow : null;
    expect(card).toMatchObject({ name: "Book a tasting", timeZone: "Europe/Madrid" });
    expect(card!.answers).toEqual([
      { label: "Time", value: "2026-12-03T09:00Z", at: "2026-12-03T09:00:00.000Z" },
      { label: "Your name", value: "Ana" },
    ]);
  });

  it("the contact page and the results read it on the workspace's clock, in the reader's language", async () => {
    const { workspaceId, flow, contact } = await answeredBooking("America/New_York", "2026-12-03T15:30Z");
    const { rows, timeZone } = await contactFlowResponses(workspaceId, contact.id);
    expect(timeZone).toBe("America/New_York");
    const results = await flowResults(workspaceId, flow.id, {});
    expect(results.timeZone).toBe("America/New_York");

    const [row] = rows;
    const question = row!.questions.find((q) => q.name === "slot");
    const value = (row!.answers as Record<string, unknown>).slot;
    const words = (locale: string) => (at: Date) =>
      new Intl.DateTimeFormat(locale, { ...APPOINTMENT_FORMAT, timeZone }).format(at);
    // 15:30 UTC is 10:30 in New York in December; the day, month and year are words, the zone is named.
    const english = readableAnswer(question, value, ["yes", "no"], words("en"));
    for (const part of ["Thu", "Dec", "3", "2026", "10:30", "EST"]) expect(english).toContain(part);
    const spanish = readableAnswer(question, value, ["sí", "no"], words("es"));
    for (const part of ["jue", "dic", "3", "2026", "10:30"]) expect(spanish).toContain(part);
    // Another answer of the same form is left as it is; without words (the CSV export), the slot's id stays.
    const name = row!.questions.find((q) => q.name === "customer_name");
    expect(readableAnswer(name, "Ana", ["yes", "no"], words("en"))).toBe("Ana");
    expect(readableAnswer(question, value, ["yes", "no"])).toBe("2026-12-03T15:30Z");
  });
});

describe("a booked time taken before the answer came", () => {
  it("releases the booking and tells the person in WhatsApp, in their language, once, in the inbox thread", async () => {
    // People here read nothing and complete nothing on their own: the test plays the person.
    const ws = await sandboxWorkspace({ sandbox: { readShare: 0, flowCompleteShare: 0 } });
    open.push(ws);
    const workspaceId = ws.workspace.id;
    await db.workspace.update({ where: { id: workspaceId }, data: { timeZone: "Europe/Madrid" } });
    await db.bookingAvailability.create({
      data: {
        workspaceId,
        weeklyHours: [{ weekday: 4, open: "09:00", close: "18:00" }],
        slotMinutes: 30,
        capacity: 1,
      },
    });
    await generateEndpointKey(ws.userOf("ADMIN"));
    await registerEndpointKey(ws.userOf("ADMIN"));
    const { id: flowId } = await createFlow(ws.userOf("MARKETER"), "Book a tasting", "liveBooking");
    await publishFlow(ws.userOf("MARKETER"), flowId);

    // A Spanish speaker writes (the sandbox knows their window is open); an agent sends them the booking flow.
    const phone = `3468${String(Math.floor(Math.random() * 9e6) + 1e6)}`;
    await fetch(`${ws.base}/_sandbox/inbound`, { method: "POST", body: JSON.stringify({ from: phone, text: "Hola" }) });
    await until(async () => (await db.conversation.count({ where: { workspaceId } })) === 1);
    const conversation = await db.conversation.findFirstOrThrow({ where: { workspaceId } });
    await db.contact.update({ where: { id: conversation.contactId }, data: { locale: "es_ES" } });
    const sent = await sendReply(workspaceId, ws.users.MARKETER.id, {
      conversationId: conversation.id,
      reply: { kind: "flow", flowId, body: "Reserva tu cata", cta: "Reservar" },
    });
    const outbound = await db.outboundMessage.findUniqueOrThrow({ where: { id: sent.id } });
    const token = (outbound.payload as { interactive: { action: { parameters: { flow_token: string } } } }).interactive
      .action.parameters.flow_token;

    // They chose Thursday 10 January 2030, 10:00 in Madrid, 20 minutes ago: their hold has expired, and someone
    // else has since held the slot's one seat.
    const slotStart = new Date(Date.UTC(2030, 0, 10, 9));
    const chose = new Date(Date.now() - 20 * 60_000);
    const hold = { workspaceId, slotStart, capacity: 1 };
    expect(await holdSlot({ ...hold, flowToken: token, contactId: conversation.contactId, now: chose })).toMatchObject({
      status: "held",
    });
    expect(await holdSlot({ ...hold, flowToken: "someone-else", contactId: null, now: new Date() })).toMatchObject({
      status: "held",
    });

    // Their answer arrives (twice, as webhooks may).
    const wamid = `wamid.answer-${phone}`;
    const answer = inboundChange(ws.number, {
      wamid,
      from: phone,
      at: new Date(),
      flowReply: { flow_token: token, slot: slotId(slotStart), customer_name: "Ana" },
      contextWamid: outbound.wamid!,
    } as never);
    for (let i = 0; i < 2; i++) {
      expect(await post(envelope(ws.number.wabaId, [answer]))).toBe(200);
      await drain();
    }
    const booking = await db.booking.findUniqueOrThrow({
      where: { workspaceId_flowToken: { workspaceId, flowToken: token } },
    });
    expect(booking.status).toBe("RELEASED");
    expect(await jobsOf(workspaceId, bookingTakenJob.name)).toHaveLength(1);

    await runQueuedJobs(workspaceId);
    const told = await db.outboundMessage.findMany({ where: { conversationId: conversation.id, type: "text" } });
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ state: "SENT", authorId: null, contextWamid: wamid });
    const body = (told[0]!.payload as { text: { body: string } }).text.body;
    expect(body).toContain("Lo sentimos");
    for (const part of ["jue", "10", "ene", "2030", "10:00"]) expect(body).toContain(part);
    // It went to WhatsApp as a free-form text answering their reply, and the thread shows it.
    const sends = (await sandboxLog(ws.base)).entries.filter((e) => e.path.endsWith("/messages"));
    expect(sends.at(-1)?.body).toMatchObject({ type: "text", text: { body }, context: { message_id: wamid } });
    const thread = await getThread(workspaceId, conversation.id);
    expect(thread.timeline).toContainEqual(
      expect.objectContaining({ kind: "outbound", id: told[0]!.id, type: "text", repliesTo: wamid }),
    );

    // The job run again (a worker that died before finishing it) sends nothing more.
    const payload = { workspaceId, contactId: conversation.contactId, bookingId: booking.id, replyTo: wamid };
    expect(await bookingTakenNotice(payload)).toBeNull();
  });
});
