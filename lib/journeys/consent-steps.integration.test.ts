// Consent in a journey, against the real database and the sandbox: a branch on whether the person is opted in
// to a list now, and an update step that opts them in (a double opt-in's "yes") through lib/consent, with the
// journey as its source and proof, once, before the marketing message that follows it is checked.
import { afterAll, describe, expect, it } from "vitest";
import { db, type Prisma } from "@/lib/db/client";
import { recordEvents } from "@/lib/events/service";
import {
  acceptedSends,
  addOptedInContacts,
  sandboxWorkspace,
  startDispatcher,
  type SandboxWorkspace,
} from "@/tests/campaigns";
import { runQueuedJobs } from "@/tests/factories";
import { drain } from "@/tests/whatsapp";
import { advanceDueRuns, consumeEvents } from "./engine";
import { publishJourney } from "./service";

const open: SandboxWorkspace[] = [];
afterAll(async () => {
  await Promise.all(open.map((ws) => ws.sandbox.close()));
});

async function setUp() {
  const ws = await sandboxWorkspace();
  open.push(ws);
  await addOptedInContacts(ws.workspace.id, ws.list.id, 1, `+3465${String(Math.floor(Math.random() * 900) + 100)}`);
  const optedIn = await db.contact.findFirstOrThrow({ where: { workspaceId: ws.workspace.id }, select: { id: true } });
  const stranger = await db.contact.create({
    data: { workspaceId: ws.workspace.id, phone: `+3466${String(Math.floor(Math.random() * 9e6) + 1e6)}`, name: "Sam" },
    select: { id: true },
  });
  return { ws, optedIn, stranger };
}

async function journey(ws: SandboxWorkspace, steps: object[]) {
  const { id } = await db.journey.create({
    data: {
      workspaceId: ws.workspace.id,
      name: "Double opt-in",
      draft: { trigger: { kind: "event", event: "signed.up" }, start: "step_1", steps } as Prisma.InputJsonValue,
    },
  });
  await publishJourney(ws.userOf("MARKETER"), id);
  return id;
}

async function enter(ws: SandboxWorkspace, contactId: string) {
  const [result] = await recordEvents(ws.workspace.id, null, [
    { ok: true, value: { name: "signed.up", contact: { id: contactId }, properties: {}, createContact: false } },
  ]);
  expect(result!.ok).toBe(true);
}

async function tick(ws: SandboxWorkspace) {
  const scope = { workspaceIds: [ws.workspace.id] };
  await consumeEvents(100, scope);
  await advanceDueRuns(100, scope);
  const dispatcher = startDispatcher([ws.workspace.id]);
  try {
    while (await dispatcher.round()) await drain();
  } finally {
    await dispatcher.close();
  }
}

const logOf = async (journeyId: string, contactId: string) => {
  const run = await db.journeyRun.findFirstOrThrow({ where: { journeyId, contactId } });
  const logs = await db.journeyStepLog.findMany({ where: { runId: run.id }, orderBy: { seq: "asc" } });
  return { run, outcomes: logs.map((l) => `${l.stepId}:${l.outcome}`) };
};

describe("consent in journeys", () => {
  it("branches on whether the person is opted in to a list now", async () => {
    const { ws, optedIn, stranger } = await setUp();
    const id = await journey(ws, [
      { id: "step_1", kind: "branch", signal: "consent", key: ws.list.id, yes: "yes_1", no: "no_1" },
      { id: "yes_1", kind: "update", addTags: ["opted"], next: null },
      { id: "no_1", kind: "update", addTags: ["not-opted"], next: null },
    ]);
    await enter(ws, optedIn.id);
    await enter(ws, stranger.id);
    await tick(ws);
    expect((await logOf(id, optedIn.id)).outcomes).toEqual(["step_1:yes", "yes_1:updated"]);
    expect((await logOf(id, stranger.id)).outcomes).toEqual(["step_1:no", "no_1:updated"]);
  });

  it("opts a person in with the journey as source and proof, once, before the marketing message that follows", async () => {
    const { ws, stranger } = await setUp();
    const id = await journey(ws, [
      {
        id: "step_1",
        kind: "update",
        label: "Confirmed",
        addTags: ["double-opt-in"],
        consent: { listId: ws.list.id, action: "OPT_IN" },
        next: "send_1",
      },
      {
        id: "send_1",
        kind: "send",
        template: "promo",
        variables: {
          "body:1": { source: "field", value: "first_name", fallback: "there" },
          "body:2": { source: "constant", value: "10%" },
          "button:1": { source: "constant", value: "welcome" },
        },
        next: null,
      },
    ]);
    await enter(ws, stranger.id);
    await tick(ws);
    // The step is done and its consent job queued; the run waits for it before the send.
    const paused = await logOf(id, stranger.id);
    expect(paused.outcomes).toEqual(["step_1:updated"]);
    expect(paused.run).toMatchObject({ status: "ACTIVE", stepId: "send_1" });
    expect(paused.run.dueAt!.getTime()).toBeGreaterThan(Date.now());

    await runQueuedJobs(ws.workspace.id);
    await runQueuedJobs(ws.workspace.id);
    const events = await db.consentEvent.findMany({ where: { contactId: stranger.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "OPT_IN", source: "JOURNEY", consentListId: ws.list.id });
    expect(events[0]!.proof).toContain('Journey "Double opt-in", step Confirmed');

    // Its time comes: the marketing message now passes the consent check.
    await db.journeyRun.update({ where: { id: paused.run.id }, data: { dueAt: new Date() } });
    await expect
      .poll(
        async () => {
          await tick(ws);
          await drain();
          return (await acceptedSends(ws.base)).length;
        },
        { timeout: 20_000, interval: 100 },
      )
      .toBe(1);
    expect((await logOf(id, stranger.id)).outcomes).toEqual(["step_1:updated", "send_1:sent"]);
  });
});
