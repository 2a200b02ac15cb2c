// The journey engine's invariants against the real database and a sandbox over HTTP: an event enters a
// person once, each step runs once, branches follow what the person did, waits end on time or on their
// event, the goal converts, an opt-out mid-journey stops the sends of its purpose, and people finish on the
// version they entered. Time passes by moving a run's clock back (no test sleeps).
import { afterAll, describe, expect, it } from "vitest";
import { recordConsentEvent } from "@/lib/consent/service";
import { db, type Prisma } from "@/lib/db/client";
import { recordEvents } from "@/lib/events/service";
import { mergeContacts } from "@/lib/identity/merge";
import { getThread } from "@/lib/inbox/queries";
import {
  acceptedSends,
  addOptedInContacts,
  PROMO_COMPONENTS,
  sandboxWorkspace,
  startDispatcher,
  type SandboxWorkspace,
} from "@/tests/campaigns";
import { drain } from "@/tests/whatsapp";
import { advanceDueRuns, consumeEvents, wakeSignalledRuns } from "./engine";
import { graphSchema, type Graph } from "./graph";
import { deleteJourney, moveJourney, publishJourney, saveDraft } from "./service";

const open: SandboxWorkspace[] = [];
afterAll(async () => {
  await Promise.all(open.map((ws) => ws.sandbox.close()));
});

async function setUp(contacts = 3) {
  const ws = await sandboxWorkspace();
  open.push(ws);
  const prefix = `+3463${String(Math.floor(Math.random() * 900) + 100)}`;
  await addOptedInContacts(ws.workspace.id, ws.list.id, contacts, prefix);
  const people = await db.contact.findMany({
    where: { workspaceId: ws.workspace.id },
    orderBy: { phone: "asc" },
    select: { id: true, phone: true },
  });
  return { ws, people };
}

const HOUR = 3600;
const send = (id: string, next: string | null) => ({
  id,
  kind: "send",
  template: "promo",
  variables: {
    "body:1": { source: "field", value: "first_name", fallback: "there" },
    "body:2": { source: "event", value: "discount", fallback: "10%" },
    "button:1": { source: "constant", value: "cart" },
  },
  next,
});

async function journey(ws: SandboxWorkspace, graph: unknown) {
  const user = ws.userOf("MARKETER");
  const { id } = await db.journey.create({
    data: { workspaceId: ws.workspace.id, name: "Test journey", draft: graph as Prisma.InputJsonValue },
  });
  await publishJourney(user, id);
  return id;
}

async function event(ws: SandboxWorkspace, contactId: string, name: string, properties: Record<string, unknown> = {}) {
  const [result] = await recordEvents(ws.workspace.id, null, [
    { ok: true, value: { name, contact: { id: contactId }, properties, createContact: false } },
  ]);
  expect(result!.ok).toBe(true);
}

/** One pass of the worker's journeys loop, then the dispatcher and webhook processing, for this workspace only. */
async function tick(ws: SandboxWorkspace) {
  const scope = { workspaceIds: [ws.workspace.id] };
  await consumeEvents(200, scope);
  await wakeSignalledRuns(scope);
  await advanceDueRuns(200, scope);
  const dispatcher = startDispatcher([ws.workspace.id]);
  try {
    while (await dispatcher.round()) await drain();
  } finally {
    await dispatcher.close();
  }
  await drain();
}

/** Ticks until `done` holds (the sandbox answers with webhooks a little later). */
async function until(ws: SandboxWorkspace, done: () => Promise<boolean>) {
  await expect
    .poll(
      async () => {
        await tick(ws);
        return done();
      },
      { timeout: 20_000, interval: 100 },
    )
    .toBe(true);
}

const runOf = (journeyId: string, contactId: string) =>
  db.journeyRun.findFirstOrThrow({ where: { journeyId, contactId }, orderBy: { enteredAt: "desc" } });
const outcomes = async (runId: string) =>
  (await db.journeyStepLog.findMany({ where: { runId }, orderBy: { seq: "asc" } })).map(
    (l) => `${l.stepId}:${l.outcome}`,
  );

/** Time passes for a run: it reached its step `seconds` earlier, and its timer is due now. */
async function later(runId: string, seconds: number) {
  await db.$executeRaw`UPDATE "JourneyRun" SET "stepAt" = "stepAt" - make_interval(secs => ${seconds}), "enteredAt" = "enteredAt" - make_interval(secs => ${seconds}), "dueAt" = now() WHERE id = ${runId}`;
}

