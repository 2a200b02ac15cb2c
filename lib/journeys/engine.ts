// The journey engine, run by the worker's journeys loop (lib/worker/run.ts). Two claims, each in one
// transaction with row locks taken by SKIP LOCKED, so any number of workers share the work:
// - events (ContactEvent rows no journey has seen yet): a goal event completes the runs it converts, an
//   awaited event moves its waiting runs on, and a trigger event enters people into live journeys;
// - due runs (JourneyRun.dueAt passed): each runs its steps until one waits or the run ends.
// A step's effects (a message queued, a contact updated, a hand-off emitted), its JourneyStepLog row and
// the run's new position commit together: a crash before the commit leaves the run due again with nothing
// done, so every step happens once. The messages themselves go through the public API's checks (consent by
// purpose, the marketing cap, quiet hours: lib/messages) and are sent by the dispatcher, which checks consent
// again and never sends twice (lib/dispatch).
import "server-only";
import type pg from "pg";
import { ApiProblem } from "@/lib/api/handler";
import type { SendMessageBody } from "@/lib/api/operations/messages";
import { resolveVariable } from "@/lib/campaigns/render";
import { optedInToListSql } from "@/lib/consent/eligibility";
import { OPT_IN_EVENT } from "@/lib/consent/service";
import {
  BUTTON_EVENT,
  buttonTrigger,
  DATE_EVENT,
  dateTrigger,
  KEYWORD_EVENT,
  keywordTrigger,
  SEGMENT_EVENT,
  segmentTrigger,
} from "@/lib/events/trigger-keys";
import { FLOW_EVENT } from "@/lib/flows/answers";
import { Prisma } from "@/lib/db/client";
import { DISPATCH_CHANNEL, notifySoon } from "@/lib/db/notify";
import { pgPool } from "@/lib/db/pg";
import { windowState } from "@/lib/inbox/window";
import { sendJob } from "@/lib/jobs/engine";
import { logger } from "@/lib/logger";
import { emitEvents } from "@/lib/outbound-webhooks/emit";
import { readContacts, recordTurns, SendQueue, type Changes, type Contact, type Logged, type Turn } from "./batch";
import { CONSENT_SETTLE_MS, journeyConsentJob } from "./consent-step";
import { branchWay, ownValue, splitPath, waitEnds, type MessageSignals } from "./decide";
import { graphSchema, type Graph, type Step } from "./graph";

/** Steps one run may take in one turn; more (a long chain with no wait) continue on the next round. */
const STEPS_PER_TURN = 25;
/** A step that fails unexpectedly is tried again this many times, with back-off, before the run exits. */
const MAX_ATTEMPTS = 5;

type Client = pg.PoolClient;

/**
 * `workspaceIds`: serve only these workspaces (a worker set aside for one large tenant, or a test that must
 * not touch another test's journeys); by default, every workspace.
 */
export type Scope = { workspaceIds?: string[] };
/** SQL: `column` is one of the scope's workspaces (nothing, for every workspace). */
export const inScope = (column: Prisma.Sql, { workspaceIds }: Scope) =>
  workspaceIds ? Prisma.sql`AND ${column} = ANY(${workspaceIds}::text[])` : Prisma.empty;
const q = async <T extends pg.QueryResultRow>(client: Client, sql: Prisma.Sql) =>
  (await client.query<T>(sql.text, sql.values)).rows;

/** Published versions never change: each is parsed once per process. */
const graphs = new Map<string, Graph>();
function graphOf(versionId: string, json: unknown): Graph {
  let graph = graphs.get(versionId);
  if (!graph) graphs.set(versionId, (graph = graphSchema.parse(json)));
  return graph;
}

async function inTransaction<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = await pgPool().connect();
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

type RunRow = {
  id: string;
  workspaceId: string;
  journeyId: string;
  journeyName: string;
  versionId: string;
  contactId: string;
  stepId: string | null;
  stepAt: Date;
  seq: number;
  lastMessageId: string | null;
  properties: Record<string, unknown>;
  variant: string | null;
  attempts: number;
  graph: unknown;
};
const RUN_COLUMNS = Prisma.sql`r.id, r."workspaceId", r."journeyId", j.name AS "journeyName", r."versionId", r."contactId",
  r."stepId", r."stepAt", r.seq, r."lastMessageId", r.properties, r.variant, r.attempts, v.graph`;

// ---------------------------------------------------------------- events

