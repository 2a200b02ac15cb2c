// The worker's side of webhooks: claim stored deliveries (FOR UPDATE SKIP LOCKED, so several workers can
// share the queue), split each into its parts and apply them, and mark the deliveries processed.
//
// A part is one change (entry × change), and inside a `messages` change each status, each message and its
// link clicks (user_actions) on their own. A part that cannot be applied (unparseable, unknown, for an account
// nobody connected, or failing when applied) is set aside alone in WebhookPart with its reason and retried alone a bounded number of times; it
// never holds back the rest of its delivery. Only a body whose envelope cannot be read at all is set aside
// as a whole delivery. Nothing is ever dropped.
//
// Many deliveries are applied in one transaction (statuses in one bulk statement); if that fails, each
// delivery is applied alone, each part under its own savepoint, to find and set aside the bad parts.
import "server-only";
import { db, type Prisma } from "@/lib/db/client";
import { logger } from "@/lib/logger";
import { parseChange, webhookChangeSchema, webhookPayloadSchema, type ParsedChange } from "@/lib/whatsapp/schemas";
import { applyAccountUpdate } from "./account-alerts";
import {
  applyPhoneQuality,
  applyTemplateCategory,
  applyTemplateQuality,
  applyTemplateStatus,
  applyUserPreferences,
} from "./apply-account-events";
import { applyInbound, type ConsentSettings } from "./apply-inbound";
import { applyLinkClicks } from "./apply-link-clicks";
import { applyStatuses, type StatusInput } from "./apply-statuses";

type Delivery = { id: bigint; rawBody: Uint8Array; receivedAt: Date };
type Accounts = { byPhone: Map<string, string>; byWaba: Map<string, string>; consent: Map<string, ConsentSettings> };

const RETRY_BASE_SECONDS = 30;
/** A part set aside is tried this many times in all, then kept (listed for admins) without further retries. */
export const MAX_PART_ATTEMPTS = 5;

async function loadAccounts(tx: Prisma.TransactionClient): Promise<Accounts> {
  const rows = await tx.whatsAppAccount.findMany({
    select: {
      workspaceId: true,
      wabaId: true,
      phoneNumberId: true,
      workspace: { select: { optOutKeywords: true, optInKeywords: true, optOutReply: true, optInReply: true } },
    },
  });
  return {
    byPhone: new Map(rows.map((r) => [r.phoneNumberId, r.workspaceId])),
    byWaba: new Map(rows.map((r) => [r.wabaId, r.workspaceId])),
    consent: new Map(
      rows.map((r) => [
        r.workspaceId,
        {
          keywords: { optOut: r.workspace.optOutKeywords, optIn: r.workspace.optInKeywords },
          replies: { OPT_OUT: r.workspace.optOutReply, OPT_IN: r.workspace.optInReply },
        },
      ]),
    ),
  };
}

// ------------------------------------------------------------------ parts

/** One part of a delivery: where it sat, its entry's WABA and time (Meta's own, else when it was received). */
type Part = { path: string; wabaId: string; at: Date; field: string; value: unknown };

/** Splits a delivery into its parts; throws only when the envelope itself cannot be read. */
function splitDelivery(raw: Uint8Array, receivedAt: Date): Part[] {
  const payload = webhookPayloadSchema.parse(JSON.parse(Buffer.from(raw).toString("utf8")));
  const parts: Part[] = [];
  payload.entry.forEach((entry, i) => {
    const at = entry.time ? new Date(entry.time * 1000) : receivedAt;
    entry.changes.forEach((raw, j) => {
      const path = `entry[${i}].changes[${j}]`;
      const change = (raw && typeof raw === "object" ? raw : {}) as { field?: unknown; value?: unknown };
      const field = typeof change.field === "string" ? change.field : "";
      const value = change.value;
      if (field === "messages" && value && typeof value === "object") {
        const { statuses, messages, user_actions, ...rest } = value as {
          statuses?: unknown;
          messages?: unknown;
          user_actions?: unknown;
        };
        const items = [
          ...(Array.isArray(user_actions)
            ? [{ path: `${path}.value.user_actions`, value: { ...rest, user_actions } }]
            : []),
          ...(Array.isArray(statuses)
            ? statuses.map((s, k) => ({ path: `${path}.value.statuses[${k}]`, value: { ...rest, statuses: [s] } }))
            : []),
          ...(Array.isArray(messages)
            ? messages.map((m, k) => ({ path: `${path}.value.messages[${k}]`, value: { ...rest, messages: [m] } }))
            : []),
        ];
        if (items.length > 0) {
          for (const item of items) parts.push({ ...item, wabaId: entry.id, at, field });
          return;
        }
      }
      parts.push({ path, wabaId: entry.id, at, field, value });
    });
  });
  return parts;
}

