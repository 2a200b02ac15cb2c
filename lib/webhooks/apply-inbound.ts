// Inbound messages: stored once per wamid with their contact and conversation (the 24-hour window runs
// from the newest one), linked to the campaign message they answer, and read for consent keywords.
import "server-only";
import { recordConsentEvent } from "@/lib/consent/service";
import { consentKeyword, type Keywords } from "@/lib/consent/keywords";
import { recordInboundTriggers } from "@/lib/events/inbound-triggers";
import { recordFlowReply } from "@/lib/flows/answers";
import { sendJob } from "@/lib/jobs/engine";
import { emitInboundEvents } from "@/lib/outbound-webhooks/domain-events";
import { isBsuid } from "@/lib/contacts/identity";
import type { Prisma } from "@/lib/db/client";
import { applyIdentityChange, resolveContact, type IdentityInput } from "@/lib/identity/resolve";
import { replyText } from "@/lib/whatsapp/inbound";
import type { InboundMessageEvent } from "@/lib/whatsapp/schemas";
import { autoReplyJob, consentConfirmJob } from "./jobs";

export type ConsentSettings = { keywords: Keywords; replies: Record<"OPT_OUT" | "OPT_IN", string> };
/** The `contacts[]` entry Meta sends beside a message: the sender's phone, BSUID and profile. */
export type SenderProfile = {
  wa_id?: string;
  user_id?: string;
  parent_user_id?: string;
  profile?: { name?: string; username?: string };
};
export type InboundInput = {
  workspaceId: string;
  message: InboundMessageEvent;
  sender?: SenderProfile;
  consent: ConsentSettings;
};

const asPhone = (digits: string) => `+${digits.replace(/^\+/, "")}`;

/** Who wrote: the phone when Meta shares it, the BSUID (Graph v25's from_user_id, else contacts[].user_id). */
export function senderIdentity(message: InboundMessageEvent, sender?: SenderProfile): IdentityInput {
  const from = message.from && !isBsuid(message.from) ? message.from : undefined;
  const phone = sender?.wa_id ?? from;
  return {
    phone: phone ? asPhone(phone) : null,
    bsuid: message.from_user_id ?? sender?.user_id ?? (message.from && isBsuid(message.from) ? message.from : null),
    parentBsuid: message.from_parent_user_id ?? sender?.parent_user_id ?? null,
    username: sender?.profile?.username ?? null,
    name: sender?.profile?.name ?? null,
  };
}

function clickedButton(message: InboundMessageEvent): string | undefined {
  return (
    message.button?.payload ??
    message.button?.text ??
    message.interactive?.button_reply?.id ??
    message.interactive?.list_reply?.id
  );
}