type EventRow = {
  id: string;
  workspaceId: string;
  contactId: string;
  name: string;
  properties: Record<string, unknown>;
  occurredAt: Date;
};

/** Takes up to `limit` new events and applies each to the journeys (see the file's head); returns how many. */
export async function consumeEvents(limit: number, scope: Scope = {}): Promise<number> {
  return inTransaction(async (client) => {
    const events = await q<EventRow>(
      client,
      Prisma.sql`SELECT id, "workspaceId", "contactId", name, properties, "occurredAt" FROM "ContactEvent"
        WHERE "processedAt" IS NULL ${inScope(Prisma.sql`"workspaceId"`, scope)}
        ORDER BY "receivedAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED`,
    );
    if (events.length === 0) return 0;
    // The batch at once, a statement per kind: goals first, then waits, then entries (an event that enters
    // someone is not also the goal of the run it starts).
    await convert(client, events);
    await arrive(client, events);
    await enter(client, events);
    await q(
      client,
      Prisma.sql`UPDATE "ContactEvent" SET "processedAt" = now() WHERE id = ANY(${events.map((e) => e.id)}::text[])`,
    );
    return events.length;
  });
}

/** The events as parallel arrays, in their order (`n`: 1, 2…), for `unnest`. */
const eventsTable = (events: EventRow[]) => Prisma.sql`unnest(
  ${events.map((e) => e.workspaceId)}::text[], ${events.map((e) => e.contactId)}::text[], ${events.map((e) => e.name)}::text[],
  ${events.map((e) => e.occurredAt)}::timestamp(3)[], ${events.map((e) => JSON.stringify(e.properties))}::text[]::jsonb[],
  ${events.map(triggerOf)}::text[]) WITH ORDINALITY AS e(workspace_id, contact_id, name, at, properties, trigger, n)`;

/** An opt-in (lib/consent) starts the journeys of its list; any other event, those that name it. */
function triggerOf(event: EventRow): string {
  if (event.name === OPT_IN_EVENT) return `optIn:${String(ownValue(event.properties, "consentListId"))}`;
  if (event.name === FLOW_EVENT) return `flow:${String(ownValue(event.properties, "flowId"))}`;
  if (event.name === KEYWORD_EVENT) return keywordTrigger(String(ownValue(event.properties, "keyword")));
  if (event.name === DATE_EVENT) return dateTrigger(String(ownValue(event.properties, "journeyId")));
  if (event.name === SEGMENT_EVENT) return segmentTrigger(String(ownValue(event.properties, "journeyId")));
  if (event.name === BUTTON_EVENT)
    return buttonTrigger(
      String(ownValue(event.properties, "campaignId")),
      String(ownValue(event.properties, "button")),
    );
  return `event:${event.name}`;
}

/** The goal: active runs whose goal is one of these events, within the goal's time, complete as converted. */
async function convert(client: Client, events: EventRow[]) {
  await q(
    client,
    Prisma.sql`UPDATE "JourneyRun" r SET status = 'COMPLETED', "endReason" = 'goal', "convertedAt" = e.at,
      "endedAt" = now(), "dueAt" = NULL, "waitEvent" = NULL, "waitSignal" = NULL
    FROM "JourneyVersion" v, ${eventsTable(events)}
    WHERE r."contactId" = e.contact_id AND r.status = 'ACTIVE' AND v.id = r."versionId"
      AND v.graph->'goal'->>'event' = e.name
      AND e.at >= r."enteredAt" - interval '1 minute'
      AND e.at <= r."enteredAt" + make_interval(secs => (v.graph->'goal'->>'seconds')::float8)`,
  );
}

/** Runs waiting for one of these events move on by their wait's "arrived" way, with its properties added. */
async function arrive(client: Client, events: EventRow[]) {
  const waiting = await q<RunRow & { n: number }>(
    client,
    Prisma.sql`SELECT ${RUN_COLUMNS}, e.n FROM "JourneyRun" r
      JOIN ${eventsTable(events)} ON r."contactId" = e.contact_id AND r."waitEvent" = e.name
      JOIN "Journey" j ON j.id = r."journeyId" JOIN "JourneyVersion" v ON v.id = r."versionId"
      WHERE r.status = 'ACTIVE' ORDER BY r.id, e.n FOR UPDATE OF r`,
  );
  // A run waiting for an event that came twice in the batch moves on once, with the first.
  const moved = waiting.filter((w, i) => i === 0 || waiting[i - 1]!.id !== w.id);
  await recordTurns(
    client,
    moved.map((run): Turn => {
      const step = graphOf(run.versionId, run.graph).steps.find((s) => s.id === run.stepId);
      const to = step?.kind === "wait" ? step.next : null;
      return {
        run,
        logged: [{ stepId: run.stepId!, outcome: "arrived" }],
        at: to
          ? { status: "ACTIVE", stepId: to, stepAt: new Date(), dueAt: new Date() }
          : { status: "COMPLETED", endReason: "end" },
        changes: { properties: events[Number(run.n) - 1]!.properties },
      };
    }),
  );
}

