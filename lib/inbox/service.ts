// Inbox changes: replies (inside the 24-hour window, or a template outside it), read receipts,
// assignment, resolution, internal notes, quick answers and keyword auto-replies.
import "server-only";
import type { CurrentUser } from "@/lib/auth/guard";
import { recordAudit } from "@/lib/audit/service";
import { renderTemplateMessage, templateSlots } from "@/lib/campaigns/render";
import { assertConsent } from "@/lib/consent/eligibility";
import { recipientOf } from "@/lib/contacts/identity";
import { db, Prisma } from "@/lib/db/client";
import { createFlowToken } from "@/lib/flows/flow-token";
import { flowMessage, messageRef, withFlowToken } from "@/lib/flows/send";
import { messageKey } from "@/lib/i18n/message-key";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { readMedia } from "@/lib/media/service";
import { clientFor } from "@/lib/whatsapp/accounts";
import { WhatsAppApiError } from "@/lib/whatsapp/client";
import { sendRouted } from "@/lib/whatsapp/marketing";
import type { SendMessageRequest } from "@/lib/whatsapp/schemas";
import type { ReplyInput, SavedReplyInput } from "./schemas";
import { fillSavedReply, windowState } from "./window";

export const OUTBOUND_CALLBACK_PREFIX = "po:";

async function conversationOf(workspaceId: string, id: string) {
  const conversation = await db.conversation.findFirst({
    where: { id, workspaceId },
    include: { contact: { select: { id: true, phone: true, bsuid: true, name: true } } },
  });
  if (!conversation) throw new NotFoundError("conversation");
  return conversation;
}

/** The Cloud API request for a reply (media is uploaded to WhatsApp first). */
async function buildRequest(
  workspaceId: string,
  contact: { id: string; phone: string | null; bsuid: string | null },
  reply: ReplyInput,
  client: NonNullable<Awaited<ReturnType<typeof clientFor>>>,
): Promise<SendMessageRequest> {
  // The phone when known, else the person's BSUID (someone who writes with a username and no phone).
  const recipient = recipientOf(contact);
  if (!recipient) throw new ValidationError(messageKey("inbox.errors.noRecipient"));
  const base = { messaging_product: "whatsapp" as const, ...recipient };
  switch (reply.kind) {
    case "text":
      return { ...base, type: "text", text: { body: reply.body, preview_url: true } };
    case "media": {
      const asset = await db.mediaAsset.findFirst({
        where: { id: reply.mediaId, workspaceId },
        select: { kind: true },
      });
      if (!asset)
        throw new ValidationError(messageKey("inbox.errors.notInLibrary"), {
          "reply.mediaId": [messageKey("inbox.errors.notInLibrary")],
        });
      const file = await readMedia(workspaceId, reply.mediaId);
      const { id } = await client.uploadMedia({
        bytes: Buffer.from(file.bytes),
        mimeType: file.mimeType,
        fileName: file.fileName,
      });
      const caption = reply.caption ? { caption: reply.caption } : {};
      if (asset.kind === "IMAGE") return { ...base, type: "image", image: { id, ...caption } };
      if (asset.kind === "VIDEO") return { ...base, type: "video", video: { id, ...caption } };
      return { ...base, type: "document", document: { id, filename: file.fileName, ...caption } };
    }
    case "buttons":
      return {
        ...base,
        type: "interactive",
        interactive: {
          type: "button",
          body: { text: reply.body },
          action: {
            buttons: reply.buttons.map((b, i) => ({
              type: "reply" as const,
              reply: { id: `reply-${i + 1}`, title: b.title },
            })),
          },
        },
      };
    case "list":
      return {
        ...base,
        type: "interactive",
        interactive: {
          type: "list",
          body: { text: reply.body },
          action: {
            button: reply.button,
            sections: [
              {
                rows: reply.rows.map((r, i) => ({
                  id: `option-${i + 1}`,
                  title: r.title,
                  ...(r.description ? { description: r.description } : {}),
                })),
              },
            ],
          },
        },
      };
    case "flow": {
      const flow = await db.flow.findFirst({
        where: { id: reply.flowId, workspaceId, status: "PUBLISHED", metaFlowId: { not: null } },
        select: { metaFlowId: true, json: true },
      });
      if (!flow)
        throw new ValidationError(messageKey("inbox.errors.pickFlow"), {
          "reply.flowId": [messageKey("inbox.errors.pickFlow")],
        });
      return { ...base, type: "interactive", interactive: flowMessage(flow, reply.body, reply.cta) };
    }
    case "template": {
      const template = await db.template.findFirst({
        where: { id: reply.templateId, workspaceId, status: "APPROVED" },
      });
      if (!template)
        throw new ValidationError(messageKey("inbox.errors.notApproved"), {
          "reply.templateId": [messageKey("inbox.errors.notApproved")],
        });
      if (template.category === "AUTHENTICATION" && !contact.phone) {
        const why = messageKey("inbox.errors.authNeedsPhone");
        throw new ValidationError(why, { "reply.templateId": [why] });
      }
      // A template goes only to someone opted in for its purpose and not opted out (lib/consent decides).
      await assertConsent(workspaceId, contact.id, template.category, { field: "reply.templateId" });
      const slots = templateSlots(template.components).filter((s) => !s.optional);
      if (reply.values.length !== slots.length) {
        throw new ValidationError(
          messageKey("inbox.errors.templateValues", {
            count: slots.length,
            slots: slots.map((s) => s.label).join(", "),
          }),
          { "reply.values": [messageKey("inbox.errors.fillVariable")] },
        );
      }
      const variables = Object.fromEntries(
        slots.map((s, i) => [s.key, { source: "constant" as const, value: reply.values[i]!, fallback: "" }]),
      );
      try {
        return renderTemplateMessage({
          version: template,
          mapping: { variables },
          contact: { phone: contact.phone, bsuid: contact.bsuid, name: null, locale: null, attributes: {} },
          callbackData: "",
        });
      } catch {
        throw new ValidationError(messageKey("inbox.errors.mediaTemplate"));
      }
    }
  }
}

