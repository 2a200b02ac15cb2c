// What a batch of due runs shares (lib/journeys/engine.ts): their turns run side by side on the batch's
// connection, and the work each would do alone in a round trip of its own is done for all of them at once:
// the contacts they start with are read in one query, the messages their send steps queue in one call of
// lib/messages' batch form (the public API's checks, consent by lib/consent's rule, per message), and their
// log rows and new places are written in one statement.
import "server-only";
import type pg from "pg";
import { ApiProblem } from "@/lib/api/handler";
import type { SendMessageBody } from "@/lib/api/operations/messages";
import { Prisma } from "@/lib/db/client";
import { queueMessages } from "@/lib/messages/transactional";

type Client = pg.PoolClient;

const statementNames = new Map<string, string>();
/** Runs `sql` as a named prepared statement: the batch statements' text never changes, so each connection plans them once. */
export async function prepared<T extends pg.QueryResultRow>(client: Client, sql: Prisma.Sql): Promise<T[]> {
  let name = statementNames.get(sql.text);
  if (!name) statementNames.set(sql.text, (name = `parley_journeys_${statementNames.size}`));
  return (await client.query<T>({ name, text: sql.text, values: sql.values })).rows;
}

export type Contact = {
  id: string;
  zone: string;
  phone: string | null;
  bsuid: string | null;
  name: string | null;
  locale: string | null;
  attributes: unknown;
  lastInboundAt: Date | null;
};

/** The contacts (with their time zone, else their workspace's, and their conversation's last inbound message), by id. */
export async function readContacts(client: Client, ids: string[]): Promise<Map<string, Contact>> {
  if (ids.length === 0) return new Map();
  const rows = await prepared<Contact>(
    client,
    Prisma.sql`SELECT c.id, c.phone, c.bsuid, c.name, c.locale, c.attributes, v."lastInboundAt",
        COALESCE(c."timeZone", w."timeZone") AS zone
      FROM "Contact" c JOIN "Workspace" w ON w.id = c."workspaceId" LEFT JOIN "Conversation" v ON v."contactId" = c.id
      WHERE c.id = ANY(${ids}::text[])`,
  );
  return new Map(rows.map((c) => [c.id, c]));
}

type Waiting = {
  workspaceId: string;
  input: SendMessageBody & { contactId: string };
  resolve: (result: { id: string } | ApiProblem) => void;
  reject: (error: unknown) => void;
};

/**
 * The send steps of turns running side by side: a turn's `queue` waits until every turn of the batch is
 * either waiting on a send of its own or finished, and then the waiting messages are queued together.
 * `finished` is called once by each turn when it ends (whatever way). After `abandon` (a turn failed: the
 * batch will be undone) nothing more is queued and every waiting send fails, so every turn ends.
 */
export class SendQueue {
  private waiting: Waiting[] = [];
  private abandoned = false;

  constructor(
    private client: Client,
    /** Turns running and not waiting on a send. */
    private running: number,
  ) {}

  queue(workspaceId: string, input: SendMessageBody & { contactId: string }): Promise<{ id: string } | ApiProblem> {
    if (this.abandoned) return Promise.reject(new Error("the batch was abandoned"));
    const sent = new Promise<{ id: string } | ApiProblem>((resolve, reject) =>
      this.waiting.push({ workspaceId, input, resolve, reject }),
    );
    this.running--;
    this.flushWhenIdle();
    return sent;
  }

  finished() {
    this.running--;
    this.flushWhenIdle();
  }

  abandon() {
    this.abandoned = true;
  }

  private flushWhenIdle() {
    if (this.running > 0 || this.waiting.length === 0) return;
    const batch = this.waiting.splice(0);
    this.running += batch.length; // each resumes when its answer comes
    void this.flush(batch);
  }

