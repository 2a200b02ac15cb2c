// The delivery worker's step: claims due deliveries in a batch (FOR UPDATE SKIP LOCKED, so any number of
// workers share them), keeping each endpoint's order per contact: a delivery waits while an older one with
// the same endpoint and ordering key is still pending. Each is signed per Standard Webhooks (its library),
// POSTed with a timeout, many at once, and the outcome written back for the whole batch in one statement:
// the attempt in the log, DELIVERED, or the next try by back-off (FAILED after 24 hours). An endpoint whose
// failures have lasted a day is disabled, audited, and shown to the workspace's admins.
import "server-only";
import { Webhook } from "standardwebhooks";
import { Agent, request } from "undici";
import { recordAudit } from "@/lib/audit/service";
import { decryptSecret } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/client";
import { englishTranslator } from "@/lib/i18n/translator";
import { logger } from "@/lib/logger";
import { DISABLE_AFTER_MS, nextAttemptAt } from "./backoff";
import { checkUrlSyntax, guardedLookup, targetPolicy, type TargetPolicy } from "./targets";

export const REQUEST_TIMEOUT_MS = 10_000;
const CLAIM_SECONDS = 60; // longer than a request may take, so a live claim is never taken over
const CONCURRENCY = 64;
const EXCERPT_BYTES = 1024;

type Claimed = {
  id: bigint;
  endpointId: string;
  eventId: string;
  attempts: number;
  createdAt: Date;
  url: string;
  secretEncrypted: string;
  body: string;
};

type Outcome = {
  id: bigint;
  endpointId: string;
  ok: boolean;
  status: number | null;
  latencyMs: number;
  excerpt: string | null;
  error: string | null;
  attemptedAt: Date;
  finishedAt: number;
};

export type DeliveryOptions = { policy?: TargetPolicy; now?: () => Date };

/** One HTTP agent per target policy: keep-alive connections, each checked on connect (guardedLookup). */
const agents = new Map<string, Agent>();
function agentFor(policy: TargetPolicy): Agent {
  const key = JSON.stringify(policy);
  let agent = agents.get(key);
  if (!agent) {
    agent = new Agent({
      connections: CONCURRENCY,
      keepAliveTimeout: 30_000,
      headersTimeout: REQUEST_TIMEOUT_MS,
      bodyTimeout: REQUEST_TIMEOUT_MS,
      connect: { timeout: REQUEST_TIMEOUT_MS, lookup: guardedLookup(policy) },
    });
    agents.set(key, agent);
  }
  return agent;
}

/** Decrypted signers, by the stored (encrypted) secret: a rotation changes the key, so no stale signer is used. */
const signers = new Map<string, Webhook>();
function signerFor(secretEncrypted: string): Webhook {
  let signer = signers.get(secretEncrypted);
  if (!signer) {
    if (signers.size > 1000) signers.clear();
    signer = new Webhook(decryptSecret(secretEncrypted));
    signers.set(secretEncrypted, signer);
  }
  return signer;
}

/** The headers of one signed request (Standard Webhooks). */
export function signedHeaders(signer: Webhook, eventId: string, body: string, at: Date): Record<string, string> {
  return {
    "content-type": "application/json",
    "user-agent": "Parley-Webhooks/1",
    "webhook-id": eventId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": signer.sign(eventId, at, body),
  };
}

async function readExcerpt(body: AsyncIterable<Buffer> & { destroy(): void }): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= EXCERPT_BYTES) break; // leaving the loop ends the body: a long answer is not read on
  }
  return clip(Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString("utf8"));
}

/** The first KB of an answer, as text PostgreSQL can hold (no NUL). */
const clip = (text: string) => text.slice(0, EXCERPT_BYTES).replace(/\0/g, "");

