// The one place a message is sent: it goes to the Marketing Messages API or to /messages (marketing-route.ts
// decides). Campaigns, the public API's transactional sends and the inbox all send through sendRouted().
// What it reads (the account's onboarding, a template's latest category) is cached for a few seconds per
// process: a campaign sends thousands a second, and a category change or a new onboarding status takes
// effect within CACHE_MS.
import "server-only";
import { db } from "@/lib/db/client";
import { logger } from "@/lib/logger";
import { WhatsAppApiError, type WhatsAppClient } from "./client";
import { endpointFor, ONBOARDED, REFUSED, type SendEndpoint } from "./marketing-route";
import type { SendMessageRequest } from "./schemas";

const CACHE_MS = 15_000;
const cache = new Map<string, { at: number; value: Promise<string | null> }>();

function cached(key: string, load: () => Promise<string | null>): Promise<string | null> {
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
  const value = load().catch((error: unknown) => {
    cache.delete(key);
    throw error;
  });
  cache.set(key, { at: Date.now(), value });
  return value;
}

/** Forgets what was read for a workspace (after its status changed here, so the next send sees it). */
export function forgetMarketingRoute(workspaceId: string) {
  for (const key of cache.keys()) if (key.startsWith(`${workspaceId}|`)) cache.delete(key);
}

const accountStatus = (workspaceId: string) =>
  cached(`${workspaceId}|account`, async () => {
    const account = await db.whatsAppAccount.findUnique({
      where: { workspaceId },
      select: { marketingMessagesStatus: true },
    });
    return account?.marketingMessagesStatus ?? null;
  });

const templateCategory = (workspaceId: string, name: string, language: string) =>
  cached(`${workspaceId}|template|${name}|${language}`, async () => {
    const template = await db.template.findUnique({
      where: { workspaceId_name_language: { workspaceId, name, language } },
      select: { category: true },
    });
    return template?.category ?? null;
  });

/**
 * Where this request would go now. If the lookup fails (the database is away for a moment), /messages: it takes
 * marketing templates too, and a send must never fail before it left, which the caller would have to treat as
 * in doubt.
 */
async function endpointOf(workspaceId: string, request: SendMessageRequest): Promise<SendEndpoint> {
  if (request.type !== "template") return "messages";
  try {
    const status = await accountStatus(workspaceId);
    if (status !== ONBOARDED) return "messages";
    const category = await templateCategory(workspaceId, request.template.name, request.template.language.code);
    return endpointFor(request, { onboarded: true, category });
  } catch (error) {
    logger.warn("could not look up the Marketing Messages API route; sending through /messages", {
      workspaceId,
      error,
    });
    return "messages";
  }
}

/** Meta's refusal of a business that has not (or no longer) accepted the Marketing Messages API's terms. */
const refusedTerms = (error: unknown) =>
  error instanceof WhatsAppApiError &&
  error.code === 131055 &&
  /terms/i.test(`${error.message} ${error.details ?? ""}`);

/**
 * Sends a message to the endpoint it belongs to. If the Marketing Messages API refuses the business (its terms
 * are not accepted although the status said so), the account is marked refused and the same message goes to
 * /messages at once: a refusal is an answer, the message was not accepted, so this is no resend on a guess.
 */
export async function sendRouted(client: WhatsAppClient, workspaceId: string, request: SendMessageRequest) {
  if (request.type !== "template" || (await endpointOf(workspaceId, request)) === "messages")
    return client.sendMessage(request);
  try {
    return await client.sendMarketingMessage({ ...request, to: request.to! }); // endpointFor: only with a phone
  } catch (error) {
    if (!refusedTerms(error)) throw error;
    await db.whatsAppAccount
      .updateMany({
        where: { workspaceId, marketingMessagesStatus: ONBOARDED },
        data: { marketingMessagesStatus: REFUSED, marketingMessagesStatusAt: new Date() },
      })
      .catch((e: unknown) => logger.error("could not mark the Marketing Messages API refused", { workspaceId, e }));
    forgetMarketingRoute(workspaceId);
    return client.sendMessage(request);
  }
}