export type SentReply = { id: string; state: string; errorReason: string | null };

/**
 * Sends a reply. Outside the 24-hour window only a template may go: anything else is refused with the
 * reason before anything is sent. Meta's refusal is kept on the message (state FAILED, its reason).
 */
export async function sendReply(
  workspaceId: string,
  authorId: string | null,
  input: { conversationId: string; replyTo?: string; reply: ReplyInput },
): Promise<SentReply> {
  const conversation = await conversationOf(workspaceId, input.conversationId);
  const window = windowState(conversation.lastInboundAt);
  if (input.reply.kind !== "template" && !window.open) {
    const why = messageKey("inbox.errors.windowClosed");
    throw new ValidationError(why, { "reply.kind": [why] });
  }
  const client = await clientFor(workspaceId);
  if (!client) throw new ValidationError(messageKey("inbox.errors.notConnected"));
  const request = await buildRequest(workspaceId, conversation.contact, input.reply, client);
  const outbound = await db.outboundMessage.create({
    data: {
      workspaceId,
      conversationId: conversation.id,
      authorId,
      type: input.reply.kind,
      payload: {},
      contextWamid: input.replyTo ?? null,
    },
  });
  // Only fields Meta's OpenAPI allows: biz_opaque_callback_data on a template only (v23 closes the free-form
  // message shapes without it; replies are matched to their statuses by wamid anyway).
  const callback =
    request.type === "template" ? { biz_opaque_callback_data: `${OUTBOUND_CALLBACK_PREFIX}${outbound.id}` } : {};
  // A flow's answer names this message and the person by its token.
  const token = createFlowToken(workspaceId, conversation.contact.id, messageRef("outbound", outbound.id));
  const full = withFlowToken(
    { ...request, ...callback, ...(input.replyTo ? { context: { message_id: input.replyTo } } : {}) },
    token,
  ) as SendMessageRequest;
  let result: SentReply;
  try {
    const response = await sendRouted(client, workspaceId, full);
    const wamid = response.messages[0]!.id;
    await db.outboundMessage.update({
      where: { id: outbound.id },
      data: { wamid, state: "SENT", sentAt: new Date(), payload: full as Prisma.InputJsonValue },
    });
    await foldOutboundStatuses(db, [wamid]); // statuses that overtook the answer
    result = { id: outbound.id, state: "SENT", errorReason: null };
  } catch (error) {
    if (!(error instanceof WhatsAppApiError)) throw error;
    const reason = error.classification.explanation;
    await db.outboundMessage.update({
      where: { id: outbound.id },
      data: {
        state: "FAILED",
        errorCode: error.code,
        errorReason: reason,
        failedAt: new Date(),
        payload: full as Prisma.InputJsonValue,
      },
    });
    result = { id: outbound.id, state: "FAILED", errorReason: reason };
  }
  await db.conversation.update({ where: { id: conversation.id }, data: { lastActivityAt: new Date() } });
  return result;
}

/**
 * Status webhooks for inbox replies, folded from every stored event of their wamids: order and repeats
 * do not matter, and a state never moves back (read > delivered > failed > sent).
 */
