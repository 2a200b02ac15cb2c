// What an agent sends from the inbox, with Meta's limits checked as they type (one schema for the
// composer and the server action), and the quick answers they keep.
import { z } from "zod";
import { messageKey } from "@/lib/i18n/message-key";

// Messages are keys (inbox.errors), worded where they are shown in the reader's language.
type Field = "message" | "button" | "menuButton" | "option" | "formButton";
const title = (max: number, field: Field) =>
  z
    .string()
    .trim()
    .min(1, messageKey("inbox.errors.required", { field }))
    .max(max, messageKey("inbox.errors.tooLong", { field, max }));

export const replySchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("text"), body: title(4096, "message") }),
  z.object({
    kind: z.literal("media"),
    mediaId: z.string().min(1, messageKey("inbox.errors.pickFile")),
    caption: z.string().trim().max(1024, messageKey("inbox.errors.captionTooLong")).default(""),
  }),
  z.object({
    kind: z.literal("buttons"),
    body: title(1024, "message"),
    buttons: z
      .array(z.object({ title: title(20, "button") }))
      .min(1, messageKey("inbox.errors.noButton"))
      .max(3, messageKey("inbox.errors.tooManyButtons"))
      .refine(
        (b) => new Set(b.map((x) => x.title.toLowerCase())).size === b.length,
        messageKey("inbox.errors.sameButton"),
      ),
  }),
  z.object({
    kind: z.literal("list"),
    body: title(4096, "message"),
    button: title(20, "menuButton"),
    rows: z
      .array(
        z.object({
          title: title(24, "option"),
          description: z.string().trim().max(72, messageKey("inbox.errors.descriptionTooLong")).default(""),
        }),
      )
      .min(1, messageKey("inbox.errors.noOption"))
      .max(10, messageKey("inbox.errors.tooManyOptions")),
  }),
  /** A published WhatsApp Flow (a form), opened from a button under the message. */
  z.object({
    kind: z.literal("flow"),
    flowId: z.string().min(1, messageKey("inbox.errors.pickFlow")),
    body: title(1024, "message"),
    cta: title(20, "formButton"),
  }),
  z.object({
    kind: z.literal("template"),
    templateId: z.string().min(1, messageKey("inbox.errors.pickTemplate")),
    values: z
      .array(z.string().trim().min(1, messageKey("inbox.errors.fillVariable")).max(1024))
      .max(20)
      .default([]),
  }),
]);
export type ReplyInput = z.output<typeof replySchema>;
export type ReplyFormValues = z.input<typeof replySchema>;

export const sendReplySchema = z.object({
  conversationId: z.string().min(1),
  /** The inbound message this answers (shown as a quote on the phone). */
  replyTo: z.string().optional(),
  reply: replySchema,
});

export const INBOX_FILTERS = [
  "all",
  "unread",
  "mine",
  "unassigned",
  "open_window",
  "closed_window",
  "resolved",
] as const;
export const inboxFilterSchema = z.object({
  filter: z.enum(INBOX_FILTERS).catch("all"),
  q: z.string().trim().max(100).catch(""),
  campaignId: z.string().max(40).catch(""),
});
export type InboxFilter = z.output<typeof inboxFilterSchema>;

export const savedReplySchema = z.object({
  id: z.string().optional(),
  name: z
    .string()
    .trim()
    .min(1, messageKey("inbox.errors.nameIt"))
    .max(60, messageKey("inbox.errors.atMost", { max: 60 })),
  body: z
    .string()
    .trim()
    .min(1, messageKey("inbox.errors.writeReply"))
    .max(4096, messageKey("inbox.errors.replyTooLong")),
  keyword: z
    .string()
    .trim()
    .max(30, messageKey("inbox.errors.atMost", { max: 30 }))
    .transform((k) => k.toUpperCase())
    .default(""),
});
export type SavedReplyInput = z.output<typeof savedReplySchema>;
