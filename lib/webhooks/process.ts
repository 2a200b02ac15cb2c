// The worker's side of webhooks: claim stored deliveries (FOR UPDATE SKIP LOCKED, so several workers can
// share the queue), parse them, apply every change in one transaction, and mark them processed. A batch
// that fails is retried one delivery at a time, so one bad delivery is set aside with its error (and
// retried later, visible to admins) without holding up the rest. Nothing is ever dropped.
import "server-only";
import { db, type Prisma } from "@/lib/db/client";
import { logger } from "@/lib/logger";
import { parseChange, webhookPayloadSchema } from "@/lib/whatsapp/schemas";
import {
  applyPhoneQuality,
  applyTemplateCategory,
  applyTemplateQuality,
  applyTemplateStatus,
  applyUserPreferences,
} from "./apply-account-events";
import { applyInbound, type ConsentSettings } from "./apply-inbound";
import { applyStatuses, type StatusInput } from "./apply-statuses";

type Delivery = { id: bigint; rawBody: Uint8Array };
type Accounts = { byPhone: Map<string, string>; byWaba: Map<string, string>; consent: Map<string, ConsentSettings> };

const RETRY_BASE_SECONDS = 30;

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
        { keywords: { optOut: r.workspace.optOutKeywords, optIn: r.workspace.optInKeywords }, replies: { OPT_OUT: r.workspace.optOutReply, OPT_IN: r.workspace.optInReply } },
      ]),
    ),
  };
}

/** Applies a set of deliveries inside a transaction; throws on the first delivery that cannot be applied. */
async function applyDeliveries(tx: Prisma.TransactionClient, deliveries: Delivery[], accounts: Accounts) {
  const statuses: StatusInput[] = [];
  const later: ((tx: Prisma.TransactionClient) => Promise<unknown>)[] = [];
  for (const delivery of deliveries) {
    const payload = webhookPayloadSchema.parse(JSON.parse(Buffer.from(delivery.rawBody).toString("utf8")));
    for (const entry of payload.entry) {
      for (const raw of entry.changes) {
        const change = parseChange(raw);
        const phoneId = change.field === "messages" ? change.value.metadata.phone_number_id : undefined;
        const workspaceId = (phoneId && accounts.byPhone.get(phoneId)) || accounts.byWaba.get(entry.id);
        if (!workspaceId) throw new Error(`No connected WhatsApp account for WABA ${entry.id}${phoneId ? ` / number ${phoneId}` : ""}`);
        switch (change.field) {
          case "messages": {
            for (const event of change.value.statuses ?? []) statuses.push({ workspaceId, event });
            const names = new Map(change.value.contacts?.map((c) => [c.wa_id, c.profile?.name]));
            for (const message of change.value.messages ?? []) {
              const consent = accounts.consent.get(workspaceId)!;
              later.push((t) => applyInbound(t, { workspaceId, message, profileName: names.get(message.from) ?? undefined, consent }));
            }
            break;
          }
          case "message_template_status_update":
            later.push((t) => applyTemplateStatus(t, workspaceId, change));
            break;
          case "message_template_quality_update":
            later.push((t) => applyTemplateQuality(t, workspaceId, change));
            break;
          case "template_category_update":
            later.push((t) => applyTemplateCategory(t, workspaceId, change));
            break;
          case "user_preferences":
            later.push((t) => applyUserPreferences(t, workspaceId, change));
            break;
          case "phone_number_quality_update":
            later.push((t) => applyPhoneQuality(t, workspaceId, change));
            break;
          default:
            break; // account_update and fields Parley does not use: stored, nothing to apply
        }
      }
    }
  }
  await applyStatuses(tx, statuses);
  for (const apply of later) await apply(tx);
  await tx.$executeRaw`UPDATE "WebhookDelivery" SET "processedAt" = now(), attempts = attempts + 1, "lastError" = NULL
                       WHERE id = ANY(${deliveries.map((d) => d.id)}::bigint[])`;
}