/**
 * Enters each event's contact into every live journey of its workspace with the event's trigger
 * ("event:<name>", "optIn:<list id>") that its entry rule lets them into. At most one active run per journey
 * and person (the unique index); of two events for one person, the first enters.
 */
async function enter(client: Client, events: EventRow[]) {
  await q(
    client,
    Prisma.sql`INSERT INTO "JourneyRun" (id, "workspaceId", "journeyId", "versionId", "contactId", "stepId", "dueAt", properties)
      SELECT DISTINCT ON (j.id, c.id) gen_random_uuid()::text, j."workspaceId", j.id, v.id, c.id, v.graph->>'start', now(), e.properties
      FROM ${eventsTable(events)}
      JOIN "Journey" j ON j."workspaceId" = e.workspace_id AND j.status = 'LIVE' AND j.trigger = e.trigger
      JOIN "JourneyVersion" v ON v.id = j."liveVersionId"
      JOIN "Contact" c ON c.id = e.contact_id AND c."workspaceId" = j."workspaceId" AND c."mergedIntoId" IS NULL
      WHERE CASE v.graph->'entry'->>'rule'
          WHEN 'always' THEN true
          WHEN 'again' THEN NOT EXISTS (SELECT 1 FROM "JourneyRun" r WHERE r."journeyId" = j.id AND r."contactId" = c.id
            AND r."enteredAt" > now() - make_interval(days => (v.graph->'entry'->>'days')::int))
          ELSE NOT EXISTS (SELECT 1 FROM "JourneyRun" r WHERE r."journeyId" = j.id AND r."contactId" = c.id) END
      ORDER BY j.id, c.id, e.n
      ON CONFLICT ("journeyId", "contactId") WHERE status = 'ACTIVE' DO NOTHING`,
  );
}

// ---------------------------------------------------------------- due runs

/** Runs of branches waiting on their last message are made due as soon as that message shows a signal. */
export async function wakeSignalledRuns(scope: Scope = {}): Promise<number> {
  const sql = Prisma.sql`UPDATE "JourneyRun" r SET "dueAt" = now() FROM "Message" m
     WHERE r.status = 'ACTIVE' AND r."waitSignal" IS NOT NULL AND r."dueAt" > now() AND m.id = r."lastMessageId"
       AND (m."failedAt" IS NOT NULL OR m.state = 'SKIPPED' OR CASE r."waitSignal"
         WHEN 'delivered' THEN m."deliveredAt" IS NOT NULL OR m."readAt" IS NOT NULL
         WHEN 'read' THEN m."readAt" IS NOT NULL
         WHEN 'replied' THEN m."repliedAt" IS NOT NULL
         WHEN 'button' THEN m."clickedButton" IS NOT NULL
         WHEN 'answered' THEN EXISTS (SELECT 1 FROM "FlowResponse" f WHERE f."messageId" = m.id)
         ELSE false END) ${inScope(Prisma.sql`r."workspaceId"`, scope)}`;
  const { rowCount } = await pgPool().query(sql.text, sql.values);
  return rowCount ?? 0;
}