/** Why a part is set aside; `retry: false` when trying again cannot help (a field Parley does not handle). */
class SetAside extends Error {
  constructor(
    message: string,
    readonly retry = true,
  ) {
    super(message);
  }
}

type Ready = { part: Part; workspaceId: string; change: ParsedChange };

/** Parses a part and finds its workspace; throws SetAside with the reason an admin reads. */
function prepare(part: Part, accounts: Accounts): Ready {
  const shape = webhookChangeSchema.safeParse({ field: part.field, value: part.value });
  if (!shape.success || !part.field) throw new SetAside(`${part.path}: a change without a field name`, false);
  let change: ParsedChange;
  try {
    change = parseChange(shape.data);
  } catch (error) {
    const issue = (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues?.[0];
    throw new SetAside(
      `${part.path}: unreadable ${part.field} change${issue ? ` (${issue.path.map(String).join(".") || "value"}: ${issue.message})` : ""}`,
    );
  }
  if (change.field === "unknown")
    throw new SetAside(`${part.path}: Parley does not handle "${part.field}" changes`, false);
  const phoneId = (change.value as { metadata?: { phone_number_id?: string } }).metadata?.phone_number_id;
  // The same account the receiver verified the signature with: the number when the change names one (never
  // its entry's WABA instead, which may be another workspace's), else the entry's WABA.
  const workspaceId = phoneId ? accounts.byPhone.get(phoneId) : accounts.byWaba.get(part.wabaId);
  if (!workspaceId)
    throw new SetAside(`No connected WhatsApp account for WABA ${part.wabaId}${phoneId ? ` / number ${phoneId}` : ""}`);
  return { part, workspaceId, change };
}

/** Applies one prepared part (statuses are usually gathered and applied in bulk instead). */
async function applyPart(tx: Prisma.TransactionClient, { part, workspaceId, change }: Ready, accounts: Accounts) {
  switch (change.field) {
    case "messages": {
      await applyStatuses(
        tx,
        (change.value.statuses ?? []).map((event) => ({ workspaceId, event })),
      );
      await applyLinkClicks(tx, workspaceId, change.value.user_actions ?? [], part.at);
      const contacts = change.value.contacts ?? [];
      const consent = accounts.consent.get(workspaceId)!;
      for (const message of change.value.messages ?? []) {
        // The sender's entry: by phone or BSUID, else the only one there is (a system message has none).
        const sender =
          contacts.find(
            (c) =>
              (c.wa_id && c.wa_id === message.from) ||
              (c.user_id && c.user_id === (message.from_user_id ?? message.from)),
          ) ?? (contacts.length === 1 ? contacts[0] : undefined);
        await applyInbound(tx, { workspaceId, message, sender, consent });
      }
      return;
    }
    case "message_template_status_update":
      return applyTemplateStatus(tx, workspaceId, change, part.at);
    case "message_template_quality_update":
      return applyTemplateQuality(tx, workspaceId, change, part.at);
    case "template_category_update":
      return applyTemplateCategory(tx, workspaceId, change, part.at);
    case "user_preferences":
      return applyUserPreferences(tx, workspaceId, change);
    case "phone_number_quality_update":
      return applyPhoneQuality(tx, workspaceId, change, part.at);
    case "account_update":
      return applyAccountUpdate(tx, workspaceId, part.wabaId, change.value, part.at);
    default:
      return;
  }
}

/** Runs `fn` under a savepoint: its failure undoes only its own writes, and is returned rather than thrown. */
async function underSavepoint(tx: Prisma.TransactionClient, fn: () => Promise<unknown>): Promise<unknown> {
  await tx.$executeRawUnsafe("SAVEPOINT webhook_part");
  try {
    await fn();
    await tx.$executeRawUnsafe("RELEASE SAVEPOINT webhook_part");
    return null;
  } catch (error) {
    await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT webhook_part");
    return error ?? new Error("Unknown error");
  }
}

type Aside = { deliveryId: bigint; part: Part; reason: string; retry: boolean; workspaceId: string | null };

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 2000);

