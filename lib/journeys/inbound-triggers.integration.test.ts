// Journeys that a person's own message starts, through the real webhook path: the sandbox plays the person
// writing a keyword or tapping a campaign's quick-reply button, Parley's webhook stores it, and the engine
// enters them into the journey, whose session message then goes out while the window that message opened is
// open. What starts no journey writes no event, and a consent keyword stays the consent module's.
import { afterAll, describe, expect, it } from "vitest";
import { db, type Prisma } from "@/lib/db/client";
import { KEYWORD_EVENT } from "@/lib/events/trigger-keys";
import {
  addOptedInContacts,
  dispatchUntil,
  launch,
  sandboxWorkspace,
  startDispatcher,
  type SandboxWorkspace,
} from "@/tests/campaigns";
import { drain, sandboxLog } from "@/tests/whatsapp";
import { advanceDueRuns, consumeEvents } from "./engine";
import { publishJourney } from "./service";

const open: SandboxWorkspace[] = [];
afterAll(async () => {
  await Promise.all(open.map((ws) => ws.sandbox.close()));
});

async function setUp() {
  const ws = await sandboxWorkspace();
  open.push(ws);
  await addOptedInContacts(ws.workspace.id, ws.list.id, 2, `+3464${String(Math.floor(Math.random() * 900) + 100)}`);
  const people = await db.contact.findMany({
    where: { workspaceId: ws.workspace.id },
    orderBy: { phone: "asc" },
    select: { id: true, phone: true },
  });
  return { ws, people };
}

/** A live journey on `trigger` whose one step is a session message. */
async function journey(ws: SandboxWorkspace, trigger: object) {
  const { id } = await db.journey.create({
    data: {
      workspaceId: ws.workspace.id,
      name: "Reply journey",
      draft: {
        trigger,
        start: "message_1",
        steps: [{ id: "message_1", kind: "message", text: "Welcome to the club", next: null }],
      } as Prisma.InputJsonValue,
    },
  });
  await publishJourney(ws.userOf("MARKETER"), id);
  return id;
}

/** The person writes (or taps) through the sandbox; returns when Parley has stored the message. */
async function personSays(ws: SandboxWorkspace, phone: string, said: object) {
  const before = await db.inboundMessage.count({ where: { workspaceId: ws.workspace.id } });
  const response = await fetch(`${ws.base}/_sandbox/inbound`, {
    method: "POST",
    body: JSON.stringify({ from: phone.slice(1), ...said }),
  });
  expect(response.status).toBe(200);
  await expect
    .poll(
      async () => {
        await drain();
        return db.inboundMessage.count({ where: { workspaceId: ws.workspace.id } });
      },
      { timeout: 20_000, interval: 50 },
    )
    .toBe(before + 1);
}

/** The worker's journeys loop and the dispatcher, for this workspace, until nothing is left to do. */
async function work(ws: SandboxWorkspace) {
  const scope = { workspaceIds: [ws.workspace.id] };
  await consumeEvents(200, scope);
  await advanceDueRuns(200, scope);
  const dispatcher = startDispatcher([ws.workspace.id]);
  try {
    while (await dispatcher.round()) await drain();
  } finally {
    await dispatcher.close();
  }
  await drain();
}

const runs = (journeyId: string) => db.journeyRun.findMany({ where: { journeyId }, select: { contactId: true } });
const textsTo = async (ws: SandboxWorkspace, phone: string) =>
  ((await sandboxLog(ws.base)).entries as { path: string; status: number; body: Record<string, unknown> }[]).filter(
    (e) => e.path.endsWith("/messages") && e.status === 200 && e.body.type === "text" && e.body.to === phone,
  );

describe("journeys started by what a person sends", () => {
  it("starts on a keyword in any letter case and spacing, and answers in the window it opened", async () => {
    const { ws, people } = await setUp();
    const [ana, ben] = people as [{ id: string; phone: string }, { id: string; phone: string }];

    // Before any journey waits for it, a keyword writes nothing for the engine.
    await personSays(ws, ana.phone, { text: "join club" });
    expect(await db.contactEvent.count({ where: { workspaceId: ws.workspace.id, name: KEYWORD_EVENT } })).toBe(0);

    const id = await journey(ws, { kind: "keyword", keyword: "Join club" });
    await personSays(ws, ana.phone, { text: "  JOIN   club " });
    await personSays(ws, ben.phone, { text: "join club, please" });
    await expect
      .poll(async () => {
        await work(ws);
        return (await runs(id)).map((r) => r.contactId);
      })
      .toEqual([ana.id]);
    await expect.poll(async () => (await textsTo(ws, ana.phone)).length, { timeout: 20_000 }).toBe(1);
    expect((await textsTo(ws, ana.phone))[0]!.body).toMatchObject({ text: { body: "Welcome to the club" } });
    expect(await textsTo(ws, ben.phone)).toHaveLength(0);
  });

  it("leaves a consent keyword to the consent module: STOP opts out and starts nothing", async () => {
    const { ws, people } = await setUp();
    const id = await journey(ws, { kind: "keyword", keyword: "STOP" });
    await personSays(ws, people[0]!.phone!, { text: "stop" });
    await work(ws);
    expect(await runs(id)).toEqual([]);
    expect(await db.contactEvent.count({ where: { workspaceId: ws.workspace.id, name: KEYWORD_EVENT } })).toBe(0);
    const consent = await db.contactConsent.findFirstOrThrow({ where: { contactId: people[0]!.id } });
    expect(consent.optedIn).toBe(false);
  });

  it("starts on a tap on the chosen button of the chosen campaign only", async () => {
    const { ws, people } = await setUp();
    const [ana, ben] = people as [{ id: string; phone: string }, { id: string; phone: string }];
    const campaignId = await launch(ws);
    await dispatchUntil(campaignId);
    const wamidOf = async (contactId: string) =>
      (await db.message.findFirstOrThrow({ where: { campaignId, contactId }, select: { wamid: true } })).wamid!;

    const id = await journey(ws, { kind: "button", campaignId, button: "Show me" });
    // Ana taps "Show me" on the campaign's message; Ben writes the same words instead of tapping.
    await personSays(ws, ana.phone, { button: { text: "Show me" }, contextWamid: await wamidOf(ana.id) });
    await personSays(ws, ben.phone, { text: "Show me" });
    await expect
      .poll(async () => {
        await work(ws);
        return (await runs(id)).map((r) => r.contactId);
      })
      .toEqual([ana.id]);
    await expect.poll(async () => (await textsTo(ws, ana.phone)).length, { timeout: 20_000 }).toBe(1);
    expect(await textsTo(ws, ben.phone)).toHaveLength(0);
  });

  it("refuses to publish a keyword left empty or a button the campaign does not have", async () => {
    const { ws } = await setUp();
    const campaignId = await launch(ws);
    await expect(journey(ws, { kind: "keyword", keyword: "  " })).rejects.toThrow();
    await expect(journey(ws, { kind: "button", campaignId, button: "Not a button" })).rejects.toThrow();
    await expect(journey(ws, { kind: "button", campaignId, button: "Show me" })).resolves.toBeTruthy();
  });
});