/** Takes up to `limit` due runs of live journeys and runs each one's turn; returns how many were taken. */
export async function advanceDueRuns(limit: number, scope: Scope = {}): Promise<number> {
  let queued = false;
  const taken = await inTransaction(async (client) => {
    const runs = await q<RunRow>(
      client,
      Prisma.sql`SELECT ${RUN_COLUMNS} FROM "JourneyRun" r JOIN "Journey" j ON j.id = r."journeyId" JOIN "JourneyVersion" v ON v.id = r."versionId"
        WHERE r.status = 'ACTIVE' AND r."dueAt" <= now() AND j.status = 'LIVE' ${inScope(Prisma.sql`r."workspaceId"`, scope)}
        ORDER BY r."dueAt" LIMIT ${limit} FOR UPDATE OF r SKIP LOCKED`,
    );
    // The batch in one go (its turns side by side, lib/journeys/batch.ts); should a turn fail unexpectedly,
    // the batch is undone and run again one turn at a time, each under a savepoint, so only the failing run
    // waits for a retry.
    await client.query("SAVEPOINT batch");
    try {
      if (await turns(client, runs)) queued = true;
      return runs.length;
    } catch {
      await client.query("ROLLBACK TO SAVEPOINT batch");
      queued = false;
    }
    for (const run of runs) {
      await client.query("SAVEPOINT run");
      try {
        if (await turns(client, [run])) queued = true;
        await client.query("RELEASE SAVEPOINT run");
      } catch (error) {
        await client.query("ROLLBACK TO SAVEPOINT run");
        const attempts = run.attempts + 1;
        logger.warn("a journey step failed; it will be tried again", {
          runId: run.id,
          stepId: run.stepId,
          attempts,
          error,
        });
        await q(
          client,
          attempts >= MAX_ATTEMPTS
            ? Prisma.sql`UPDATE "JourneyRun" SET status = 'EXITED', "endReason" = 'error', "endedAt" = now(), "dueAt" = NULL,
                attempts = ${attempts}, "lastError" = ${String(error).slice(0, 500)} WHERE id = ${run.id}`
            : Prisma.sql`UPDATE "JourneyRun" SET attempts = ${attempts}, "lastError" = ${String(error).slice(0, 500)},
                "dueAt" = now() + make_interval(secs => ${2 ** attempts * 5}) WHERE id = ${run.id}`,
        );
      }
    }
    return runs.length;
  });
  if (queued) notifySoon(DISPATCH_CHANNEL);
  return taken;
}

/** Steps that read the contact: the runs about to take one have their contacts read together, up front. */
const READS_CONTACT = new Set(["send", "message", "branch", "handoff"]);
const readsContact = (step: Step | undefined) =>
  !!step &&
  (READS_CONTACT.has(step.kind) ||
    (step.kind === "wait" && (step.mode === "clock" || (step.mode === "until" && step.dateSource === "attribute"))));

/** The runs' turns, side by side, written in one statement. True when any queued a message. */
async function turns(client: Client, runs: RunRow[]): Promise<boolean> {
  const contacts = await readContacts(
    client,
    runs
      .filter((run) => readsContact(graphOf(run.versionId, run.graph).steps.find((s) => s.id === run.stepId)))
      .map((run) => run.contactId),
  );
  const sends = new SendQueue(client, runs.length);
  const done = await Promise.allSettled(
    runs.map((run) =>
      turn(client, run, contacts, sends)
        .catch((error: unknown) => {
          sends.abandon();
          throw error;
        })
        .finally(() => sends.finished()),
    ),
  );
  const failed = done.find((d) => d.status === "rejected");
  if (failed) throw failed.reason;
  const finished = done.map((d) => (d as PromiseFulfilledResult<Turn & { queued: boolean }>).value);
  await recordTurns(client, finished);
  return finished.some((t) => t.queued);
}

/**
 * One run's turn: its steps from the current one until a wait or the end (its contact from `contacts` when
 * read up front, dropped there when a step updates it). Returns what to record, and whether it queued a message.
 */
