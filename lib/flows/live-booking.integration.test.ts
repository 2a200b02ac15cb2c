// The booking Flow end to end, against the real database, a sandbox over HTTP and the real endpoint route: an
// endpoint flow published with its endpoint_uri (refused before the key is registered), sent in a campaign (a FLOW
// button opening it with data_exchange) and from the inbox; the sandbox's people open it as WhatsApp does, through
// Parley's data-exchange endpoint, and their answers confirm the slots they held, never more than a slot's
// capacity; a person whose requests the endpoint cannot decrypt abandons the flow.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ValidationError } from "@/lib/errors";
import { sendReply } from "@/lib/inbox/service";
import {
  addOptedInContacts,
  approvedTemplate,
  dispatchUntil,
  launch,
  sandboxWorkspace,
  type SandboxWorkspace,
} from "@/tests/campaigns";
import { parleyWebhookUrl } from "@/tests/parley-origin";
import { drain, sandboxLog } from "@/tests/whatsapp";
import { freeDays, type AvailabilityRules, type OpeningHours } from "./availability";
import { endpointUrl, generateEndpointKey, registerEndpointKey } from "./endpoint-keys";
import { DAYS_AHEAD } from "./exchange";
import { createFlow, publishFlow } from "./service";

const open: SandboxWorkspace[] = [];
afterAll(async () => {
  await Promise.all(open.map((ws) => ws.sandbox.close()));
});

async function until(done: () => Promise<boolean>, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await drain();
    await new Promise((r) => setTimeout(r, 50));
  }
}

type Stats = { endpointFlowsCompleted: number; endpointFlowsAbandoned: number; pendingWebhooks: number };
const stats = async (ws: SandboxWorkspace) => (await (await fetch(`${ws.base}/_sandbox/stats`)).json()) as Stats;

/** A workspace whose people read and complete every flow, its booking flow published and its key registered. */
async function bookingWorkspace(capacity: number) {
  const ws = await sandboxWorkspace({
    sandbox: { readShare: 1, flowCompleteShare: 1, webhookUrl: await parleyWebhookUrl() },
  });
  open.push(ws);
  const marketer = ws.userOf("MARKETER");
  const { id } = await createFlow(marketer, "Book a tasting", "liveBooking");
  // No key registered yet: Parley says where to register it, before asking Meta.
  await expect(publishFlow(marketer, id)).rejects.toThrow(
    new ValidationError("flows.errors.endpointKeyMissing").message,
  );
  await generateEndpointKey(ws.userOf("ADMIN"));
  await registerEndpointKey(ws.userOf("ADMIN"));
  await publishFlow(marketer, id);
  const flow = await db.flow.findUniqueOrThrow({ where: { id } });
  expect(flow.status).toBe("PUBLISHED");
  const created = (await sandboxLog(ws.base)).entries.find((e) => e.path.endsWith("/flows"))!;
  expect(created.body).toMatchObject({ endpoint_uri: endpointUrl(ws.workspace.id) });

  // Open every day 12:00–12:30 (one slot a day); all but the last day's slot already full.
  const weeklyHours = ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => ({ weekday, open: "12:00", close: "12:30" }));
  await db.bookingAvailability.create({
    data: { workspaceId: ws.workspace.id, weeklyHours, slotMinutes: 30, capacity },
  });
  const { timeZone } = await db.workspace.findUniqueOrThrow({ where: { id: ws.workspace.id } });
  const rules: AvailabilityRules = { timeZone, weeklyHours: weeklyHours as OpeningHours[], slotMinutes: 30, capacity };
  const starts = freeDays(rules, new Map(), new Date(), DAYS_AHEAD).flatMap((d) => d.starts);
  const free = new Date(starts.at(-1)!);
  await db.booking.createMany({
    data: starts.slice(0, -1).flatMap((start) =>
      Array.from({ length: capacity }, () => ({
        workspaceId: ws.workspace.id,
        slotStart: new Date(start),
        flowToken: `earlier-${randomUUID()}`,
        status: "CONFIRMED" as const,
        confirmedAt: new Date(),
      })),
    ),
  });
  return { ws, flow, free };
}