describe("journey engine", () => {
  it(
    "enters on an event, sends once with the event's values, and follows the tapped button",
    { timeout: 60_000 },
    async () => {
      const { ws, people } = await setUp(1);
      const person = people[0]!;
      const id = await journey(ws, {
        trigger: { kind: "event", event: "cart.abandoned" },
        start: "send_1",
        steps: [
          send("send_1", "branch_1"),
          {
            id: "branch_1",
            kind: "branch",
            signal: "button",
            key: "Show me",
            seconds: HOUR,
            yes: "update_1",
            no: "exit_1",
          },
          { id: "update_1", kind: "update", addTags: ["tapped"], next: "exit_1" },
          { id: "exit_1", kind: "exit" },
        ],
      });
      await event(ws, person.id, "cart.abandoned", { discount: "25%" });
      await until(
        ws,
        async () => (await db.message.count({ where: { workspaceId: ws.workspace.id, wamid: { not: null } } })) === 1,
      );

      const sends = await acceptedSends(ws.base);
      expect(sends).toHaveLength(1);
      expect(JSON.stringify(sends[0]!.body)).toContain("25%");
      const run = await runOf(id, person.id);
      expect(run).toMatchObject({ status: "ACTIVE", stepId: "branch_1", waitSignal: "button" });
      expect(run.dueAt!.getTime()).toBeGreaterThan(Date.now() + HOUR * 1000 - 60_000);

      // The person taps "Show me" on that message: the branch goes the yes way at once, not at its deadline.
      const message = await db.message.findFirstOrThrow({ where: { workspaceId: ws.workspace.id } });
      const tap = await fetch(`${ws.base}/_sandbox/inbound`, {
        method: "POST",
        body: JSON.stringify({
          from: person.phone!.slice(1),
          button: { text: "Show me" },
          contextWamid: message.wamid,
        }),
      });
      expect(tap.status).toBe(200);
      await until(ws, async () => (await runOf(id, person.id)).status === "COMPLETED");
      expect(await outcomes(run.id)).toEqual(["send_1:sent", "branch_1:yes", "update_1:updated", "exit_1:exit"]);
      expect((await db.contact.findUniqueOrThrow({ where: { id: person.id } })).tags).toContain("tapped");

      // The agent sees in the person's inbox thread what the journey sent, named as the journey's (not the API's).
      const conversation = await db.conversation.findFirstOrThrow({
        where: { workspaceId: ws.workspace.id, contactId: person.id },
      });
      const thread = await getThread(ws.workspace.id, conversation.id);
      expect(thread.timeline.flatMap((i) => (i.kind === "outbound" ? [i.author] : []))).toEqual([
        { kind: "journey", id, name: "Test journey" },
      ]);

      // Exactly once: more rounds change nothing and send nothing.
      await tick(ws);
      await tick(ws);
      expect(await outcomes(run.id)).toHaveLength(4);
      expect(await acceptedSends(ws.base)).toHaveLength(1);
    },
  );

  it("takes the no way when the deadline passes without the signal", { timeout: 60_000 }, async () => {
    const { ws, people } = await setUp(1);
    const id = await journey(ws, {
      trigger: { kind: "event", event: "visit" },
      start: "send_1",
      steps: [
        send("send_1", "branch_1"),
        { id: "branch_1", kind: "branch", signal: "replied", seconds: HOUR, yes: "exit_1", no: "handoff_1" },
        { id: "handoff_1", kind: "handoff", reason: "No answer in an hour", next: null },
        { id: "exit_1", kind: "exit" },
      ],
    });
    const endpoint = await db.webhookEndpoint.create({
      data: {
        workspaceId: ws.workspace.id,
        url: "https://crm.example.com/hook",
        eventTypes: ["journey.handoff"],
        secretEncrypted: "x",
      },
    });
    await event(ws, people[0]!.id, "visit");
    await until(ws, async () => (await runOf(id, people[0]!.id)).waitSignal === "replied");
    const run = await runOf(id, people[0]!.id);
    await later(run.id, HOUR);
    await tick(ws);
    expect(await runOf(id, people[0]!.id)).toMatchObject({ status: "COMPLETED", endReason: "end" });
    expect(await outcomes(run.id)).toEqual(["send_1:sent", "branch_1:no", "handoff_1:handed_off"]);
    const handoff = await db.outboundDelivery.findFirstOrThrow({
      where: { endpointId: endpoint.id },
      include: { event: true },
    });
    expect(handoff.event.type).toBe("journey.handoff");
    expect(handoff.event.payload).toMatchObject({
      data: { reason: "No answer in an hour", contactId: people[0]!.id, runId: run.id },
    });
  });

  it(
    "ends a wait when its event arrives, times it out otherwise, and converts on the goal",
    { timeout: 60_000 },
    async () => {
      const { ws, people } = await setUp(3);
      const [arrives, timesOut, converts] = people as [
        (typeof people)[number],
        (typeof people)[number],
        (typeof people)[number],
      ];
      const id = await journey(ws, {
        trigger: { kind: "event", event: "booking.started" },
        start: "wait_1",
        steps: [
          {
            id: "wait_1",
            kind: "wait",
            mode: "event",
            event: "booking.paid",
            seconds: 2 * HOUR,
            next: "exit_1",
            timeout: "update_1",
          },
          { id: "update_1", kind: "update", attributes: { abandoned: "yes" }, next: null },
          { id: "exit_1", kind: "exit" },
        ],
        goal: { event: "booking.completed", seconds: 24 * HOUR },
      });
      for (const p of people) await event(ws, p.id, "booking.started", { ref: p.phone });
      await tick(ws);
      for (const p of people)
        expect(await runOf(id, p.id)).toMatchObject({ stepId: "wait_1", waitEvent: "booking.paid" });

      await event(ws, arrives.id, "booking.paid", { amount: 42 });
      await event(ws, converts.id, "booking.completed");
      await later((await runOf(id, timesOut.id)).id, 2 * HOUR);
      await tick(ws);

      const a = await runOf(id, arrives.id);
      expect(a).toMatchObject({ status: "COMPLETED", endReason: "exit" });
      expect(a.properties).toMatchObject({ amount: 42 }); // the awaited event's properties join the run's
      expect(await outcomes(a.id)).toEqual(["wait_1:arrived", "exit_1:exit"]);
      const t = await runOf(id, timesOut.id);
      expect(await outcomes(t.id)).toEqual(["wait_1:timeout", "update_1:updated"]);
      expect((await db.contact.findUniqueOrThrow({ where: { id: timesOut.id } })).attributes).toMatchObject({
        abandoned: "yes",
      });
      const c = await runOf(id, converts.id);
      expect(c).toMatchObject({ status: "COMPLETED", endReason: "goal" });
      expect(c.convertedAt).not.toBeNull();
    },
  );

  it("sends nothing more of a purpose to someone who opted out mid-journey", { timeout: 60_000 }, async () => {
    const { ws, people } = await setUp(1);
    const person = people[0]!;
    const id = await journey(ws, {
      trigger: { kind: "event", event: "signup" },
      start: "send_1",
      steps: [
        send("send_1", "wait_1"),
        { id: "wait_1", kind: "wait", mode: "duration", seconds: 24 * HOUR, next: "send_2" },
        send("send_2", "branch_1"),
        // On the last message: the skipped send's (none), not the first one's.
        { id: "branch_1", kind: "branch", signal: "delivered", seconds: HOUR, yes: null, no: "exit_1" },
        { id: "exit_1", kind: "exit" },
      ],
    });
    await event(ws, person.id, "signup");
    await until(ws, async () => (await runOf(id, person.id)).stepId === "wait_1");
    await until(
      ws,
      async () =>
        (await db.message.count({ where: { workspaceId: ws.workspace.id, deliveredAt: { not: null } } })) === 1,
    );
    await recordConsentEvent({
      workspaceId: ws.workspace.id,
      contactId: person.id,
      consentListId: null,
      action: "OPT_OUT",
      source: "KEYWORD",
      proof: 'Replied "STOP"',
    });
    const run = await runOf(id, person.id);
    await later(run.id, 24 * HOUR);
    await tick(ws);
    expect(await outcomes(run.id)).toEqual([
      "send_1:sent",
      "wait_1:waited",
      "send_2:skipped:consent_opted_out",
      "branch_1:no",
      "exit_1:exit",
    ]);
    expect(await acceptedSends(ws.base)).toHaveLength(1);
  });

  it(
    "keeps people on the version they entered, lets each in once, and lets everyone out on stop",
    { timeout: 60_000 },
    async () => {
      const { ws, people } = await setUp(2);
      const [first, second] = people as [(typeof people)[number], (typeof people)[number]];
      const user = ws.userOf("MARKETER");
      const v1: Graph = graphSchema.parse({
        trigger: { kind: "event", event: "joined" },
        start: "wait_1",
        steps: [{ id: "wait_1", kind: "wait", mode: "duration", seconds: HOUR, next: "send_1" }, send("send_1", null)],
        entry: { rule: "once" },
      });
      const id = await journey(ws, v1);
      await event(ws, first.id, "joined");
      await tick(ws);

      // Version 2 waits, then exits without sending.
      await saveDraft(user, id, "Test journey", {
        ...v1,
        steps: [{ ...v1.steps[0]!, next: null } as Graph["steps"][number]],
      });
      expect(await publishJourney(user, id)).toEqual({ version: 2 });
      await event(ws, second.id, "joined");
      await event(ws, first.id, "joined"); // already entered once: not again
      await tick(ws);
      const [a, b] = [await runOf(id, first.id), await runOf(id, second.id)];
      expect(await db.journeyRun.count({ where: { journeyId: id, contactId: first.id } })).toBe(1);
      expect((await db.journeyVersion.findUniqueOrThrow({ where: { id: a.versionId } })).number).toBe(1);
      expect((await db.journeyVersion.findUniqueOrThrow({ where: { id: b.versionId } })).number).toBe(2);

      await later(a.id, HOUR);
      await later(b.id, HOUR);
      await until(ws, async () => (await runOf(id, first.id)).status === "COMPLETED");
      expect(await outcomes(a.id)).toEqual(["wait_1:waited", "send_1:sent"]);
      expect(await outcomes(b.id)).toEqual(["wait_1:waited"]);

      // A third person waits; stopping the journey lets them out, and nobody enters it again.
      const third = (await db.contact.create({ data: { workspaceId: ws.workspace.id, phone: "+34630999111" } })).id;
      await event(ws, third, "joined");
      await tick(ws);
      expect((await runOf(id, third)).status).toBe("ACTIVE");
      await moveJourney(user, id, "stop");
      expect(await runOf(id, third)).toMatchObject({ status: "EXITED", endReason: "stopped" });
      await event(ws, second.id, "joined");
      await tick(ws);
      expect(await db.journeyRun.count({ where: { journeyId: id, status: "ACTIVE" } })).toBe(0);
      await expect(publishJourney(user, id)).rejects.toThrow();
    },
  );

  it("queues a batch's sends together, each with its own person's checks and values", { timeout: 60_000 }, async () => {
    const { ws, people } = await setUp(4);
    const [sent1, optedOut, unreachable, sent2] = people as [(typeof people)[number], ...typeof people];
    const id = await journey(ws, {
      trigger: { kind: "event", event: "cart" },
      start: "send_1",
      steps: [send("send_1", null)],
    });
    // A second journey, with a template of its own, whose run shares the batch.
    await db.template.create({
      data: {
        workspaceId: ws.workspace.id,
        name: "reminder",
        language: "en_US",
        category: "MARKETING",
        components: PROMO_COMPONENTS,
        status: "APPROVED",
      },
    });
    const other = await journey(ws, {
      trigger: { kind: "event", event: "browse" },
      start: "send_1",
      steps: [{ ...send("send_1", null), template: "reminder" }],
    });
    await recordConsentEvent({
      workspaceId: ws.workspace.id,
      contactId: optedOut!.id,
      consentListId: null,
      action: "OPT_OUT",
      source: "KEYWORD",
      proof: 'Replied "STOP"',
    });
    await db.contact.update({ where: { id: unreachable!.id }, data: { unreachable: true } });
    for (const [i, person] of people.entries()) await event(ws, person.id, "cart", { discount: `${i + 1}5%` });
    await event(ws, sent1.id, "browse", { discount: "99%" });
    await consumeEvents(200, { workspaceIds: [ws.workspace.id] });
    // One batch: the five runs' turns side by side, their sends queued in one go.
    expect(await advanceDueRuns(200, { workspaceIds: [ws.workspace.id] })).toBe(5);
    expect(await advanceDueRuns(200, { workspaceIds: [ws.workspace.id] })).toBe(0);
    const outcomeOf = async (journeyId: string, contactId: string) => outcomes((await runOf(journeyId, contactId)).id);
    expect(await outcomeOf(id, sent1.id)).toEqual(["send_1:sent"]);
    expect(await outcomeOf(id, optedOut!.id)).toEqual(["send_1:skipped:consent_opted_out"]);
    expect(await outcomeOf(id, unreachable!.id)).toEqual(["send_1:skipped:not_on_whatsapp"]);
    expect(await outcomeOf(id, sent2!.id)).toEqual(["send_1:sent"]);
    expect(await outcomeOf(other, sent1.id)).toEqual(["send_1:sent"]);
    const messages = await db.message.findMany({
      where: { workspaceId: ws.workspace.id, origin: "journey" },
      select: { id: true, contactId: true, request: true, callbackData: true },
    });
    expect(messages).toHaveLength(3);
    for (const m of messages) {
      const journeyId = m.callbackData === `journey:${other}` ? other : id;
      expect((await runOf(journeyId, m.contactId)).lastMessageId).toBe(m.id);
      // Each run's own template, and its person's value from their own event.
      const request = m.request as { template: { name: string } };
      expect(request.template.name).toBe(journeyId === other ? "reminder" : "promo");
      expect(JSON.stringify(request)).toContain(journeyId === other ? "99%" : m.contactId === sent1.id ? "15%" : "45%");
    }
  });

  it("puts off a run whose step fails unexpectedly, and moves the others of its batch on", async () => {
    const { ws, people } = await setUp(2);
    const id = await journey(ws, {
      trigger: { kind: "event", event: "ping" },
      start: "update_1",
      steps: [{ id: "update_1", kind: "update", addTags: ["pinged"], next: null }],
    });
    await event(ws, people[0]!.id, "ping");
    await event(ws, people[1]!.id, "ping");
    await consumeEvents(200, { workspaceIds: [ws.workspace.id] });
    // The second run's version is broken (a graph no schema takes): its turn throws.
    const broken = await db.journeyVersion.create({ data: { journeyId: id, number: 99, graph: { steps: "?" } } });
    await db.journeyRun.updateMany({
      where: { journeyId: id, contactId: people[1]!.id },
      data: { versionId: broken.id },
    });
    await advanceDueRuns(200, { workspaceIds: [ws.workspace.id] });

    expect(await runOf(id, people[0]!.id)).toMatchObject({ status: "COMPLETED" });
    const failed = await runOf(id, people[1]!.id);
    expect(failed).toMatchObject({ status: "ACTIVE", attempts: 1, stepId: "update_1" });
    expect(failed.lastError).toBeTruthy();
    expect(failed.dueAt!.getTime()).toBeGreaterThan(Date.now());
    expect(await outcomes(failed.id)).toEqual([]);
  });

  it("moves a merged person's runs to the record that survives, one run per journey", async () => {
    const { ws, people } = await setUp(2);
    const [survivor, absorbed] = people as [(typeof people)[number], (typeof people)[number]];
    const waits = (event: string) => ({
      trigger: { kind: "event", event },
      start: "wait_1",
      steps: [{ id: "wait_1", kind: "wait", mode: "duration", seconds: HOUR, next: null }],
      entry: { rule: "always" },
    });
    const both = await journey(ws, waits("both"));
    const one = await journey(ws, waits("one"));
    await event(ws, survivor.id, "both");
    await event(ws, absorbed.id, "both");
    await event(ws, absorbed.id, "one");
    await tick(ws);

    await db.$transaction((tx) => mergeContacts(tx, ws.workspace.id, survivor.id, absorbed.id, "test"));
    expect(
      await db.journeyRun.findMany({
        where: { journeyId: both },
        select: { contactId: true, status: true, endReason: true },
        orderBy: { status: "asc" },
      }),
    ).toEqual([
      { contactId: survivor.id, status: "ACTIVE", endReason: null },
      { contactId: survivor.id, status: "EXITED", endReason: "merged" },
    ]);
    expect(await runOf(one, survivor.id)).toMatchObject({ status: "ACTIVE" });
  });

  it("refuses to publish a graph with problems, and names them", async () => {
    const { ws } = await setUp(0);
    const user = ws.userOf("MARKETER");
    const { id } = await db.journey.create({
      data: {
        workspaceId: ws.workspace.id,
        name: "Broken",
        draft: {
          trigger: { kind: "event", event: "x" },
          start: "send_1",
          steps: [{ id: "send_1", kind: "send", template: "no_such_template", next: "wait_1" }],
        },
      },
    });
    await expect(publishJourney(user, id)).rejects.toThrow(/journeys.errors.fixProblems/);
    expect(await db.journeyVersion.count({ where: { journeyId: id } })).toBe(0);
    // A draft nobody entered can be deleted; a published journey cannot (its people and report stay).
    const published = await journey(ws, {
      trigger: { kind: "event", event: "x" },
      start: "exit_1",
      steps: [{ id: "exit_1", kind: "exit" }],
    });
    await expect(deleteJourney(user, published)).rejects.toThrow(/journeys.errors.notDraft/);
    await deleteJourney(user, id);
    expect(await db.journey.count({ where: { id: { in: [id, published] } } })).toBe(1);
  });
});