async function turn(
  client: Client,
  run: RunRow,
  contacts: Map<string, Contact>,
  sends: SendQueue,
): Promise<Turn & { queued: boolean }> {
  const graph = graphOf(run.versionId, run.graph);
  const byId = new Map(graph.steps.map((s) => [s.id, s]));
  let contact: Contact | null | undefined = contacts.get(run.contactId);
  const contactOf = async () => {
    if (contact === undefined) contact = (await readContacts(client, [run.contactId])).get(run.contactId) ?? null;
    return contact;
  };

  const logged: Logged[] = [];
  const changes: Changes = {};
  let stepId = run.stepId;
  let stepAt = run.stepAt;
  let queued = false;
  const end = (at: Turn["at"]) => ({ run, logged, at, changes, queued });
  for (let taken = 0; taken < STEPS_PER_TURN; taken++) {
    const step = stepId ? byId.get(stepId) : undefined;
    if (!step) return end({ status: "COMPLETED", endReason: "end" });
    const now = new Date();
    const facts = {
      run: { ...run, lastMessageId: "lastMessageId" in changes ? (changes.lastMessageId ?? null) : run.lastMessageId },
      step,
      stepAt,
      now,
      contactOf,
      sends,
    };
    const done = await runStep(client, facts);
    if ("wait" in done) return end({ status: "ACTIVE", stepId: step.id, stepAt, ...done.wait });
    logged.push({ stepId: step.id, outcome: done.outcome, messageId: done.messageId });
    if (step.kind === "update") {
      // read again by a later step of this turn, or of another run of this person in the batch
      contact = undefined;
      contacts.delete(run.contactId);
    }
    if (done.messageId) {
      changes.lastMessageId = done.messageId;
      queued = true;
    } else if (step.kind === "send" || step.kind === "message") changes.lastMessageId = null;
    if (done.variant) changes.variant = done.variant;
    if (step.kind === "exit") return end({ status: "COMPLETED", endReason: "exit" });
    if (done.pauseUntil && done.to)
      return end({ status: "ACTIVE", stepId: done.to, stepAt: now, dueAt: done.pauseUntil });
    stepId = done.to;
    stepAt = now;
  }
  // A long chain with no wait: the rest next round, so one run never holds the batch.
  return end({ status: "ACTIVE", stepId: stepId!, stepAt, dueAt: new Date() });
}

type Facts = {
  run: RunRow;
  step: Step;
  stepAt: Date;
  now: Date;
  contactOf: () => Promise<Contact | null>;
  sends: SendQueue;
};
type Done =
  /** `pauseUntil`: the run goes on to `to` then, not in this turn (a consent change settling first). */
  | { outcome: string; to: string | null; messageId?: string; variant?: string; pauseUntil?: Date }
  | { wait: { dueAt: Date; waitEvent?: string; waitSignal?: string } };

async function runStep(client: Client, { run, step, stepAt, now, contactOf, sends }: Facts): Promise<Done> {
  switch (step.kind) {
    case "send":
    case "message": {
      const contact = await contactOf();
      if (!contact) return { outcome: "skipped:contact_gone", to: step.next };
      const input: SendMessageBody & { contactId: string } =
        step.kind === "message"
          ? { contactId: run.contactId, text: { body: step.text, previewUrl: false }, respectQuietHours: true }
          : {
              contactId: run.contactId,
              template: templateInput(step, contact, run.properties),
              respectQuietHours: true,
            };
      input.callbackData = `journey:${run.journeyId}`;
      const message = await sends.queue(run.workspaceId, input);
      // Refused before sending (consent, the cap, the window, no such template…): recorded, and the run goes on.
      if (message instanceof ApiProblem) return { outcome: `skipped:${message.code}`, to: step.next };
      return { outcome: "sent", to: step.next, messageId: message.id };
    }
    case "wait": {
      if (step.mode === "event") {
        const deadline = new Date(stepAt.getTime() + step.seconds * 1000);
        if (deadline <= now) return { outcome: "timeout", to: step.timeout };
        return { wait: { dueAt: deadline, waitEvent: step.event } };
      }
      const needsContact = step.mode === "clock" || (step.mode === "until" && step.dateSource === "attribute");
      const contact = needsContact ? await contactOf() : null;
      const ends = waitEnds(step, stepAt, {
        properties: run.properties,
        attributes: contact?.attributes,
        zone: contact?.zone,
      });
      if (!ends) return { outcome: "skipped:no_date", to: step.next };
      return ends <= now ? { outcome: "waited", to: step.next } : { wait: { dueAt: ends } };
    }
    case "branch": {
      const contact = await contactOf();
      const message = await signalsOf(client, run.lastMessageId);
      const optedIn =
        step.signal === "consent"
          ? (
              await q<{ yes: boolean }>(client, Prisma.sql`SELECT ${optedInToListSql(run.contactId, step.key)} AS yes`)
            )[0]!.yes
          : undefined;
      const way = branchWay(step, stepAt, now, {
        message,
        attributes: contact?.attributes,
        windowOpen: windowState(contact?.lastInboundAt ?? null, now.getTime()).open,
        optedIn,
      });
      if (way.way === "wait") return { wait: { dueAt: way.deadline, waitSignal: step.signal } };
      return { outcome: way.way, to: way.way === "yes" ? step.yes : step.no };
    }
    case "split": {
      const path = splitPath(step, run.id);
      return { outcome: path.name, to: path.next, variant: path.name };
    }
    case "update": {
      await q(
        client,
        Prisma.sql`UPDATE "Contact" SET
          tags = ARRAY(SELECT DISTINCT t FROM unnest(tags || ${step.addTags}::text[]) t WHERE NOT t = ANY(${step.removeTags}::text[]) ORDER BY t),
          attributes = attributes || ${JSON.stringify(step.attributes)}::jsonb, "updatedAt" = now()
        WHERE id = ${run.contactId}`,
      );
      if (!step.consent) return { outcome: "updated", to: step.next };
      await sendJob(
        journeyConsentJob,
        {
          workspaceId: run.workspaceId,
          contactId: run.contactId,
          consentListId: step.consent.listId,
          action: step.consent.action,
          proof: `Journey "${run.journeyName}", step ${step.label || step.id} (run ${run.id})`,
          occurredAt: now,
        },
        emitClient(client),
        { workspaceId: run.workspaceId, dedupeKey: `${run.id}:${step.id}:${stepAt.toISOString()}` },
      );
      return { outcome: "updated", to: step.next, pauseUntil: new Date(now.getTime() + CONSENT_SETTLE_MS) };
    }
    case "handoff": {
      const contact = await contactOf();
      await emitEvents(emitClient(client), run.workspaceId, [
        {
          type: "journey.handoff",
          orderingKey: run.contactId,
          payload: {
            journeyId: run.journeyId,
            journeyName: run.journeyName,
            runId: run.id,
            stepId: step.id,
            reason: step.reason,
            contactId: run.contactId,
            phone: contact?.phone ?? null,
            bsuid: contact?.bsuid ?? null,
            name: contact?.name ?? null,
            properties: run.properties,
            occurredAt: now.toISOString(),
          },
        },
      ]);
      return { outcome: "handed_off", to: step.next };
    }
    case "exit":
      return { outcome: "exit", to: null };
  }
}