describe("booking real slots through the endpoint", () => {
  it(
    "people sent the booking flow in a campaign book the one free slot up to its capacity; the others leave",
    { timeout: 90_000 },
    async () => {
      const capacity = 2;
      const { ws, flow, free } = await bookingWorkspace(capacity);
      const components = [
        { type: "BODY", text: "Hi {{1}}, book your tasting here.", example: { body_text: [["Ana"]] } },
        {
          type: "BUTTONS",
          buttons: [{ type: "FLOW", text: "Book a time", flow_id: flow.metaFlowId, flow_action: "data_exchange" }],
        },
      ];
      await approvedTemplate(ws.workspace.id, ws.base, {
        name: "tasting_booking",
        category: "UTILITY",
        components,
      });
      const people = capacity + 1;
      const list = await db.consentList.create({
        data: { workspaceId: ws.workspace.id, name: "Bookings", category: "UTILITY" },
      });
      await addOptedInContacts(
        ws.workspace.id,
        list.id,
        people,
        `+3466${String(Math.floor(Math.random() * 900) + 100)}`,
      );

      const campaignId = await launch(ws, {
        consentListId: list.id,
        templateName: "tasting_booking",
        variables: { "body:1": { source: "field", value: "first_name", fallback: "there" } },
      });
      await dispatchUntil(campaignId);
      await until(async () => {
        const s = await stats(ws);
        if (s.endpointFlowsCompleted + s.endpointFlowsAbandoned < people || s.pendingWebhooks > 0) return false;
        return (await db.flowResponse.count({ where: { flowId: flow.id } })) === s.endpointFlowsCompleted;
      });

      // As many as the slot seats, each confirmed for the token of the message that carried the flow to them.
      const s = await stats(ws);
      expect(s).toMatchObject({ endpointFlowsCompleted: capacity, endpointFlowsAbandoned: people - capacity });
      const answers = await db.flowResponse.findMany({ where: { flowId: flow.id } });
      expect(answers).toHaveLength(capacity);
      for (const answer of answers) {
        expect(answer).toMatchObject({ campaignId, answers: { slot: `${free.toISOString().slice(0, 16)}Z` } });
        expect(typeof (answer.answers as { customer_name?: unknown }).customer_name).toBe("string");
        const booking = await db.booking.findUniqueOrThrow({
          where: { workspaceId_flowToken: { workspaceId: ws.workspace.id, flowToken: answer.flowToken } },
        });
        expect(booking).toMatchObject({ status: "CONFIRMED", contactId: answer.contactId, slotStart: free });
      }
      const seats = await db.booking.count({
        where: { workspaceId: ws.workspace.id, slotStart: free, status: { in: ["HELD", "CONFIRMED"] } },
      });
      expect(seats).toBe(capacity);
      // Every call went through the real route: the sandbox logged no failure of its own.
      expect((await sandboxLog(ws.base)).entries.filter((e) => e.status !== 200)).toEqual([]);
    },
  );

  it("an inbox flow message opens with data_exchange and books; with a key the endpoint cannot use, the person leaves", async () => {
    const { ws, flow, free } = await bookingWorkspace(1);
    const phone = `3467${String(Math.floor(Math.random() * 9e6) + 1e6)}`;
    // The person writes first (through the sandbox, which then knows their window is open).
    await fetch(`${ws.base}/_sandbox/inbound`, { method: "POST", body: JSON.stringify({ from: phone, text: "Hi!" }) });
    await until(async () => (await db.conversation.count({ where: { workspaceId: ws.workspace.id } })) === 1);
    const conversation = await db.conversation.findFirstOrThrow({ where: { workspaceId: ws.workspace.id } });
    const reply = { kind: "flow" as const, flowId: flow.id, body: "Pick a time", cta: "Book" };
    const sent = await sendReply(ws.workspace.id, ws.users.MARKETER.id, { conversationId: conversation.id, reply });
    expect(sent.state).toBe("SENT");
    const outbound = await db.outboundMessage.findUniqueOrThrow({ where: { id: sent.id } });
    expect(outbound.payload).toMatchObject({
      interactive: { action: { parameters: { flow_action: "data_exchange" } } },
    });
    expect(JSON.stringify(outbound.payload)).not.toContain("flow_action_payload");
    await until(async () => (await db.flowResponse.count({ where: { flowId: flow.id } })) === 1);
    const answer = await db.flowResponse.findFirstOrThrow({ where: { flowId: flow.id } });
    expect(answer).toMatchObject({ outboundMessageId: outbound.id });
    expect(
      await db.booking.findUniqueOrThrow({
        where: { workspaceId_flowToken: { workspaceId: ws.workspace.id, flowToken: answer.flowToken } },
      }),
    ).toMatchObject({ status: "CONFIRMED", slotStart: free, contactId: answer.contactId });

    // A new key pair, not registered: WhatsApp still encrypts for the old public key, the endpoint answers 421.
    await db.booking.deleteMany({ where: { workspaceId: ws.workspace.id, flowToken: answer.flowToken } });
    await generateEndpointKey(ws.userOf("ADMIN"));
    const again = await sendReply(ws.workspace.id, ws.users.MARKETER.id, { conversationId: conversation.id, reply });
    expect(again.state).toBe("SENT");
    await until(async () => (await stats(ws)).endpointFlowsAbandoned === 1);
    expect(await db.flowResponse.count({ where: { flowId: flow.id } })).toBe(1);
    expect(await db.booking.count({ where: { workspaceId: ws.workspace.id, slotStart: free } })).toBe(0);
  });
});