function describeError(error: unknown): string {
  const e = error as { code?: string; name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (
    e?.name === "TimeoutError" ||
    e?.code === "UND_ERR_HEADERS_TIMEOUT" ||
    e?.code === "UND_ERR_BODY_TIMEOUT" ||
    e?.code === "UND_ERR_CONNECT_TIMEOUT"
  )
    return `No answer within ${REQUEST_TIMEOUT_MS / 1000} seconds.`;
  if (e?.code === "EPRIVATEADDRESS" || e?.cause?.code === "EPRIVATEADDRESS")
    return (e.cause ?? e).message ?? "Refused.";
  const code = e?.code ?? e?.cause?.code;
  if (code === "ECONNREFUSED") return "The receiver refused the connection.";
  if (code === "ENOTFOUND") return "The host name could not be resolved.";
  return (e?.message ?? String(error)).slice(0, 300);
}

async function send(item: Claimed, policy: TargetPolicy, now: () => Date): Promise<Outcome> {
  const attemptedAt = now();
  const started = performance.now();
  const done = (o: Pick<Outcome, "ok" | "status" | "excerpt" | "error">): Outcome => ({
    id: item.id,
    endpointId: item.endpointId,
    attemptedAt,
    latencyMs: Math.round(performance.now() - started),
    finishedAt: performance.now(),
    ...o,
  });
  // An address written in the URL is connected to without a lookup: it is checked here instead.
  const syntax = checkUrlSyntax(item.url, policy);
  // The delivery log keeps the words, like the receivers' own errors.
  if (!syntax.ok)
    return done({ ok: false, status: null, excerpt: null, error: englishTranslator.message(syntax.reason) });
  try {
    const signer = signerFor(item.secretEncrypted);
    const response = await request(item.url, {
      method: "POST",
      headers: signedHeaders(signer, item.eventId, item.body, attemptedAt),
      body: item.body,
      // The agent's connect, headers and body timeouts bound the request (a timer each would cost more).
      dispatcher: agentFor(policy),
    });
    const length = Number(response.headers["content-length"]);
    const excerpt = length <= 64 * 1024 ? clip(await response.body.text()) : await readExcerpt(response.body);
    const ok = response.statusCode >= 200 && response.statusCode < 300;
    return done({ ok, status: response.statusCode, excerpt, error: ok ? null : `HTTP ${response.statusCode}` });
  } catch (error) {
    return done({ ok: false, status: null, excerpt: null, error: describeError(error) });
  }
}

/** Runs `fn` over `items` with at most `limit` at once. */
async function pool<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  });
  await Promise.all(lanes);
  return results;
}

async function claim(workerId: string, limit: number): Promise<Claimed[]> {
  return db.$queryRawUnsafe<Claimed[]>(
    `WITH due AS (
       SELECT d.id FROM "OutboundDelivery" d
       JOIN "WebhookEndpoint" e ON e.id = d."endpointId" AND e.enabled
       WHERE d.state = 'PENDING' AND d."nextAttemptAt" <= now()
         AND (d."claimedUntil" IS NULL OR d."claimedUntil" < now())
         AND (d."orderingKey" IS NULL OR NOT EXISTS (
           SELECT 1 FROM "OutboundDelivery" o
           WHERE o."endpointId" = d."endpointId" AND o."orderingKey" = d."orderingKey" AND o.state = 'PENDING' AND o.id < d.id))
       ORDER BY d."nextAttemptAt", d.id
       LIMIT $2
       FOR UPDATE OF d SKIP LOCKED
     )
     UPDATE "OutboundDelivery" d
     SET "claimedBy" = $1, "claimedUntil" = now() + make_interval(secs => ${CLAIM_SECONDS}), attempts = d.attempts + 1
     FROM due, "OutboundEvent" ev, "WebhookEndpoint" e
     WHERE d.id = due.id AND ev.id = d."eventId" AND e.id = d."endpointId"
     RETURNING d.id, d."endpointId", d."eventId", d.attempts, d."createdAt", e.url, e."secretEncrypted", ev.payload::text AS body`,
    workerId,
    limit,
  );
}

/** Writes a batch's outcomes at once: attempts logged, deliveries settled or rescheduled, endpoints' failure state. */
async function record(workerId: string, claimed: Claimed[], outcomes: Outcome[], now: Date) {
  const byId = new Map(claimed.map((c) => [c.id, c]));
  const next = outcomes.map((o) => {
    if (o.ok) return { state: "DELIVERED", at: null };
    const at = nextAttemptAt(byId.get(o.id)!.createdAt, byId.get(o.id)!.attempts, now);
    return at ? { state: "PENDING", at } : { state: "FAILED", at: null };
  });
  // Per endpoint: its last outcome decides (a success clears the failure; a failure starts it if not started).
  const last = new Map<string, Outcome>();
  const firstFailure = new Map<string, Date>();
  for (const o of [...outcomes].sort((a, b) => a.finishedAt - b.finishedAt)) {
    last.set(o.endpointId, o);
    if (!o.ok && !firstFailure.has(o.endpointId)) firstFailure.set(o.endpointId, o.attemptedAt);
  }
  const endpoints = [...last.keys()];
  await db.$executeRawUnsafe(
    `WITH r AS (
       SELECT * FROM unnest($2::bigint[], $3::text[], $4::int[], $5::int[], $6::text[], $7::text[], $8::timestamptz[], $9::text[], $10::timestamptz[])
         AS t(id, endpoint_id, status, latency, excerpt, error, attempted_at, next_state, next_at)
     ), attempts AS (
       INSERT INTO "OutboundAttempt" ("deliveryId", "endpointId", status, "latencyMs", "responseExcerpt", error, "attemptedAt")
       SELECT id, endpoint_id, status, latency, excerpt, error, attempted_at FROM r
     ), deliveries AS (
       UPDATE "OutboundDelivery" d SET
         state = r.next_state,
         "nextAttemptAt" = COALESCE(r.next_at, d."nextAttemptAt"),
         "deliveredAt" = CASE WHEN r.next_state = 'DELIVERED' THEN now() ELSE d."deliveredAt" END,
         "claimedBy" = NULL, "claimedUntil" = NULL
       FROM r WHERE d.id = r.id AND d."claimedBy" = $1
     )
     UPDATE "WebhookEndpoint" e SET "failingSince" = CASE WHEN s.ok THEN NULL ELSE COALESCE(e."failingSince", s.first_failure) END
     FROM unnest($11::text[], $12::boolean[], $13::timestamptz[]) AS s(id, ok, first_failure)
     WHERE e.id = s.id AND ((s.ok AND e."failingSince" IS NOT NULL) OR (NOT s.ok AND e."failingSince" IS NULL))`,
    workerId,
    outcomes.map((o) => o.id),
    outcomes.map((o) => o.endpointId),
    outcomes.map((o) => o.status),
    outcomes.map((o) => o.latencyMs),
    outcomes.map((o) => o.excerpt),
    outcomes.map((o) => o.error),
    outcomes.map((o) => o.attemptedAt),
    next.map((n) => n.state),
    next.map((n) => n.at),
    endpoints,
    endpoints.map((id) => last.get(id)!.ok),
    endpoints.map((id) => firstFailure.get(id) ?? now),
  );
  const failing = endpoints.filter((id) => !last.get(id)!.ok);
  if (failing.length > 0) await disableLongFailing(failing, now);
}