  private async flush(batch: Waiting[]) {
    try {
      if (this.abandoned) throw new Error("the batch was abandoned");
      const byWorkspace = new Map<string, Waiting[]>();
      for (const w of batch) byWorkspace.set(w.workspaceId, [...(byWorkspace.get(w.workspaceId) ?? []), w]);
      for (const [workspaceId, group] of byWorkspace) {
        const results = await queueMessages(
          this.client,
          workspaceId,
          { origin: "journey" },
          group.map((w) => w.input),
        );
        group.forEach((w, i) => w.resolve(results[i]!));
      }
    } catch (error) {
      for (const w of batch) w.reject(error);
    }
  }
}

export type Logged = { stepId: string; outcome: string; messageId?: string | null };
/** Where a run is after its turn. */
export type Position =
  | { status: "ACTIVE"; stepId: string; stepAt: Date; dueAt: Date; waitEvent?: string; waitSignal?: string }
  | { status: "COMPLETED" | "EXITED"; endReason: string };
/** `lastMessageId`: when present (null included: a send step queued nothing), the run's last message. */
export type Changes = { lastMessageId?: string | null; variant?: string | null; properties?: object };
export type Turn = {
  run: { id: string; journeyId: string; seq: number };
  logged: Logged[];
  at: Position;
  changes: Changes;
};

/** Writes turns: their log rows (numbered on from each run's `seq`) and their runs' new places, in one statement. */
export async function recordTurns(client: Client, turns: Turn[]): Promise<void> {
  if (turns.length === 0) return;
  const logs = turns.flatMap(({ run, logged }) => logged.map((l, i) => ({ run, seq: run.seq + i + 1, ...l })));
  const now = new Date();
  const active = (t: Turn) => (t.at.status === "ACTIVE" ? t.at : null);
  await prepared(
    client,
    Prisma.sql`WITH logged AS (
      INSERT INTO "JourneyStepLog" ("runId", seq, "journeyId", "stepId", outcome, "messageId")
      SELECT * FROM unnest(${logs.map((l) => l.run.id)}::text[], ${logs.map((l) => l.seq)}::int[],
        ${logs.map((l) => l.run.journeyId)}::text[], ${logs.map((l) => l.stepId)}::text[],
        ${logs.map((l) => l.outcome)}::text[], ${logs.map((l) => l.messageId ?? null)}::text[])
    )
    UPDATE "JourneyRun" r SET status = t.status::"JourneyRunStatus", seq = r.seq + t.steps,
      "stepId" = t.step_id, "stepAt" = t.step_at, "dueAt" = t.due_at, "waitEvent" = t.wait_event,
      "waitSignal" = t.wait_signal, "endedAt" = t.ended_at, "endReason" = t.end_reason,
      "lastMessageId" = CASE WHEN t.set_last THEN t.last_message_id ELSE r."lastMessageId" END,
      variant = COALESCE(t.variant, r.variant), properties = r.properties || t.properties,
      attempts = 0, "lastError" = NULL
    FROM unnest(${turns.map((t) => t.run.id)}::text[], ${turns.map((t) => t.logged.length)}::int[],
      ${turns.map((t) => t.at.status)}::text[], ${turns.map((t) => active(t)?.stepId ?? null)}::text[],
      ${turns.map((t) => active(t)?.stepAt ?? now)}::timestamp(3)[], ${turns.map((t) => active(t)?.dueAt ?? null)}::timestamp(3)[],
      ${turns.map((t) => active(t)?.waitEvent ?? null)}::text[], ${turns.map((t) => active(t)?.waitSignal ?? null)}::text[],
      ${turns.map((t) => (active(t) ? null : now))}::timestamp(3)[],
      ${turns.map((t) => (t.at.status === "ACTIVE" ? null : t.at.endReason))}::text[],
      ${turns.map((t) => "lastMessageId" in t.changes)}::boolean[], ${turns.map((t) => t.changes.lastMessageId ?? null)}::text[],
      ${turns.map((t) => t.changes.variant ?? null)}::text[],
      ${turns.map((t) => JSON.stringify(t.changes.properties ?? {}))}::jsonb[])
      AS t(id, steps, status, step_id, step_at, due_at, wait_event, wait_signal, ended_at, end_reason, set_last,
        last_message_id, variant, properties)
    WHERE r.id = t.id`,
  );
}
