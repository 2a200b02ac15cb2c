// Integration-test helpers for the WhatsApp layer: a connected account per workspace, signed
// deliveries through the real receiver, and a campaign with message rows to receive statuses.
import { randomInt } from "node:crypto";
import { db } from "@/lib/db/client";
import { forgetWebhookSecrets, receiveWebhook } from "@/lib/webhooks/ingest";
import { processPendingWebhooks } from "@/lib/webhooks/process";
import { signBody } from "@/lib/webhooks/signature";
import { saveAccount } from "@/lib/whatsapp/accounts";
import type { NumberRef } from "@/lib/whatsapp/webhook-payloads";

export const APP_SECRET = "integration-app-secret";
export const VERIFY_TOKEN = "integration-verify-token";

/** Connects a fresh WABA and number to the workspace; `appSecret` is the one its webhooks are signed with. */
export async function connectAccount(workspaceId: string, appSecret = APP_SECRET): Promise<NumberRef> {
  const n = randomInt(1e9, 9e9);
  const number = { wabaId: `7${n}`, phoneNumberId: `8${n}`, displayPhoneNumber: "15550001111" };
  await saveAccount(workspaceId, {
    wabaId: number.wabaId,
    phoneNumberId: number.phoneNumberId,
    accessToken: "token",
    appSecret,
    verifyToken: VERIFY_TOKEN,
    graphApiBase: "http://127.0.0.1:9/v23.0",
  });
  forgetWebhookSecrets();
  return number;
}

/** Sends a body through the real receiver (signature, durable insert) and returns the HTTP status. */
export async function post(body: unknown, appSecret = APP_SECRET): Promise<number> {
  const raw = Buffer.from(JSON.stringify(body));
  return (await receiveWebhook(raw, signBody(raw, appSecret))).status;
}

/** One request the sandbox received (GET /_sandbox/log): its path, its answer's status and the body sent. */
export type SandboxLogEntry = { seq: number; path: string; status: number; body: Record<string, unknown> | null };

/** What the sandbox received after sequence number `since`, and the newest sequence number. */
export async function sandboxLog(base: string, since = 0) {
  const response = await fetch(`${base}/_sandbox/log?since=${since}&limit=100000`);
  return (await response.json()) as { entries: SandboxLogEntry[]; lastSeq: number };
}

/** Processes until nothing is pending, in batches of `batch`. */
export async function drain(batch = 500) {
  let total = { processed: 0, failed: 0 };
  for (;;) {
    const r = await processPendingWebhooks(batch);
    total = { processed: total.processed + r.processed, failed: total.failed + r.failed };
    if (r.processed + r.failed === 0) return total;
  }
}

export async function campaignWithMessages(workspaceId: string, phones: string[]) {
  const campaign = await db.campaign.create({ data: { workspaceId, name: `Test ${Date.now()}`, status: "SENDING" } });
  const messages = [];
  for (const phone of phones) {
    const contact = await db.contact.upsert({
      where: { workspaceId_phone: { workspaceId, phone } },
      create: { workspaceId, phone },
      update: {},
    });
    messages.push(
      await db.message.create({
        data: { workspaceId, campaignId: campaign.id, contactId: contact.id, state: "CLAIMED" },
      }),
    );
  }
  return { campaign, messages };
}