export async function foldOutboundStatuses(client: Pick<typeof db, "$executeRaw">, wamids: string[]) {
  if (wamids.length === 0) return;
  await client.$executeRaw`
    UPDATE "OutboundMessage" o SET
      state = CASE e.rank WHEN 40 THEN 'READ' WHEN 30 THEN 'DELIVERED' WHEN 25 THEN 'FAILED' ELSE 'SENT' END,
      "deliveredAt" = COALESCE(e.delivered_at, e.read_at, o."deliveredAt"),
      "readAt" = COALESCE(e.read_at, o."readAt"),
      "failedAt" = COALESCE(e.failed_at, o."failedAt"),
      "errorCode" = COALESCE(e.error_code, o."errorCode"),
      "errorReason" = COALESCE(e.error_title, o."errorReason")
    FROM (
      SELECT wamid,
        max(CASE status WHEN 'read' THEN 40 WHEN 'played' THEN 40 WHEN 'delivered' THEN 30 WHEN 'failed' THEN 25 ELSE 20 END) AS rank,
        min("occurredAt") FILTER (WHERE status = 'delivered') AS delivered_at,
        min("occurredAt") FILTER (WHERE status IN ('read', 'played')) AS read_at,
        min("occurredAt") FILTER (WHERE status = 'failed') AS failed_at,
        max("errorCode") AS error_code, max("errorTitle") AS error_title
      FROM "MessageStatusEvent" WHERE wamid = ANY(${wamids}::text[]) GROUP BY wamid
    ) e
    WHERE o.wamid = e.wamid`;
}

/** Opening a conversation: unread goes to zero and WhatsApp shows the person their messages were read. */
export async function markConversationRead(workspaceId: string, id: string) {
  const conversation = await conversationOf(workspaceId, id);
  if (conversation.unreadCount === 0) return;
  await db.conversation.update({ where: { id }, data: { unreadCount: 0 } });
  const latest = await db.inboundMessage.findFirst({
    where: { conversationId: id },
    orderBy: { receivedAt: "desc" },
    select: { wamid: true },
  });
  const client = await clientFor(workspaceId);
  // Marking the newest message read marks the earlier ones too. A failure only loses the blue ticks.
  if (latest && client)
    await client
      .markRead(latest.wamid)
      .catch((error: unknown) => logger.warn("mark read failed", { conversationId: id, error }));
}

export async function assignConversation(user: CurrentUser, id: string, assigneeId: string | null) {
  await conversationOf(user.workspaceId, id);
  if (assigneeId) {
    const member = await db.membership.findFirst({
      where: { workspaceId: user.workspaceId, userId: assigneeId, role: { in: ["ADMIN", "MARKETER"] } },
    });
    if (!member) throw new ValidationError(messageKey("inbox.errors.assignee"));
  }
  await db.conversation.update({ where: { id }, data: { assignedToId: assigneeId } });
  await recordAudit(user.workspaceId, user.userId, {
    action: "conversation.assigned",
    targetType: "conversation",
    targetId: id,
    details: { assigneeId },
  });
}

export async function setResolved(user: CurrentUser, id: string, resolved: boolean) {
  await conversationOf(user.workspaceId, id);
  await db.conversation.update({
    where: { id },
    data: { resolvedAt: resolved ? new Date() : null, ...(resolved ? { unreadCount: 0 } : {}) },
  });
}

export async function addNote(user: CurrentUser, id: string, body: string) {
  await conversationOf(user.workspaceId, id);
  return db.conversationNote.create({
    data: { workspaceId: user.workspaceId, conversationId: id, authorId: user.userId, body },
    select: { id: true },
  });
}

export async function saveSavedReply(user: CurrentUser, input: SavedReplyInput) {
  const data = { name: input.name, body: input.body, keyword: input.keyword || null };
  try {
    if (input.id) {
      const { count } = await db.savedReply.updateMany({
        where: { id: input.id, workspaceId: user.workspaceId },
        data,
      });
      if (!count) throw new NotFoundError("savedReply");
      return { id: input.id };
    }
    return await db.savedReply.create({ data: { ...data, workspaceId: user.workspaceId }, select: { id: true } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ConflictError(messageKey("inbox.errors.savedReplyTaken"));
    }
    throw error;
  }
}

export async function deleteSavedReply(user: CurrentUser, id: string) {
  const { count } = await db.savedReply.deleteMany({ where: { id, workspaceId: user.workspaceId } });
  if (!count) throw new NotFoundError("savedReply");
}

/** The keyword auto-reply (a job enqueued by the inbound webhook), sent only while the window is open. */
export async function sendAutoReply(
  workspaceId: string,
  conversationId: string,
  savedReplyId: string,
  replyTo: string,
) {
  const [conversation, saved] = await Promise.all([
    conversationOf(workspaceId, conversationId),
    db.savedReply.findFirst({ where: { id: savedReplyId, workspaceId } }),
  ]);
  if (!saved || !windowState(conversation.lastInboundAt).open) return;
  await sendReply(workspaceId, null, {
    conversationId,
    replyTo,
    reply: { kind: "text", body: fillSavedReply(saved.body, conversation.contact) },
  });
}
