// Webhook endpoints of a workspace: create, edit, enable or disable, rotate or reveal the signing secret,
// delete, send a test event, read the delivery log and replay a delivery. Every change is audited. The
// secret ("whsec_" + 24 random bytes, base64) is stored encrypted and never in a list or a log.
import "server-only";
import { randomBytes } from "node:crypto";
import { recordAudit } from "@/lib/audit/service";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secrets";
import { db, type Prisma } from "@/lib/db/client";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { AUTO_DISABLED_REASON } from "./deliver";
import { newEventId, OUTBOUND_WEBHOOKS_CHANNEL } from "./emit";
import { endpointInputSchema, type EndpointInput } from "./schemas";
import { checkUrl, targetPolicy, type TargetPolicy } from "./targets";

export const MAX_ENDPOINTS = 20;
export const DELIVERY_PAGE_SIZE = 25;
/** The event a "Send test event" delivers, whatever types the endpoint chose. */
export const TEST_EVENT_TYPE = "webhook.test";

const endpointSelect = {
  id: true,
  url: true,
  description: true,
  eventTypes: true,
  enabled: true,
  disabledReason: true,
  failingSince: true,
  createdAt: true,
} satisfies Prisma.WebhookEndpointSelect;

/** Who acts: a signed-in user (their id), or the business's system through an API key. */
export type Actor = string | { apiKeyId: string };
const actorIdOf = (actor: Actor | null) => (typeof actor === "string" ? actor : null);
const via = (actor: Actor | null) => (actor && typeof actor === "object" ? { apiKeyId: actor.apiKeyId } : {});

export function generateSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

async function validUrl(raw: string, policy: TargetPolicy): Promise<string> {
  const check = await checkUrl(raw, policy);
  if (!check.ok) throw new ValidationError(check.reason, { url: [check.reason] });
  return check.url.toString();
}

export async function listEndpoints(workspaceId: string) {
  const endpoints = await db.webhookEndpoint.findMany({
    where: { workspaceId },
    orderBy: { createdAt: "asc" },
    select: endpointSelect,
  });
  if (endpoints.length === 0) return [];
  const pending = await db.outboundDelivery.groupBy({
    by: ["endpointId"],
    where: { endpointId: { in: endpoints.map((e) => e.id) }, state: "PENDING" },
    _count: { _all: true },
  });
  const counts = new Map(pending.map((p) => [p.endpointId, p._count._all]));
  return endpoints.map((e) => ({ ...e, pending: counts.get(e.id) ?? 0 }));
}

export async function getEndpointOrThrow(workspaceId: string, id: string) {
  const endpoint = await db.webhookEndpoint.findFirst({ where: { id, workspaceId }, select: endpointSelect });
  if (!endpoint) throw new NotFoundError("webhookEndpoint");
  return endpoint;
}

/** Creates an endpoint with a new signing secret; returns it with the secret (for an API caller, shown once). */
export async function createEndpoint(
  workspaceId: string,
  actor: Actor | null,
  input: EndpointInput,
  policy: TargetPolicy = targetPolicy(),
) {
  const data = endpointInputSchema.parse(input);
  const url = await validUrl(data.url, policy);
  if ((await db.webhookEndpoint.count({ where: { workspaceId } })) >= MAX_ENDPOINTS)
    throw new ConflictError(messageKey("settings.errors.webhooks.tooMany", { max: MAX_ENDPOINTS }));
  const secret = generateSecret();
  return db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.create({
      data: {
        workspaceId,
        url,
        description: data.description ?? null,
        eventTypes: data.eventTypes,
        secretEncrypted: encryptSecret(secret),
        createdById: actorIdOf(actor),
      },
      select: endpointSelect,
    });
    await recordAudit(
      workspaceId,
      actorIdOf(actor),
      {
        action: "webhooks.endpoint_created",
        targetType: "WebhookEndpoint",
        targetId: endpoint.id,
        details: { url, eventTypes: data.eventTypes, ...via(actor) },
      },
      tx,
    );
    return { ...endpoint, secret };
  });
}

