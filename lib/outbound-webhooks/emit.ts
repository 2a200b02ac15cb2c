// Emission: records events for the workspace's webhook endpoints, in the caller's transaction, in one
// statement. An event is stored only if an enabled endpoint of the workspace chose its type, with one
// delivery per such endpoint, and the delivery worker is woken (pg_notify, sent at commit). With no endpoint
// the statement finds none and writes nothing, so status processing (thousands a second) can call it freely.
import "server-only";
import { monotonicFactory } from "ulid";
import type { OutboundEventType } from "./event-types";

/** The worker LISTENs here (lib/worker/run.ts). */
export const OUTBOUND_WEBHOOKS_CHANNEL = "parley_outbound_webhooks";

export type EmitInput = {
  type: OutboundEventType;
  /** The event's `data` (lib/outbound-webhooks/events.ts documents each type's shape). */
  payload: object;
  /** Events with one key (a contact id) reach an endpoint in the order they were emitted. */
  orderingKey?: string | null;
  /** When it happened; the envelope's timestamp. Now by default. */
  timestamp?: Date;
};

/** Prisma's `db` or a transaction's `tx`, or a node-postgres client in that shape: anything that runs raw SQL. */
export type EmitClient = { $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T> };

const monotonic = monotonicFactory();

/** "msg_" and a ULID: sorts by creation time, and within one millisecond of this process stays increasing. */
export function newEventId(now = Date.now()): string {
  return `msg_${monotonic(now)}`;
}

/**
 * Stores `events` for every enabled endpoint of the workspace that chose their type; returns how many
 * deliveries were queued. Runs in `client`'s transaction when it is one: rolled back with it, sent after commit.
 */
export async function emitEvents(client: EmitClient, workspaceId: string, events: EmitInput[]): Promise<number> {
  if (events.length === 0) return 0;
  const ids = events.map(() => newEventId());
  const now = new Date();
  const payloads = events.map((e) =>
    JSON.stringify({ type: e.type, timestamp: (e.timestamp ?? now).toISOString(), data: e.payload }),
  );
  // Deliveries are inserted in emission order, so their ids (bigserial) give each endpoint's order per key.
  const rows = await client.$queryRawUnsafe<{ n: number }[]>(
    `WITH endpoints AS (
       SELECT id, "eventTypes" FROM "WebhookEndpoint" WHERE "workspaceId" = $1 AND enabled
     ), input AS (
       SELECT * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS t(id, type, ordering_key, payload, n)
       WHERE EXISTS (SELECT 1 FROM endpoints e WHERE t.type = ANY(e."eventTypes"))
     ), events AS (
       INSERT INTO "OutboundEvent" (id, "workspaceId", type, "orderingKey", payload)
       SELECT id, $1, type, ordering_key, payload::jsonb FROM input
     ), deliveries AS (
       INSERT INTO "OutboundDelivery" ("endpointId", "eventId", "orderingKey")
       SELECT e.id, i.id, i.ordering_key FROM input i JOIN endpoints e ON i.type = ANY(e."eventTypes")
       ORDER BY i.n, e.id
       RETURNING 1
     )
     SELECT d.n, (SELECT pg_notify('${OUTBOUND_WEBHOOKS_CHANNEL}', '') WHERE d.n > 0) IS NULL AS notified
     FROM (SELECT count(*)::int AS n FROM deliveries) d`,
    workspaceId,
    ids,
    events.map((e) => e.type),
    events.map((e) => e.orderingKey ?? null),
    payloads,
  );
  return rows[0]?.n ?? 0;
}