async function storeAside(tx: Prisma.TransactionClient, aside: Aside[]) {
  if (aside.length === 0) return;
  await tx.webhookPart.createMany({
    data: aside.map((a) => ({
      deliveryId: a.deliveryId,
      workspaceId: a.workspaceId,
      path: a.part.path,
      field: a.part.field || "(none)",
      payload: {
        entry: { id: a.part.wabaId, time: Math.floor(a.part.at.getTime() / 1000) },
        change: { field: a.part.field, value: a.part.value ?? null },
      } as Prisma.InputJsonValue,
      reason: a.reason,
      nextAttemptAt: a.retry ? new Date(Date.now() + RETRY_BASE_SECONDS * 1000) : null,
    })),
    skipDuplicates: true,
  });
  for (const a of aside)
    logger.warn("webhook part set aside", { deliveryId: String(a.deliveryId), path: a.part.path, reason: a.reason });
}

/**
 * Applies deliveries inside a transaction. `careful`: each part under its own savepoint, so a part that fails
 * is set aside alone; otherwise statuses go in one bulk statement and any failure throws (the caller then
 * retries each delivery carefully).
 */
async function applyDeliveries(
  tx: Prisma.TransactionClient,
  deliveries: Delivery[],
  accounts: Accounts,
  careful: boolean,
) {
  const aside: Aside[] = [];
  const statuses: StatusInput[] = [];
  const later: Ready[] = [];
  for (const delivery of deliveries) {
    for (const part of splitDelivery(delivery.rawBody, delivery.receivedAt)) {
      let ready: Ready;
      try {
        ready = prepare(part, accounts);
      } catch (error) {
        if (!(error instanceof SetAside)) throw error;
        aside.push({
          deliveryId: delivery.id,
          part,
          reason: error.message,
          retry: error.retry,
          workspaceId: accounts.byWaba.get(part.wabaId) ?? null,
        });
        continue;
      }
      if (careful) {
        const error = await underSavepoint(tx, () => applyPart(tx, ready, accounts));
        if (error)
          aside.push({
            deliveryId: delivery.id,
            part,
            reason: `${part.path}: ${reasonOf(error)}`,
            retry: true,
            workspaceId: ready.workspaceId,
          });
      } else if (
        ready.change.field === "messages" &&
        !ready.change.value.messages?.length &&
        !ready.change.value.user_actions?.length
      ) {
        for (const event of ready.change.value.statuses ?? []) statuses.push({ workspaceId: ready.workspaceId, event });
      } else {
        later.push(ready);
      }
    }
  }
  await applyStatuses(tx, statuses);
  for (const ready of later) await applyPart(tx, ready, accounts);
  await storeAside(tx, aside);
  await tx.$executeRaw`UPDATE "WebhookDelivery" SET "processedAt" = now(), attempts = attempts + 1, "lastError" = NULL
                       WHERE id = ANY(${deliveries.map((d) => d.id)}::bigint[])`;
}

