// Emission: records events for the workspace's webhook endpoints, in the caller's transaction, in one
// statement. An event is stored only if an enabled endpoint of the workspace chose its type, with one
// delivery per such endpoint, and the delivery worker is woken (pg_notify, sent at commit). With no endpoint
// the statement finds none and writes nothing, so status processing (thousands a second) can call it freely.
import "server-only";
import { randomBytes } from "node:crypto";
import type { Prisma } from "@/lib/db/client";
import type { OutboundEventType } from "./events";

export { OUTBOUND_EVENT_TYPES, OUTBOUND_EVENT_DESCRIPTIONS, type OutboundEventType } from "./events";

/** The worker LISTENs here (lib/jobs/worker.ts). */
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

/** Prisma's `db` or a transaction's `tx`: anything that runs raw SQL. */
export type EmitClient = Pick<Prisma.TransactionClient, "$queryRawUnsafe">;

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
let lastMs = 0;
let lastRandom: number[] = [];

/**
 * "msg_" and a ULID (26 characters: 48-bit time in ms, then 80 random bits, Crockford base 32): sorts by
 * creation time, and within one millisecond of this process stays increasing (the random part is counted up).
 */
export function newEventId(now = Date.now()): string {
  if (now <= lastMs && lastRandom.length === 16) {
    now = lastMs;
    let i = 15;
    while (i >= 0 && lastRandom[i] === 31) lastRandom[i--] = 0;
    if (i >= 0) lastRandom[i]! += 1;
  } else {
    const bytes = randomBytes(16);
    lastRandom = [...bytes].map((b) => b & 31);
    lastMs = now;
  }
  let time = "";
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32]! + time;
    t = Math.floor(t / 32);
  }
  return `msg_${time}${lastRandom.map((d) => CROCKFORD[d]).join("")}`;
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
