// The workspace's Flows endpoint key pair: generated here, the private key encrypted at rest (lib/crypto) and
// decrypted only for the endpoint; the public key registered with WhatsApp for the workspace's number. Also
// the endpoint's secrets (that private key and the account's app secret, for X-Hub-Signature-256), kept in
// memory briefly so that a request costs no decryption of them.
import "server-only";
import { createPrivateKey, type KeyObject } from "node:crypto";
import { recordAudit } from "@/lib/audit/service";
import type { CurrentUser } from "@/lib/auth/guard";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { logger } from "@/lib/logger";
import { clientFor } from "@/lib/whatsapp/accounts";
import { WhatsAppApiError } from "@/lib/whatsapp/client";
import { generateFlowKeyPair } from "./exchange-crypto";

/** What the settings page may show: never the private key. */
export async function endpointKeySummary(workspaceId: string) {
  return db.flowEndpointKey.findUnique({
    where: { workspaceId },
    select: { publicKeyPem: true, createdAt: true, registeredAt: true },
  });
}

/** The URL to paste into Meta as the Flow's endpoint_uri. */
export function endpointUrl(workspaceId: string): string {
  return `${env().APP_URL.replace(/\/+$/, "")}/api/flows/endpoint/${encodeURIComponent(workspaceId)}`;
}

/** A new key pair, replacing the workspace's: the endpoint answers 421 until the new public key is registered. */
export async function generateEndpointKey(user: CurrentUser): Promise<void> {
  const { publicKeyPem, privateKeyPem } = generateFlowKeyPair();
  const data = {
    publicKeyPem,
    privateKeyEncrypted: encryptSecret(privateKeyPem),
    createdAt: new Date(),
    registeredAt: null,
  };
  await db.$transaction(async (tx) => {
    const replaced = await tx.flowEndpointKey.findUnique({
      where: { workspaceId: user.workspaceId },
      select: { id: true },
    });
    await tx.flowEndpointKey.upsert({
      where: { workspaceId: user.workspaceId },
      create: { workspaceId: user.workspaceId, ...data },
      update: data,
    });
    await recordAudit(
      user.workspaceId,
      user.userId,
      {
        action: "flows.endpoint_key_generated",
        targetType: "flow_endpoint_key",
        details: { replaced: Boolean(replaced) },
      },
      tx,
    );
  });
  forgetEndpointSecrets(user.workspaceId);
}

/** Uploads the public key for the workspace's number (Meta signs it); records when it was accepted. */
export async function registerEndpointKey(user: CurrentUser): Promise<{ registeredAt: Date }> {
  const key = await db.flowEndpointKey.findUnique({
    where: { workspaceId: user.workspaceId },
    select: { id: true, publicKeyPem: true },
  });
  if (!key) throw new NotFoundError({ message: messageKey("flowEndpoint.errors.noKey") });
  const client = await clientFor(user.workspaceId);
  if (!client) throw new ValidationError(messageKey("flowEndpoint.errors.noConnection"));
  try {
    await client.setBusinessPublicKey(key.publicKeyPem);
  } catch (error) {
    if (!(error instanceof WhatsAppApiError)) throw error;
    logger.warn("registering the Flows endpoint key failed", { workspaceId: user.workspaceId, error });
    throw new ValidationError(
      messageKey("flowEndpoint.errors.registerFailed", { code: error.code, reason: error.classification.explanation }),
    );
  }
  const registeredAt = new Date();
  // Only the key that was uploaded: one generated meanwhile stays unregistered.
  await db.flowEndpointKey.updateMany({
    where: { id: key.id, publicKeyPem: key.publicKeyPem },
    data: { registeredAt },
  });
  await recordAudit(user.workspaceId, user.userId, {
    action: "flows.endpoint_key_registered",
    targetType: "flow_endpoint_key",
  });
  return { registeredAt };
}

// ------------------------------------------------------------------ the endpoint's secrets, cached briefly

/**
 * `privateKey` is parsed once per load: parsing the PEM costs about three times the RSA decryption itself, on
 * every request. `privateKeyPem` tells a reloaded key from the cached one.
 */
export type EndpointSecrets = { appSecret: string; privateKeyPem: string; privateKey: KeyObject };

const SECRETS_TTL_MS = 30_000;
const MAX_CACHED = 10_000; // unknown ids are cached too (as null): bounded, whatever ids a caller tries
const cache = new Map<string, { value: EndpointSecrets | null; loadedAt: number }>();

async function loadSecrets(workspaceId: string): Promise<EndpointSecrets | null> {
  const [account, key] = await Promise.all([
    db.whatsAppAccount.findUnique({ where: { workspaceId }, select: { appSecretEncrypted: true } }),
    db.flowEndpointKey.findUnique({ where: { workspaceId }, select: { privateKeyEncrypted: true } }),
  ]);
  if (!account || !key) return null;
  // A secret stored under another ENCRYPTION_KEY throws here: the route's logged 500, not a misleading 4xx.
  const privateKeyPem = decryptSecret(key.privateKeyEncrypted);
  return {
    appSecret: decryptSecret(account.appSecretEncrypted),
    privateKeyPem,
    privateKey: createPrivateKey(privateKeyPem),
  };
}

/**
 * The workspace's app secret and endpoint private key; null when it has no WhatsApp account or no key. Cached
 * for 30 s per process; `fresh` accepts at most 5 s, for a key or secret changed in another process.
 */
export async function endpointSecrets(workspaceId: string, fresh = false): Promise<EndpointSecrets | null> {
  const hit = cache.get(workspaceId);
  if (hit && Date.now() - hit.loadedAt < (fresh ? 5_000 : SECRETS_TTL_MS)) return hit.value;
  const value = await loadSecrets(workspaceId);
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(workspaceId, { value, loadedAt: Date.now() });
  return value;
}

/** After a key change in this process: the next request reads the new key. */
export function forgetEndpointSecrets(workspaceId: string): void {
  cache.delete(workspaceId);
}
