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
import { forgetMarketingRoute } from "./marketing";
import {
  accountVersion,
  DEFAULT_GRAPH_API_VERSION,
  graphApiUrl,
  splitGraphApiBase,
  versionStanding,
} from "./graph-versions";

const DEFAULT_GRAPH_API_BASE = "https://graph.facebook.com";

/** Meta's own Graph API (the version is chosen apart, lib/whatsapp/graph-versions). */
const META_GRAPH_API_BASE = /^https:\/\/graph\.facebook\.com$/;

/** The host part of an address; a version typed at its end ("…/v24.0") is the version's business, not the host's. */
const normaliseBase = (url: string | undefined) => splitGraphApiBase(url || DEFAULT_GRAPH_API_BASE).host;

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
      graphApiVersion: true,
      accessTokenEncrypted: true,
      qualityRating: true,
      throughputPerSecond: true,
      messagingLimitTier: true,
      marketingMessagesStatus: true,
      marketingMessagesStatusAt: true,
      isSandbox: true,
      updatedAt: true,
    },
  });
  if (!account) return null;
  const { accessTokenEncrypted, ...rest } = account;
  return {
    ...rest,
    graphApiBase: normaliseBase(account.graphApiBase),
    graphApiVersion: accountVersion(account),
    accessTokenMasked: maskSecret(decryptSecret(accessTokenEncrypted)),
  };
}
export type AccountSummary = NonNullable<Awaited<ReturnType<typeof getAccountSummary>>>;

export async function getCredentials(workspaceId: string): Promise<WhatsAppCredentials | null> {
  const account = await db.whatsAppAccount.findUnique({
    where: { workspaceId },
    select: {
      graphApiBase: true,
      graphApiVersion: true,
      wabaId: true,
      phoneNumberId: true,
      appId: true,
      accessTokenEncrypted: true,
    },
  });
  if (!account) return null;
  return {
    baseUrl: graphApiUrl(account),
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
 * phone number id without pasting the token again. The version is the one chosen, else one typed at the
 * end of the address, else the account's own (a new account: the default). Returns the version's change.
 */
export async function saveAccount(workspaceId: string, input: AccountInput, options: { isSandbox?: boolean } = {}) {
  const existing = await db.whatsAppAccount.findUnique({
    where: { workspaceId },
    select: { id: true, graphApiBase: true, graphApiVersion: true },
  });
  const fromVersion = existing ? accountVersion(existing) : null;
  const version =
    input.graphApiVersion ||
    splitGraphApiBase(input.graphApiBase ?? "").version ||
    fromVersion ||
    DEFAULT_GRAPH_API_VERSION;
  // Meta answers an ended version as the oldest one still available (its changes unannounced to this
  // account): choosing one is refused; an account already on it may stay, and its settings page says so.
  if (version !== fromVersion && versionStanding(version, new Date()).state === "ended") {
    const message = messageKey("settings.errors.whatsapp.versionEnded", { version });
    throw new ValidationError(message, { graphApiVersion: [message] });
  }
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
    graphApiVersion: version,
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
  return { version: fromVersion !== null && fromVersion !== version ? { from: fromVersion, to: version } : null };
}

/** Asks Meta (or the sandbox) for the number's health and stores what it says. */
export async function refreshPhoneHealth(workspaceId: string) {
  const client = await clientFor(workspaceId);
  if (!client) return null;
  const health = await client.getPhoneNumberHealth();
  const throughput =
    health.throughput?.level === "HIGH" ? 1000 : health.throughput?.level === "STANDARD" ? 80 : undefined;
  // The Marketing Messages API's onboarding, on the WABA. Not readable (a token without the permission, an
  // older account): the number's health still stands, and sends keep the route they had.
  const marketing = await client.getMarketingMessagesStatus().catch((error: unknown) => {
    logger.warn("could not read the Marketing Messages API onboarding", { workspaceId, error });
    return null;
  });
  const marketingStatus = marketing?.marketing_messages_onboarding_status;
  await db.whatsAppAccount.update({
    where: { workspaceId },
    data: {
      displayPhoneNumber: health.display_phone_number,
      qualityRating: health.quality_rating,
      messagingLimitTier: health.whatsapp_business_manager_messaging_limit,
      ...(throughput ? { throughputPerSecond: throughput } : {}),
      ...(marketingStatus ? { marketingMessagesStatus: marketingStatus, marketingMessagesStatusAt: new Date() } : {}),
    },
  });
  forgetMarketingRoute(workspaceId);
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
