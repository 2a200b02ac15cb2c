// A booking Flow's answer as people meet it, against the real database: the inbox card, the contact's "Forms
// answered" and the results name the booked time in words, on the workspace's clock, never the slot's id.
import { describe, expect, it } from "vitest";
import { db, type Prisma } from "@/lib/db/client";
import { getThread } from "@/lib/inbox/queries";
import { createWorkspace } from "@/tests/factories";
import { APPOINTMENT_FORMAT, bookingFlowJson } from "./booking-flow";
import { contactFlowResponses, flowResults, readableAnswer } from "./queries";

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
