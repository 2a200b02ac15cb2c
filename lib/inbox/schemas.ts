// What an agent sends from the inbox, with Meta's limits checked as they type (one schema for the
// composer and the server action), and the quick answers they keep.
import { z } from "zod";

const title = (max: number, what: string) =>
  z.string().trim().min(1, `${what}: required.`).max(max, `${what}: at most ${max} characters (WhatsApp's limit).`);

export const replySchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("text"), body: title(4096, "Message") }),
  z.object({
    kind: z.literal("media"),
    mediaId: z.string().min(1, "Pick a file from the media library."),
    caption: z.string().trim().max(1024, "Caption: at most 1,024 characters.").default(""),
  }),
  z.object({
    kind: z.literal("buttons"),
    body: title(1024, "Message"),
    buttons: z
      .array(z.object({ title: title(20, "Button") }))
      .min(1, "Add at least one button.")
      .max(3, "At most 3 reply buttons (WhatsApp's limit).")
      .refine(
        (b) => new Set(b.map((x) => x.title.toLowerCase())).size === b.length,
        "Each button needs a different title.",
      ),
  }),
  z.object({
    kind: z.literal("list"),
    body: title(4096, "Message"),
    button: title(20, "Menu button"),
    rows: z
      .array(
        z.object({
          title: title(24, "Option"),
          description: z.string().trim().max(72, "Description: at most 72 characters.").default(""),
        }),
      )
      .min(1, "Add at least one option.")
      .max(10, "At most 10 options (WhatsApp's limit)."),
  }),
  z.object({
    kind: z.literal("template"),
    templateId: z.string().min(1, "Pick an approved template."),
    values: z.array(z.string().trim().min(1, "Fill every variable.").max(1024)).max(20).default([]),
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
  name: z.string().trim().min(1, "Name it.").max(60, "At most 60 characters."),
  body: z.string().trim().min(1, "Write the reply.").max(4096, "At most 4,096 characters (WhatsApp's limit)."),
  keyword: z
    .string()
    .trim()
    .max(30, "At most 30 characters.")
    .transform((k) => k.toUpperCase())
    .default(""),
});
export type SavedReplyInput = z.output<typeof savedReplySchema>;

export const WINDOW_MS = 24 * 3_600_000;

/** The customer service window: open for 24 hours after the person's last message. */
export function windowState(lastInboundAt: Date | string | null, now = Date.now()) {
  const last = lastInboundAt ? new Date(lastInboundAt).getTime() : null;
  const closesAt = last === null ? null : last + WINDOW_MS;
  return {
    open: closesAt !== null && closesAt > now,
    closesAt: closesAt === null ? null : new Date(closesAt).toISOString(),
    remainingMs: closesAt === null ? 0 : Math.max(0, closesAt - now),
  };
}

/** Fills {{first_name}}, {{name}} and {{phone}} in a saved reply. */
export function fillSavedReply(body: string, contact: { name: string | null; phone: string }) {
  const values: Record<string, string> = {
    first_name: contact.name?.trim().split(/\s+/)[0] ?? "",
    name: contact.name ?? "",
    phone: contact.phone,
  };
  return body.replace(/\{\{\s*(first_name|name|phone)\s*\}\}/g, (_, key: string) => values[key] || "there");
}