export async function updateEndpoint(
  workspaceId: string,
  actorId: string,
  id: string,
  input: EndpointInput,
  policy: TargetPolicy = targetPolicy(),
) {
  const data = endpointInputSchema.parse(input);
  const before = await getEndpointOrThrow(workspaceId, id);
  const url = await validUrl(data.url, policy);
  return db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.update({
      where: { id },
      data: { url, description: data.description ?? null, eventTypes: data.eventTypes },
      select: endpointSelect,
    });
    await recordAudit(
      workspaceId,
      actorId,
      {
        action: "webhooks.endpoint_updated",
        targetType: "WebhookEndpoint",
        targetId: id,
        details: {
          url,
          ...(before.url !== url ? { fromUrl: before.url } : {}),
          eventTypes: data.eventTypes,
        },
      },
      tx,
    );
    return endpoint;
  });
}

/**
 * Enables or disables an endpoint. Enabling starts afresh (no failure carried over) and sends what waited;
 * disabling by hand clears Parley's automatic reason, so the admins' banner about it goes too.
 */
export async function setEndpointEnabled(workspaceId: string, actorId: string, id: string, enabled: boolean) {
  const endpoint = await getEndpointOrThrow(workspaceId, id);
  await db.$transaction(async (tx) => {
    await tx.webhookEndpoint.update({
      where: { id },
      data: enabled ? { enabled, disabledReason: null, failingSince: null } : { enabled, disabledReason: null },
    });
    if (enabled) await tx.$executeRawUnsafe(`SELECT pg_notify('${OUTBOUND_WEBHOOKS_CHANNEL}', '')`);
    await recordAudit(
      workspaceId,
      actorId,
      {
        action: enabled ? "webhooks.endpoint_enabled" : "webhooks.endpoint_disabled",
        targetType: "WebhookEndpoint",
        targetId: id,
        details: { url: endpoint.url },
      },
      tx,
    );
  });
}

export async function deleteEndpoint(workspaceId: string, actor: Actor | null, id: string) {
  const endpoint = await getEndpointOrThrow(workspaceId, id);
  await db.$transaction(async (tx) => {
    await tx.webhookEndpoint.delete({ where: { id } });
    // Events no endpoint will receive any more go with it.
    await tx.$executeRaw`DELETE FROM "OutboundEvent" ev WHERE ev."workspaceId" = ${workspaceId}
      AND NOT EXISTS (SELECT 1 FROM "OutboundDelivery" d WHERE d."eventId" = ev.id)`;
    await recordAudit(
      workspaceId,
      actorIdOf(actor),
      {
        action: "webhooks.endpoint_deleted",
        targetType: "WebhookEndpoint",
        targetId: id,
        details: { url: endpoint.url, ...via(actor) },
      },
      tx,
    );
  });
}

/** The signing secret, for an admin who needs it to verify signatures; each reveal is audited. */
export async function revealSecret(workspaceId: string, actorId: string, id: string): Promise<string> {
  const row = await db.webhookEndpoint.findFirst({
    where: { id, workspaceId },
    select: { url: true, secretEncrypted: true },
  });
  if (!row) throw new NotFoundError("webhookEndpoint");
  await recordAudit(workspaceId, actorId, {
    action: "webhooks.secret_revealed",
    targetType: "WebhookEndpoint",
    targetId: id,
    details: { url: row.url },
  });
  return decryptSecret(row.secretEncrypted);
}

/** A new secret at once: requests signed from now on use it (the receiver must be given it). */
export async function rotateSecret(workspaceId: string, actorId: string, id: string): Promise<string> {
  const endpoint = await getEndpointOrThrow(workspaceId, id);
  const secret = generateSecret();
  await db.$transaction(async (tx) => {
    await tx.webhookEndpoint.update({ where: { id }, data: { secretEncrypted: encryptSecret(secret) } });
    await recordAudit(
      workspaceId,
      actorId,
      {
        action: "webhooks.secret_rotated",
        targetType: "WebhookEndpoint",
        targetId: id,
        details: { url: endpoint.url },
      },
      tx,
    );
  });
  return secret;
}