const claim = (tx: Prisma.TransactionClient, limit: number, onlyId?: bigint) =>
  tx.$queryRaw<Delivery[]>`
    SELECT id, "rawBody", "receivedAt" FROM "WebhookDelivery"
    WHERE "processedAt" IS NULL AND ("nextAttemptAt" IS NULL OR "nextAttemptAt" <= now())
      AND (${onlyId ?? null}::bigint IS NULL OR id = ${onlyId ?? null}::bigint)
    ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED`;

/** The workspace a delivery belongs to, read leniently from a body that may not parse as a whole. */
async function workspaceOf(id: bigint): Promise<string | null> {
  const row = await db.webhookDelivery.findUnique({ where: { id }, select: { rawBody: true } });
  try {
    const wabaId = JSON.parse(Buffer.from(row!.rawBody).toString("utf8"))?.entry?.[0]?.id;
    if (typeof wabaId !== "string") return null;
    return (
      (await db.whatsAppAccount.findFirst({ where: { wabaId }, select: { workspaceId: true } }))?.workspaceId ?? null
    );
  } catch {
    return null;
  }
}

/** A whole delivery set aside: only when its envelope cannot be read (or the database failed under it). */
async function setAside(id: bigint, error: unknown) {
  const message = error instanceof Error ? error.message : String(error);
  const workspaceId = await workspaceOf(id);
  await db.$executeRaw`
    UPDATE "WebhookDelivery" SET attempts = attempts + 1, "lastError" = ${message.slice(0, 2000)}, "workspaceId" = ${workspaceId},
      "nextAttemptAt" = now() + make_interval(secs => ${RETRY_BASE_SECONDS} * power(2, LEAST(attempts, 10)))
    WHERE id = ${id}`;
}

/** Processes up to `limit` pending deliveries; returns how many were processed and how many set aside whole. */
export async function processPendingWebhooks(limit = 500): Promise<{ processed: number; failed: number }> {
  const result = await processDeliveries(limit);
  await retrySetAsideParts(limit);
  return result;
}

async function processDeliveries(limit: number): Promise<{ processed: number; failed: number }> {
  let ids: bigint[] = [];
  try {
    const processed = await db.$transaction(
      async (tx) => {
        const deliveries = await claim(tx, limit);
        ids = deliveries.map((d) => d.id);
        if (deliveries.length) await applyDeliveries(tx, deliveries, await loadAccounts(tx), false);
        return deliveries.length;
      },
      { timeout: 60_000 },
    );
    return { processed, failed: 0 };
  } catch (batchError) {
    if (ids.length === 0) throw batchError;
    // One delivery at a time, each part under its own savepoint, to set aside only what fails.
    let processed = 0;
    let failed = 0;
    for (const id of ids) {
      try {
        await db.$transaction(async (tx) => {
          const deliveries = await claim(tx, 1, id);
          if (deliveries.length) await applyDeliveries(tx, deliveries, await loadAccounts(tx), true);
        });
        processed++;
      } catch (error) {
        failed++;
        await setAside(id, error);
        logger.warn("webhook delivery set aside", { id: String(id), error });
      }
    }
    return { processed, failed };
  }
}

type PartRow = {
  id: bigint;
  deliveryId: bigint;
  path: string;
  field: string;
  payload: { entry: { id: string; time: number }; change: { field: string; value: unknown } };
  attempts: number;
};

