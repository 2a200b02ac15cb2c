// Receiving a webhook: size limit, signature over the raw bytes, durable insert, and only then 200.
// Inserts from concurrent requests are grouped into one multi-row INSERT (a few milliseconds apart),
// so each delivery is committed before its answer without paying one commit per request.
import "server-only";
import { loadWebhookSecrets } from "@/lib/whatsapp/accounts";
import { pgPool } from "@/lib/db/pg";
import { logger } from "@/lib/logger";
import { verifySignature } from "./signature";

export const MAX_WEBHOOK_BYTES = 3 * 1024 * 1024;
export const WEBHOOKS_CHANNEL = "parley_webhooks";

// ------------------------------------------------------------------ secrets, cached briefly

type Secrets = Awaited<ReturnType<typeof loadWebhookSecrets>>;
let secrets: { value: Secrets; loadedAt: number } | undefined;
const SECRETS_TTL_MS = 30_000;

async function currentSecrets(forceReload = false): Promise<Secrets> {
  if (!secrets || forceReload || Date.now() - secrets.loadedAt > SECRETS_TTL_MS) {
    secrets = { value: await loadWebhookSecrets(), loadedAt: Date.now() };
  }
  return secrets.value;
}

/** Called after the settings change, so a new app secret works at once in this process. */
export function forgetWebhookSecrets(): void {
  secrets = undefined;
}

async function signatureMatches(body: Buffer, header: string | null): Promise<boolean> {
  const check = (list: Secrets) => list.some((s) => verifySignature(body, header, s.appSecret));
  if (check(await currentSecrets())) return true;
  // A secret saved in another process since the last load: look once more, at most every few seconds.
  if (secrets && Date.now() - secrets.loadedAt > 5_000) return check(await currentSecrets(true));
  return false;
}

export async function verifyToken(token: string | null): Promise<boolean> {
  if (!token) return false;
  return (await currentSecrets(true)).some((s) => s.verifyToken === token);
}

// ------------------------------------------------------------------ the grouped durable write

type Pending = { body: Buffer; signature: string; resolve: () => void; reject: (error: unknown) => void };
const MAX_GROUP = 500;
let queue: Pending[] = [];
let flushing = 0;
const MAX_PARALLEL_FLUSHES = 4;

async function flush(group: Pending[]) {
  flushing++;
  try {
    await pgPool().query(
      `WITH inserted AS (
         INSERT INTO "WebhookDelivery" ("rawBody", signature) SELECT * FROM unnest($1::bytea[], $2::text[]) RETURNING 1
       ) SELECT pg_notify('${WEBHOOKS_CHANNEL}', count(*)::text) FROM inserted`,
      [group.map((p) => p.body), group.map((p) => p.signature)],
    );
    for (const p of group) p.resolve();
  } catch (error) {
    logger.error("webhook insert failed", { count: group.length, error });
    for (const p of group) p.reject(error);
  } finally {
    flushing--;
    schedule();
  }
}

function schedule() {
  while (queue.length > 0 && flushing < MAX_PARALLEL_FLUSHES) {
    const group = queue.slice(0, MAX_GROUP);
    queue = queue.slice(group.length);
    void flush(group);
  }
}

function storeDurably(body: Buffer, signature: string): Promise<void> {
  return new Promise((resolve, reject) => {
    queue.push({ body, signature, resolve, reject });
    // Let the requests arriving in this tick join the same INSERT.
    if (queue.length === 1) setImmediate(schedule);
    else if (queue.length >= MAX_GROUP) schedule();
  });
}

// ------------------------------------------------------------------ the receiver

/** Reads a request body, giving up (null) as soon as it passes `limit` bytes, declared or not. */
export async function readBodyWithin(request: Request, limit = MAX_WEBHOOK_BYTES): Promise<Buffer | null> {
  if (Number(request.headers.get("content-length") ?? 0) > limit) return null;
  const reader = request.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
}

export type ReceiveResult = { status: 200 | 401 | 413 | 503; message: string };

export async function receiveWebhook(body: Buffer, signature: string | null): Promise<ReceiveResult> {
  if (body.length > MAX_WEBHOOK_BYTES) return { status: 413, message: "Payload too large (3 MB at most)" };
  if (!(await signatureMatches(body, signature))) return { status: 401, message: "Invalid signature" };
  try {
    await storeDurably(body, signature!);
  } catch {
    // Not stored, so not acknowledged: Meta will deliver it again.
    return { status: 503, message: "Could not store the delivery; retry later" };
  }
  return { status: 200, message: "OK" };
}
