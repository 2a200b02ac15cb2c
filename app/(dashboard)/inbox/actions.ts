"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/action";
import { savedReplySchema, sendReplySchema } from "@/lib/inbox/schemas";
import {
  addNote,
  assignConversation,
  deleteSavedReply,
  markConversationRead,
  saveSavedReply,
  sendReply,
  setResolved,
} from "@/lib/inbox/service";
import { messageKey } from "@/lib/i18n/message-key";
import { requestTranslator } from "@/lib/i18n/server";

const id = z.object({ conversationId: z.string().min(1) });

export const sendReplyAction = action("inbox.reply", sendReplySchema, async (input, user) => {
  const sent = await sendReply(user.workspaceId, user.userId, input);
  // Why WhatsApp refused it is a message key (lib/whatsapp/errors.ts): the composer shows it in the reader's words.
  return sent.errorReason ? { ...sent, errorReason: (await requestTranslator()).message(sent.errorReason) } : sent;
});

export const markReadAction = action("inbox.reply", id, ({ conversationId }, user) =>
  markConversationRead(user.workspaceId, conversationId),
);

export const assignAction = action(
  "inbox.reply",
  id.extend({ assigneeId: z.string().min(1).nullable() }),
  ({ conversationId, assigneeId }, user) => assignConversation(user, conversationId, assigneeId),
);

export const resolveAction = action(
  "inbox.reply",
  id.extend({ resolved: z.boolean() }),
  ({ conversationId, resolved }, user) => setResolved(user, conversationId, resolved),
);

export const addNoteAction = action(
  "inbox.reply",
  id.extend({ body: z.string().trim().min(1, messageKey("inbox.errors.writeNote")).max(4000) }),
  ({ conversationId, body }, user) => addNote(user, conversationId, body),
);

export const saveSavedReplyAction = action("inbox.reply", savedReplySchema, async (input, user) => {
  const saved = await saveSavedReply(user, input);
  revalidatePath("/inbox/quick-answers");
  return saved;
});

export const deleteSavedReplyAction = action(
  "inbox.reply",
  z.object({ id: z.string().min(1) }),
  async ({ id: replyId }, user) => {
    await deleteSavedReply(user, replyId);
    revalidatePath("/inbox/quick-answers");
  },
);