const claim = (tx: Prisma.TransactionClient, limit: number, onlyId?: bigint) =>
  tx.$queryRaw<Delivery[]>`
    SELECT id, "rawBody" FROM "WebhookDelivery"
    WHERE "processedAt" IS NULL AND ("nextAttemptAt" IS NULL OR "nextAttemptAt" <= now())
      AND (${onlyId ?? null}::bigint IS NULL OR id = ${onlyId ?? null}::bigint)
    ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED`;

/** The workspace a delivery belongs to, read leniently from a body that may not parse as a whole. */
async function workspaceOf(id: bigint): Promise<string | null> {
  const row = await db.webhookDelivery.findUnique({ where: { id }, select: { rawBody: true } });
  try {
    const wabaId = JSON.parse(Buffer.from(row!.rawBody).toString("utf8"))?.entry?.[0]?.id;
    if (typeof wabaId !== "string") return null;
    return (await db.whatsAppAccount.findFirst({ where: { wabaId }, select: { workspaceId: true } }))?.workspaceId ?? null;
  } catch {
    return null;
  }
}

async function setAside(id: bigint, error: unknown) {
  const message = error instanceof Error ? error.message : String(error);
  const workspaceId = await workspaceOf(id);
  await db.$executeRaw`
    UPDATE "WebhookDelivery" SET attempts = attempts + 1, "lastError" = ${message.slice(0, 2000)}, "workspaceId" = ${workspaceId},
      "nextAttemptAt" = now() + make_interval(secs => ${RETRY_BASE_SECONDS} * power(2, LEAST(attempts, 10)))
    WHERE id = ${id}`;
}

/** Processes up to `limit` pending deliveries; returns how many were processed and how many set aside. */
export async function processPendingWebhooks(limit = 500): Promise<{ processed: number; failed: number }> {
  let ids: bigint[] = [];
  try {
    const processed = await db.$transaction(
      async (tx) => {
        const deliveries = await claim(tx, limit);
        ids = deliveries.map((d) => d.id);
        if (deliveries.length) await applyDeliveries(tx, deliveries, await loadAccounts(tx));
        return deliveries.length;
      },
      { timeout: 60_000 },
    );
    return { processed, failed: 0 };
  } catch (batchError) {
    if (ids.length <= 1) {
      if (ids[0] !== undefined) await setAside(ids[0], batchError);
      logger.warn("webhook delivery set aside", { ids: ids.map(String), error: batchError });
      return { processed: 0, failed: ids.length };
    }
    // One at a time, to find the bad ones.
    let processed = 0;
    let failed = 0;
    for (const id of ids) {
      try {
        await db.$transaction(async (tx) => {
          const deliveries = await claim(tx, 1, id);
          if (deliveries.length) await applyDeliveries(tx, deliveries, await loadAccounts(tx));
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

// Failed deliveries an admin of this workspace may see: its own, and those no account could claim
// (a body for an unknown WABA is exactly what the admin needs to hear about).
const failedFor = (workspaceId: string) => ({
  processedAt: null,
  lastError: { not: null },
  OR: [{ workspaceId }, { workspaceId: null }],
});

/** For the settings page: deliveries that could not be processed yet, newest first. */
export async function listFailedWebhooks(workspaceId: string, limit = 20) {
  const rows = await db.webhookDelivery.findMany({
    where: failedFor(workspaceId),
    orderBy: { id: "desc" },
    take: limit,
    select: { id: true, receivedAt: true, attempts: true, lastError: true, nextAttemptAt: true },
  });
  return rows.map((r) => ({ ...r, id: r.id.toString() }));
}

/** Deliveries still waiting (all workspaces: processing order is global) and this workspace's failures. */
export async function webhookBacklog(workspaceId: string) {
  const [pending, failed] = await Promise.all([
    db.webhookDelivery.count({ where: { processedAt: null } }),
    db.webhookDelivery.count({ where: failedFor(workspaceId) }),
  ]);
  return { pending, failed };
}

/** An admin's "retry now": the deliveries are picked up by the next pass. */
export async function retryFailedWebhooks(workspaceId: string) {
  const { count } = await db.webhookDelivery.updateMany({ where: failedFor(workspaceId), data: { nextAttemptAt: null } });
  return count;
}
