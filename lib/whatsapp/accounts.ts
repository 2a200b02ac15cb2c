// The workspace's WhatsApp connection: secrets encrypted at rest, decrypted only here, on the server,
// when a client or the webhook verifier needs them. Nothing in this module returns a secret to a page.
import "server-only";
import { decryptSecret, encryptSecret, maskSecret } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/client";
import { logger } from "@/lib/logger";
import { pgPool } from "@/lib/db/pg";
import { env } from "@/lib/env";
import { ValidationError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { createWhatsAppClient, type WhatsAppCredentials } from "./client";
import type { AccountInput } from "./account-schemas";

export const DEFAULT_GRAPH_API_BASE = "https://graph.facebook.com/v23.0";

/** Meta's own Graph API, any version. */
const META_GRAPH_API_BASE = /^https:\/\/graph\.facebook\.com\/v\d{1,2}\.\d{1,2}$/;

const normaliseBase = (url: string | undefined) => (url || DEFAULT_GRAPH_API_BASE).replace(/\/+$/, "");

/**
 * The API base URL an admin may save: Meta's Graph API, one the operator listed in PARLEY_GRAPH_API_BASES,
 * or the one already stored (the sandbox's, set by the launcher). The access token is sent to whatever
 * this says, so a free choice would let one admin session send it anywhere. Returns the change, if any.
 */
export async function checkGraphApiBase(
  workspaceId: string,
  input: Pick<AccountInput, "graphApiBase">,
): Promise<{ from: string; to: string } | null> {
  const existing = await db.whatsAppAccount.findUnique({ where: { workspaceId }, select: { graphApiBase: true } });
  const to = normaliseBase(input.graphApiBase);
  const from = existing ? normaliseBase(existing.graphApiBase) : null;
  if (to === from) return null;
  const configured = env().PARLEY_GRAPH_API_BASES.map((u) => normaliseBase(u));
  if (!META_GRAPH_API_BASE.test(to) && !configured.includes(to)) {
    const message = `The API base URL must be Meta's, such as ${DEFAULT_GRAPH_API_BASE}${configured.length ? `, or one of ${configured.join(", ")}` : ""}. Another address needs the server's PARLEY_GRAPH_API_BASES setting.`;
    throw new ValidationError(message, { graphApiBase: [message] });
  }
  return from === null ? null : { from, to };
}

/** What the settings page may show: ids, health and masked secrets. */
export async function getAccountSummary(workspaceId: string) {
  const account = await db.whatsAppAccount.findUnique({
    where: { workspaceId },
    select: {
      wabaId: true,
      phoneNumberId: true,
      appId: true,
      displayPhoneNumber: true,
      graphApiBase: true,
      accessTokenEncrypted: true,
      qualityRating: true,
      throughputPerSecond: true,
      messagingLimitTier: true,
      isSandbox: true,
      updatedAt: true,
    },
  });
  if (!account) return null;
  const { accessTokenEncrypted, ...rest } = account;
  return { ...rest, accessTokenMasked: maskSecret(decryptSecret(accessTokenEncrypted)) };
}
export type AccountSummary = NonNullable<Awaited<ReturnType<typeof getAccountSummary>>>;

export async function getCredentials(workspaceId: string): Promise<WhatsAppCredentials | null> {
  const account = await db.whatsAppAccount.findUnique({
    where: { workspaceId },
    select: { graphApiBase: true, wabaId: true, phoneNumberId: true, appId: true, accessTokenEncrypted: true },
  });
  if (!account) return null;
  return {
    baseUrl: account.graphApiBase,
    wabaId: account.wabaId,
    phoneNumberId: account.phoneNumberId,
    appId: account.appId ?? undefined,
    accessToken: decryptSecret(account.accessTokenEncrypted),
  };
}

export async function clientFor(workspaceId: string) {
  const credentials = await getCredentials(workspaceId);
  return credentials ? createWhatsAppClient(credentials) : null;
}

/**
 * Saves the connection. Secret fields left empty keep their stored value, so an admin can change the
 * phone number id without pasting the token again.
 */
export async function saveAccount(workspaceId: string, input: AccountInput, options: { isSandbox?: boolean } = {}) {
  const existing = await db.whatsAppAccount.findUnique({
    where: { workspaceId },
    select: { id: true, graphApiBase: true },
  });
  // The stored token goes only to the address it was entered for: a new address needs it entered again.
  if (existing && normaliseBase(existing.graphApiBase) !== normaliseBase(input.graphApiBase) && !input.accessToken) {
    const message = messageKey("settings.errors.whatsapp.tokenAgain");
    throw new ValidationError(message, { accessToken: [message] });
  }
  const secrets = {
    ...(input.accessToken ? { accessTokenEncrypted: encryptSecret(input.accessToken) } : {}),
    ...(input.appSecret ? { appSecretEncrypted: encryptSecret(input.appSecret) } : {}),
    ...(input.verifyToken ? { verifyTokenEncrypted: encryptSecret(input.verifyToken) } : {}),
  };
  const fields = {
    wabaId: input.wabaId,
    phoneNumberId: input.phoneNumberId,
    appId: input.appId || null,
    graphApiBase: normaliseBase(input.graphApiBase),
    ...(options.isSandbox !== undefined ? { isSandbox: options.isSandbox } : {}),
  };
  if (existing) {
    await db.whatsAppAccount.update({ where: { workspaceId }, data: { ...fields, ...secrets } });
  } else {
    if (!secrets.accessTokenEncrypted || !secrets.appSecretEncrypted || !secrets.verifyTokenEncrypted) {
      throw new Error("A new connection needs the access token, app secret and verify token.");
    }
    await db.whatsAppAccount.create({
      data: {
        workspaceId,
        ...fields,
        accessTokenEncrypted: secrets.accessTokenEncrypted,
        appSecretEncrypted: secrets.appSecretEncrypted,
        verifyTokenEncrypted: secrets.verifyTokenEncrypted,
      },
    });
  }
}

/** Asks Meta (or the sandbox) for the number's health and stores what it says. */
export async function refreshPhoneHealth(workspaceId: string) {
  const client = await clientFor(workspaceId);
  if (!client) return null;
  const health = await client.getPhoneNumberHealth();
  const throughput =
    health.throughput?.level === "HIGH" ? 1000 : health.throughput?.level === "STANDARD" ? 80 : undefined;
  await db.whatsAppAccount.update({
    where: { workspaceId },
    data: {
      displayPhoneNumber: health.display_phone_number,
      qualityRating: health.quality_rating,
      messagingLimitTier: health.whatsapp_business_manager_messaging_limit,
      ...(throughput ? { throughputPerSecond: throughput } : {}),
    },
  });
  return health;
}

/**
 * Every account's webhook secrets, for the verifier (few rows: one per workspace). Read through the plain
 * pool the webhook receiver inserts with, so that one connection pool decides whether the database is
 * reachable for a delivery (unreachable: the receiver answers 503 and Meta retries).
 */
export async function loadWebhookSecrets() {
  const { rows } = await pgPool().query<{
    workspaceId: string;
    wabaId: string;
    phoneNumberId: string;
    appSecretEncrypted: string;
    verifyTokenEncrypted: string;
  }>(
    `SELECT "workspaceId", "wabaId", "phoneNumberId", "appSecretEncrypted", "verifyTokenEncrypted" FROM "WhatsAppAccount"`,
  );
  // One account whose secrets cannot be read (stored under another ENCRYPTION_KEY) must not stop every
  // other account's webhooks: its own are refused with 503 (ingest.ts) and the reason is logged.
  const readable = (encrypted: string, workspaceId: string): string | null => {
    try {
      return decryptSecret(encrypted);
    } catch (error) {
      logger.error("a WhatsApp account's stored secret cannot be read: is ENCRYPTION_KEY the one it was saved with?", {
        workspaceId,
        error,
      });
      return null;
    }
  };
  return rows.map((a) => ({
    workspaceId: a.workspaceId,
    wabaId: a.wabaId,
    phoneNumberId: a.phoneNumberId,
    appSecret: readable(a.appSecretEncrypted, a.workspaceId),
    verifyToken: readable(a.verifyTokenEncrypted, a.workspaceId),
  }));
}