/** Queues a `webhook.test` event for this endpoint only; it shows in the delivery log like any other. */
export async function sendTestEvent(workspaceId: string, actorId: string, id: string): Promise<string> {
  const endpoint = await getEndpointOrThrow(workspaceId, id);
  const eventId = newEventId();
  const payload = {
    type: TEST_EVENT_TYPE,
    timestamp: new Date().toISOString(),
    data: { endpointId: id, message: "A test event from Parley. Verify its signature with your signing secret." },
  };
  await db.$transaction(async (tx) => {
    await tx.outboundEvent.create({ data: { id: eventId, workspaceId, type: TEST_EVENT_TYPE, payload } });
    await tx.outboundDelivery.create({ data: { endpointId: id, eventId } });
    await tx.$executeRawUnsafe(`SELECT pg_notify('${OUTBOUND_WEBHOOKS_CHANNEL}', '')`);
    await recordAudit(
      workspaceId,
      actorId,
      {
        action: "webhooks.test_sent",
        targetType: "WebhookEndpoint",
        targetId: id,
        details: { url: endpoint.url, eventId },
      },
      tx,
    );
  });
  return eventId;
}

export type DeliveryRow = {
  id: string;
  eventId: string;
  type: string;
  state: "PENDING" | "DELIVERED" | "FAILED";
  attempts: number;
  createdAt: Date;
  nextAttemptAt: Date;
  deliveredAt: Date | null;
  lastStatus: number | null;
  lastLatencyMs: number | null;
  lastExcerpt: string | null;
  lastError: string | null;
  lastAttemptAt: Date | null;
};

/** The delivery log of one endpoint, newest first, with each delivery's latest attempt. */
export async function listDeliveries(workspaceId: string, endpointId: string, before?: string) {
  await getEndpointOrThrow(workspaceId, endpointId);
  const rows = await db.$queryRaw<(Omit<DeliveryRow, "id"> & { id: bigint })[]>`
    SELECT d.id, d."eventId", ev.type, d.state, d.attempts, d."createdAt", d."nextAttemptAt", d."deliveredAt",
           a.status AS "lastStatus", a."latencyMs" AS "lastLatencyMs", a."responseExcerpt" AS "lastExcerpt",
           a.error AS "lastError", a."attemptedAt" AS "lastAttemptAt"
    FROM "OutboundDelivery" d
    JOIN "OutboundEvent" ev ON ev.id = d."eventId"
    LEFT JOIN LATERAL (
      SELECT status, "latencyMs", "responseExcerpt", error, "attemptedAt" FROM "OutboundAttempt"
      WHERE "deliveryId" = d.id ORDER BY id DESC LIMIT 1
    ) a ON true
    WHERE d."endpointId" = ${endpointId} AND (${before ?? null}::bigint IS NULL OR d.id < ${before ?? null}::bigint)
    ORDER BY d.id DESC
    LIMIT ${DELIVERY_PAGE_SIZE + 1}`;
  const page = rows.slice(0, DELIVERY_PAGE_SIZE).map((r) => ({ ...r, id: r.id.toString() }));
  return { deliveries: page, nextCursor: rows.length > DELIVERY_PAGE_SIZE ? page.at(-1)!.id : null };
}

/**
 * Sends a delivery again (delivered, failed or waiting): it is pending now and tried at once, in its place
 * in the contact's order. A delivery older than the 24-hour window gets one more try.
 */
export async function replayDelivery(workspaceId: string, actorId: string, endpointId: string, deliveryId: string) {
  const endpoint = await getEndpointOrThrow(workspaceId, endpointId);
  await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ eventId: string }[]>`
      UPDATE "OutboundDelivery" SET state = 'PENDING', "nextAttemptAt" = now(), "claimedBy" = NULL, "claimedUntil" = NULL
      WHERE id = ${BigInt(deliveryId)} AND "endpointId" = ${endpointId}
      RETURNING "eventId"`;
    if (rows.length === 0) throw new NotFoundError("delivery");
    await tx.$executeRawUnsafe(`SELECT pg_notify('${OUTBOUND_WEBHOOKS_CHANNEL}', '')`);
    await recordAudit(
      workspaceId,
      actorId,
      {
        action: "webhooks.delivery_replayed",
        targetType: "WebhookEndpoint",
        targetId: endpointId,
        details: { url: endpoint.url, eventId: rows[0]!.eventId },
      },
      tx,
    );
  });
}

/** Endpoints Parley disabled after a day of failures, for the admins' banner (until re-enabled or deleted). */
export async function autoDisabledEndpoints(workspaceId: string) {
  return db.webhookEndpoint.findMany({
    where: { workspaceId, enabled: false, disabledReason: AUTO_DISABLED_REASON },
    select: { id: true, url: true, updatedAt: true },
    orderBy: { updatedAt: "desc" },
    take: 5,
  });
}
