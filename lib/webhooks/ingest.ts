// Receiving a webhook: size limit, the signature of the account the body names over the raw bytes, durable
// insert, and only then 200.
// Inserts from concurrent requests are grouped into one multi-row INSERT (a few milliseconds apart),
// so each delivery is committed before its answer without paying one commit per request.
import "server-only";
import { loadWebhookSecrets } from "@/lib/whatsapp/accounts";
import { notifySoon } from "@/lib/db/notify";
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

/** An account a delivery names: a phone number (a change's metadata) or a WABA (an entry's id). */
type AccountRef = { kind: "phone" | "waba"; id: string };

/**
 * The accounts a body names, read leniently (null: not a WhatsApp Business Account delivery at all).
 * A change with `value.metadata.phone_number_id` names that number; any other change (template, account
 * and quality events) and an entry without changes name the entry's WABA.
 */
function namedAccounts(body: Buffer): AccountRef[] | null {
  let payload: unknown;
  try {
    payload = JSON.parse(body.toString("utf8"));
  } catch {
    return null;
  }
  const entries = (payload as { entry?: unknown } | null)?.entry;
  if (!Array.isArray(entries) || entries.length === 0) return null;
  const refs = new Map<string, AccountRef>();
  const add = (ref: AccountRef) => refs.set(`${ref.kind}:${ref.id}`, ref);
  for (const entry of entries as { id?: unknown; changes?: unknown }[]) {
    if (typeof entry?.id !== "string" || !entry.id) return null;
    const changes = Array.isArray(entry.changes)
      ? (entry.changes as { value?: { metadata?: { phone_number_id?: unknown } } }[])
      : [];
    if (changes.length === 0) add({ kind: "waba", id: entry.id });
    for (const change of changes) {
      const phone = change?.value?.metadata?.phone_number_id;
      if (typeof phone === "string" && phone) add({ kind: "phone", id: phone });
      else add({ kind: "waba", id: entry.id });
    }
  }
  return [...refs.values()];
}

type Verdict = { ok: true } | { ok: false; status: 401 | 403 | 503; message: string };

/**
 * Every account the body names must be connected, and the signature must be that account's: a body naming
 * workspace B signed with workspace A's secret is refused, and a body naming several accounts verifies for
 * each. A WABA-level change (no phone number) is checked against the accounts connected to that WABA.
 */
function judge(list: Secrets, refs: AccountRef[], body: Buffer, header: string | null): Verdict {
  for (const ref of refs) {
    const accounts = list.filter((a) => (ref.kind === "phone" ? a.phoneNumberId === ref.id : a.wabaId === ref.id));
    if (accounts.length === 0) {
      return {
        ok: false,
        status: 403,
        message: `No connected WhatsApp account for ${ref.kind === "phone" ? "phone number" : "WABA"} ${ref.id}`,
      };
    }
    const readable = accounts.filter((a) => a.appSecret !== null);
    // Its secret cannot be read here (a server misconfiguration, logged): not Meta's fault, so Meta retries.
    if (readable.length === 0)
      return { ok: false, status: 503, message: "This account's app secret cannot be read on the server; retry later" };
    if (!readable.some((a) => verifySignature(body, header, a.appSecret!)))
      return { ok: false, status: 401, message: "Invalid signature" };
  }
  return { ok: true };
}

async function authenticate(body: Buffer, header: string | null, refs: AccountRef[]): Promise<Verdict> {
  const verdict = judge(await currentSecrets(), refs, body, header);
  if (verdict.ok) return verdict;
  // An account or secret saved in another process since the last load: look once more, at most every few seconds.
  if (secrets && Date.now() - secrets.loadedAt > 5_000) return judge(await currentSecrets(true), refs, body, header);
  return verdict;
}

async function verifyToken(token: string | null): Promise<boolean> {
  if (!token) return false;
  return (await currentSecrets(true)).some((s) => s.verifyToken === token);
}

/** Meta's subscription handshake: the challenge for a verify token we issued, 403 otherwise, 503 without a database. */
export async function answerHandshake(params: URLSearchParams): Promise<{ status: 200 | 403 | 503; body: string }> {
  try {
    const ok = params.get("hub.mode") === "subscribe" && (await verifyToken(params.get("hub.verify_token")));
    return ok ? { status: 200, body: params.get("hub.challenge") ?? "" } : { status: 403, body: "Forbidden" };
  } catch (error) {
    logger.warn("webhook handshake: database unavailable", { error });
    return { status: 503, body: "Temporarily unavailable; retry later" };
  }
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
      `INSERT INTO "WebhookDelivery" ("rawBody", signature) SELECT * FROM unnest($1::bytea[], $2::text[])`,
      [group.map((p) => p.body), group.map((p) => p.signature)],
    );
    notifySoon(WEBHOOKS_CHANNEL);
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

export type ReceiveResult = { status: 200 | 400 | 401 | 403 | 413 | 503; message: string };

/**
 * Size → the accounts the body names → their signature → durable insert → 200. Never throws: a database
 * that cannot be reached (for the secrets or the insert) answers 503, so Meta delivers again later.
 */
export async function receiveWebhook(body: Buffer, signature: string | null): Promise<ReceiveResult> {
  if (body.length > MAX_WEBHOOK_BYTES) return { status: 413, message: "Payload too large (3 MB at most)" };
  const refs = namedAccounts(body);
  if (!refs)
    return { status: 400, message: "Not a WhatsApp Business Account delivery: the body names no account (entry[].id)" };
  let verdict: Verdict;
  try {
    verdict = await authenticate(body, signature, refs);
  } catch (error) {
    logger.warn("webhook refused with 503: the account secrets could not be read", { error });
    return { status: 503, message: "Could not check the delivery; retry later" };
  }
  if (!verdict.ok) return { status: verdict.status, message: verdict.message };
  try {
    await storeDurably(body, signature!);
  } catch {
    // Not stored, so not acknowledged: Meta will deliver it again.
    return { status: 503, message: "Could not store the delivery; retry later" };
  }
  return { status: 200, message: "OK" };
}