/** The sentence shown on the Webhooks page, in the banner and in the audit log. */
export const AUTO_DISABLED_REASON =
  "Parley disabled this endpoint because every delivery to it failed for 24 hours. Fix the receiver, then enable it again: waiting events are sent then.";

/** Disables the endpoints among `ids` whose failures have lasted a day, each audited once (the UPDATE decides who). */
export async function disableLongFailing(ids: string[], now: Date = new Date()) {
  const since = new Date(now.getTime() - DISABLE_AFTER_MS);
  await db.$transaction(async (tx) => {
    const disabled = await tx.$queryRaw<{ id: string; workspaceId: string; url: string; failingSince: Date }[]>`
      UPDATE "WebhookEndpoint" SET enabled = false, "disabledReason" = ${AUTO_DISABLED_REASON}, "updatedAt" = now()
      WHERE id = ANY(${ids}::text[]) AND enabled AND "failingSince" <= ${since}
      RETURNING id, "workspaceId", url, "failingSince"`;
    for (const e of disabled) {
      logger.warn("outbound webhook endpoint disabled after a day of failures", {
        workspaceId: e.workspaceId,
        endpointId: e.id,
      });
      await recordAudit(
        e.workspaceId,
        null,
        {
          action: "webhooks.endpoint_auto_disabled",
          targetType: "WebhookEndpoint",
          targetId: e.id,
          details: { url: e.url, failingSince: e.failingSince.toISOString() },
        },
        tx,
      );
    }
  });
}

/** How long one step keeps its pipeline going before it returns to the worker's loop. */
const STEP_MS = 2_000;

/**
 * One step of the worker's loop: delivers due deliveries in batches of `limit`, pipelined (the next batch is
 * claimed while this one is on the wire, and this one's outcome written while the next is), for up to about
 * two seconds. `more`: a full batch was left waiting, so the loop should call again at once.
 */
export async function deliverPendingWebhooks(
  workerId: string,
  limit: number,
  options: DeliveryOptions = {},
): Promise<{ claimed: number; delivered: number; failed: number; more: boolean }> {
  const now = options.now ?? (() => new Date());
  const policy = options.policy ?? targetPolicy();
  const started = performance.now();
  const totals = { claimed: 0, delivered: 0, failed: 0, more: false };
  let batch = await claim(workerId, limit);
  let writing: Promise<void> = Promise.resolve();
  try {
    while (batch.length > 0) {
      totals.claimed += batch.length;
      const full = batch.length === limit;
      const keepGoing = full && performance.now() - started < STEP_MS;
      const next = keepGoing ? claim(workerId, limit) : Promise.resolve([]);
      // Should this batch's send fail outright, the claim already made is not lost: it expires (CLAIM_SECONDS).
      next.catch(() => {});
      const outcomes = await pool(batch, CONCURRENCY, (item) => send(item, policy, now));
      await writing;
      const sent = batch;
      writing = record(workerId, sent, outcomes, now());
      for (const o of outcomes) totals[o.ok ? "delivered" : "failed"]++;
      batch = await next;
      totals.more = full && !keepGoing;
    }
  } finally {
    await writing;
  }
  return totals;
}