export async function applyInbound(tx: Prisma.TransactionClient, input: InboundInput): Promise<boolean> {
  const { workspaceId, message } = input;
  const identity = senderIdentity(message, input.sender);
  if (message.type === "system") {
    await applySystemMessage(tx, workspaceId, message, identity);
    return true;
  }
  const contact = await resolveContact(tx, workspaceId, identity, "webhook", message.timestamp);
  if (!contact) throw new Error(`message ${message.id} names no sender (no phone and no user id)`);
  const conversation = await tx.conversation.upsert({
    where: { contactId: contact.id },
    create: { workspaceId, contactId: contact.id, lastActivityAt: message.timestamp },
    update: {},
    select: { id: true },
  });

  const campaignMessage = message.context?.id
    ? await tx.message.findFirst({
        where: { workspaceId, wamid: message.context.id },
        select: { id: true, campaignId: true, callbackData: true },
      })
    : null;
  const created = await tx.inboundMessage.createManyAndReturn({
    data: [
      {
        workspaceId,
        contactId: contact.id,
        conversationId: conversation.id,
        wamid: message.id,
        type: message.type,
        payload: message as Prisma.InputJsonValue,
        contextWamid: message.context?.id,
        campaignMessageId: campaignMessage?.id,
        receivedAt: message.timestamp,
      },
    ],
    skipDuplicates: true,
    select: { id: true },
  });
  if (created.length === 0) return false; // the same delivery again: nothing changes

  await tx.$executeRaw`
    UPDATE "Conversation" SET
      "lastInboundAt" = GREATEST("lastInboundAt", ${message.timestamp}),
      "lastActivityAt" = GREATEST("lastActivityAt", ${message.timestamp}),
      "unreadCount" = "unreadCount" + 1,
      "resolvedAt" = NULL
    WHERE id = ${conversation.id}`;

  if (campaignMessage) {
    await tx.$executeRaw`
      UPDATE "Message" SET
        state = CASE WHEN state IN ('SKIPPED', 'REPLIED') THEN state ELSE 'REPLIED'::"MessageState" END,
        "repliedAt" = LEAST("repliedAt", ${message.timestamp}),
        "clickedButton" = COALESCE("clickedButton", ${clickedButton(message) ?? null})
      WHERE id = ${campaignMessage.id}`;
  }

  const tapped = message.button ?? message.interactive?.button_reply ?? message.interactive?.list_reply;
  await emitInboundEvents(tx, {
    workspaceId,
    inboundMessageId: created[0]!.id,
    wamid: message.id,
    contactId: contact.id,
    phone: identity.phone ?? null,
    bsuid: identity.bsuid ?? null,
    type: message.type,
    text: replyText(message) ?? null,
    occurredAt: message.timestamp,
    replyTo: campaignMessage,
    button: tapped
      ? { payload: clickedButton(message) ?? null, text: message.button?.text ?? replyText(message) ?? null }
      : null,
  });

  const flowReply = message.interactive?.nfm_reply;
  if (flowReply)
    await recordFlowReply(tx, {
      workspaceId,
      contactId: contact.id,
      phone: identity.phone ?? null,
      bsuid: identity.bsuid ?? null,
      inboundMessageId: created[0]!.id,
      wamid: message.id,
      contextWamid: message.context?.id ?? null,
      responseJson: flowReply.response_json,
      occurredAt: message.timestamp,
    });

  const keyword = consentKeyword(replyText(message), input.consent.keywords);
  // A journey may start on what the person wrote or tapped; a consent keyword is the consent module's alone.
  if (!keyword)
    await recordInboundTriggers(tx, {
      workspaceId,
      contactId: contact.id,
      wamid: message.id,
      occurredAt: message.timestamp,
      text: message.type === "text" ? (message.text?.body ?? null) : null,
      tap:
        message.button?.text && campaignMessage?.campaignId
          ? { campaignId: campaignMessage.campaignId, button: message.button.text }
          : null,
    });
  const text = replyText(message)?.trim().toUpperCase();
  const autoReply =
    !keyword && text
      ? await tx.savedReply.findFirst({ where: { workspaceId, keyword: text }, select: { id: true } })
      : null;
  if (autoReply) {
    // A keyword auto-reply: sent by the worker while the window this message opened is open.
    await sendJob(
      autoReplyJob,
      { workspaceId, conversationId: conversation.id, savedReplyId: autoReply.id, replyTo: message.id },
      tx,
      { workspaceId, dedupeKey: message.id },
    );
  }
  if (keyword) {
    await recordConsentEvent(
      {
        workspaceId,
        contactId: contact.id,
        consentListId: null,
        action: keyword,
        source: "KEYWORD",
        proof: `Replied "${replyText(message)}" (${message.id})`,
        occurredAt: message.timestamp,
      },
      tx,
    );
    if (keyword === "OPT_OUT") await attributeOptOut(tx, contact.id, campaignMessage?.id ?? null, message.timestamp);
    // The person just wrote, so the 24-hour window is open: confirm, once per message (dedupe key).
    await sendJob(
      consentConfirmJob,
      { workspaceId, conversationId: conversation.id, text: input.consent.replies[keyword], replyTo: message.id },
      tx,
      { workspaceId, dedupeKey: message.id },
    );
  }
  return true;
}

/**
 * WhatsApp says the person behind a message now has a new phone (user_changed_number, `system.wa_id`) or a
 * new BSUID (user_changed_user_id, `system.user_id`): the contact known by the old one takes it.
 */
async function applySystemMessage(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  message: InboundMessageEvent,
  old: IdentityInput,
) {
  const system = message.system;
  const next =
    system?.type === "user_changed_number" && system.wa_id
      ? { phone: asPhone(system.wa_id) }
      : system?.type === "user_changed_user_id" && system.user_id
        ? { bsuid: system.user_id }
        : null;
  if (next) await applyIdentityChange(tx, workspaceId, { old, next }, "webhook", message.timestamp);
}

/** Opt-outs are a campaign's when they answer its message, or come within this long of it being sent. */
export const OPT_OUT_ATTRIBUTION_HOURS = 72;

/** Marks the campaign message that caused an opt-out (the one answered, else the latest sent recently). */
async function attributeOptOut(tx: Prisma.TransactionClient, contactId: string, answered: string | null, at: Date) {
  const since = new Date(at.getTime() - OPT_OUT_ATTRIBUTION_HOURS * 3_600_000);
  await tx.$executeRaw`
    UPDATE "Message" SET "optedOutAt" = ${at}
    WHERE id = COALESCE(${answered}, (
      SELECT id FROM "Message" WHERE "contactId" = ${contactId} AND "sentAt" BETWEEN ${since} AND ${at} ORDER BY "sentAt" DESC LIMIT 1
    )) AND "optedOutAt" IS NULL`;
}