/** Tries the due set-aside parts again, each alone; a part that still fails waits longer, up to MAX_PART_ATTEMPTS tries. */
export async function retrySetAsideParts(limit = 100): Promise<{ resolved: number; failed: number }> {
  return db.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<PartRow[]>`
        SELECT id, "deliveryId", path, field, payload, attempts FROM "WebhookPart"
        WHERE "resolvedAt" IS NULL AND "nextAttemptAt" <= now()
        ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
      if (rows.length === 0) return { resolved: 0, failed: 0 };
      const accounts = await loadAccounts(tx);
      let resolved = 0;
      for (const row of rows) {
        const part: Part = {
          path: row.path,
          wabaId: row.payload.entry.id,
          at: new Date(row.payload.entry.time * 1000),
          field: row.payload.change.field,
          value: row.payload.change.value,
        };
        let retry = true;
        const error = await underSavepoint(tx, async () => {
          try {
            await applyPart(tx, prepare(part, accounts), accounts);
          } catch (e) {
            if (e instanceof SetAside) retry = e.retry;
            throw e;
          }
        });
        if (!error) {
          resolved++;
          await tx.webhookPart.update({
            where: { id: row.id },
            data: { resolvedAt: new Date(), nextAttemptAt: null, attempts: { increment: 1 } },
          });
          continue;
        }
        const attempts = row.attempts + 1;
        const next =
          retry && attempts < MAX_PART_ATTEMPTS
            ? new Date(Date.now() + RETRY_BASE_SECONDS * 1000 * 2 ** Math.min(attempts, 10))
            : null;
        await tx.webhookPart.update({
          where: { id: row.id },
          data: { attempts, reason: reasonOf(error), nextAttemptAt: next },
        });
      }
      return { resolved, failed: rows.length - resolved };
    },
    { timeout: 60_000 },
  );
}

// Failed deliveries an admin of this workspace may see: its own, and those no account could claim
// (a body for an unknown WABA is exactly what the admin needs to hear about).
const failedFor = (workspaceId: string) => ({
  processedAt: null,
  lastError: { not: null },
  OR: [{ workspaceId }, { workspaceId: null }],
});
const partsFor = (workspaceId: string) => ({ resolvedAt: null, OR: [{ workspaceId }, { workspaceId: null }] });

/** For the settings page: deliveries and parts of deliveries that could not be processed yet, newest first. */
export async function listFailedWebhooks(workspaceId: string, limit = 20) {
  const [deliveries, parts] = await Promise.all([
    db.webhookDelivery.findMany({
      where: failedFor(workspaceId),
      orderBy: { id: "desc" },
      take: limit,
      select: { id: true, receivedAt: true, attempts: true, lastError: true, nextAttemptAt: true },
    }),
    db.webhookPart.findMany({
      where: partsFor(workspaceId),
      orderBy: { id: "desc" },
      take: limit,
      select: { deliveryId: true, path: true, createdAt: true, attempts: true, reason: true, nextAttemptAt: true },
    }),
  ]);
  return [
    ...deliveries.map((r) => ({ ...r, id: r.id.toString() })),
    ...parts.map((p) => ({
      id: `${p.deliveryId}/${p.path}`,
      receivedAt: p.createdAt,
      attempts: p.attempts,
      lastError: p.nextAttemptAt
        ? p.reason
        : `${p.reason} (not retried automatically: use “Retry now” once it can be applied)`,
      nextAttemptAt: p.nextAttemptAt,
    })),
  ]
    .sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime())
    .slice(0, limit);
}

/** Deliveries still waiting (all workspaces: processing order is global) and this workspace's failures. */
export async function webhookBacklog(workspaceId: string) {
  const [pending, failed, parts] = await Promise.all([
    db.webhookDelivery.count({ where: { processedAt: null } }),
    db.webhookDelivery.count({ where: failedFor(workspaceId) }),
    db.webhookPart.count({ where: partsFor(workspaceId) }),
  ]);
  return { pending, failed: failed + parts };
}

/** An admin's "retry now": the deliveries and set-aside parts are picked up by the next pass. */
export async function retryFailedWebhooks(workspaceId: string) {
  const [deliveries, parts] = await Promise.all([
    db.webhookDelivery.updateMany({ where: failedFor(workspaceId), data: { nextAttemptAt: null } }),
    db.webhookPart.updateMany({ where: partsFor(workspaceId), data: { nextAttemptAt: new Date() } }),
  ]);
  return deliveries.count + parts.count;
}
