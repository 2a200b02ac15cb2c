// The workspace's WhatsApp connection: secrets encrypted at rest, decrypted only here, on the server,
// when a client or the webhook verifier needs them. Nothing in this module returns a secret to a page.
import "server-only";
import { decryptSecret, encryptSecret, maskSecret } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/client";
import { pgPool } from "@/lib/db/pg";
import { createWhatsAppClient, type WhatsAppCredentials } from "./client";
import type { AccountInput } from "./account-schemas";

export const DEFAULT_GRAPH_API_BASE = "https://graph.facebook.com/v23.0";

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
  const existing = await db.whatsAppAccount.findUnique({ where: { workspaceId }, select: { id: true } });
  const secrets = {
    ...(input.accessToken ? { accessTokenEncrypted: encryptSecret(input.accessToken) } : {}),
    ...(input.appSecret ? { appSecretEncrypted: encryptSecret(input.appSecret) } : {}),
    ...(input.verifyToken ? { verifyTokenEncrypted: encryptSecret(input.verifyToken) } : {}),
  };
  const fields = {
    wabaId: input.wabaId,
    phoneNumberId: input.phoneNumberId,
    appId: input.appId || null,
    graphApiBase: input.graphApiBase || DEFAULT_GRAPH_API_BASE,
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
  const throughput = health.throughput?.level === "HIGH" ? 1000 : health.throughput?.level === "STANDARD" ? 80 : undefined;
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
  const { rows } = await pgPool().query<{ workspaceId: string; wabaId: string; phoneNumberId: string; appSecretEncrypted: string; verifyTokenEncrypted: string }>(
    `SELECT "workspaceId", "wabaId", "phoneNumberId", "appSecretEncrypted", "verifyTokenEncrypted" FROM "WhatsAppAccount"`,
  );
  return rows.map((a) => ({
    workspaceId: a.workspaceId,
    wabaId: a.wabaId,
    phoneNumberId: a.phoneNumberId,
    appSecret: decryptSecret(a.appSecretEncrypted),
    verifyToken: decryptSecret(a.verifyTokenEncrypted),
  }));
}