/** A node-postgres client in the shape emitEvents takes. */
const emitClient = (client: Client) => ({
  $queryRawUnsafe: async <T>(query: string, ...values: unknown[]) => (await client.query(query, values)).rows as T,
});

async function signalsOf(client: Client, messageId: string | null): Promise<MessageSignals> {
  if (!messageId) return null;
  const [m] = await q<{
    deliveredAt: Date | null;
    readAt: Date | null;
    repliedAt: Date | null;
    clickedButton: string | null;
    answered: boolean;
    failed: boolean;
  }>(
    client,
    Prisma.sql`SELECT "deliveredAt", "readAt", "repliedAt", "clickedButton", ("failedAt" IS NOT NULL OR state = 'SKIPPED') AS failed,
        EXISTS (SELECT 1 FROM "FlowResponse" f WHERE f."messageId" = m.id) AS answered
      FROM "Message" m WHERE id = ${messageId}`,
  );
  return m ?? null;
}

/** A send step's template, its variables resolved for this person now (event properties, contact fields, constants). */
function templateInput(
  step: Extract<Step, { kind: "send" }>,
  contact: Contact,
  properties: Record<string, unknown>,
): NonNullable<SendMessageBody["template"]> {
  const body: Record<string, string> = {};
  const buttons = new Map<number, { index: number; urlSuffix?: string; payload?: string }>();
  let header: string | undefined;
  for (const [slot, v] of Object.entries(step.variables)) {
    const raw =
      v.source === "event"
        ? resolveVariable(
            { source: "attribute", value: v.value, fallback: v.fallback },
            { ...contact, attributes: properties },
          )
        : resolveVariable({ ...v, source: v.source }, contact);
    // Meta refuses a parameter with a new line, a tab or a run of spaces: an event's text is made one line.
    const value = raw.replace(/\s+/g, " ").trim();
    const [kind, name] = slot.split(":") as [string, string | undefined];
    if (kind === "header") header = value;
    else if (kind === "body") body[name!] = value;
    else {
      const index = Number(name);
      const button = buttons.get(index) ?? { index };
      if (kind === "button") button.urlSuffix = value;
      else button.payload = value;
      buttons.set(index, button);
    }
  }
  return {
    name: step.template,
    variables: { ...(header !== undefined ? { header } : {}), ...(Object.keys(body).length ? { body } : {}) },
    ...(buttons.size ? { buttons: [...buttons.values()] } : {}),
    ...(step.headerMedia ? { headerMedia: { link: step.headerMedia } } : {}),
  };
}
