// Transactional messages: one person, now (an order update, a reminder), through the same dispatcher and
// consent rule as campaigns (lib/messages/transactional.ts).
import { z } from "zod";
import { idSchema } from "@/lib/ids";
import { defineOperation } from "../operation";

/** Meta refuses a template parameter with a new line, a tab or more than four spaces in a row. */
const parameterText = z
  .string()
  .min(1, "A variable cannot be empty.")
  .max(1024)
  .refine(
    (v) => !/[\n\t]| {5,}/.test(v),
    "WhatsApp refuses variables with new lines, tabs or more than four spaces in a row.",
  );

const templateSend = z
  .object({
    name: z
      .string()
      .regex(/^[a-z0-9_]{1,512}$/, "Template names are lowercase letters, digits and _.")
      .meta({ example: "order_shipped" }),
    language: z
      .string()
      .regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, "A language code such as en_US or es.")
      .optional()
      .meta({
        description:
          "An approved language version. Without it, the contact's locale picks one (else en_US, else the only one).",
        example: "en_US",
      }),
    variables: z
      .object({
        header: parameterText.optional().meta({ description: "The text header's variable." }),
        body: z
          .union([z.array(parameterText).max(100), z.record(z.string().regex(/^[a-z0-9_]{1,64}$/), parameterText)])
          .optional()
          .meta({
            description: "Positional ({{1}}, {{2}}…) as a list in order, or named as an object.",
            example: ["Ada", "#10423", "Friday"],
          }),
      })
      .strict()
      .optional(),
    headerMedia: z
      .object({ link: z.url({ protocol: /^https$/, error: "An https address Meta can fetch." }) })
      .strict()
      .optional()
      .meta({ description: "The image, video or document of a media header." }),
    buttons: z
      .array(
        z
          .object({
            index: z.number().int().min(0).max(9),
            urlSuffix: parameterText.optional().meta({ description: "A URL button's variable ending." }),
            couponCode: z.string().min(1).max(15).optional().meta({ description: "A copy-code button's code." }),
            payload: z
              .string()
              .min(1)
              .max(256)
              .optional()
              .meta({ description: "A quick reply's payload (default: its text)." }),
          })
          .strict(),
      )
      .max(10)
      .optional(),
  })
  .strict();

export const sendMessageBody = z
  .object({
    to: z.string().min(3).max(32).optional().meta({
      description: "The contact's phone number (E.164, or national in the workspace's default country).",
      example: "+447400900123",
    }),
    contactId: idSchema.optional().meta({ description: "Or the contact's Parley id." }),
    template: templateSend
      .optional()
      .meta({ description: "An approved template: for anything outside the person's 24-hour window." }),
    text: z
      .object({ body: z.string().min(1).max(4096), previewUrl: z.boolean().default(false) })
      .strict()
      .optional()
      .meta({ description: "A session message: only inside 24 hours after the person last wrote." }),
    callbackData: z
      .string()
      .max(512)
      .optional()
      .meta({ description: "Your own reference, echoed in this message's webhooks.", example: "order-10423" }),
    respectQuietHours: z.boolean().default(false).meta({
      description:
        "Hold the message until the workspace's quiet hours end in the contact's time zone (transactional messages may ignore them).",
    }),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (!b.to === !b.contactId)
      ctx.addIssue({ code: "custom", path: ["to"], message: "Give either `to` or `contactId`." });
    if (!b.template === !b.text)
      ctx.addIssue({ code: "custom", path: ["template"], message: "Give either `template` or `text`." });
  });
export type SendMessageBody = z.output<typeof sendMessageBody>;

const statusEnum = z.enum(["queued", "sending", "sent", "delivered", "read", "replied", "failed", "skipped"]);

export const messageResource = z
  .object({
    id: z.string(),
    status: statusEnum,
    contactId: z.string(),
    to: z.string(),
    type: z.enum(["template", "text"]),
    template: z.object({ name: z.string(), language: z.string(), category: z.string() }).nullable(),
    callbackData: z.string().nullable(),
    scheduledFor: z.string().meta({ description: "When it may leave (later than now inside quiet hours)." }),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    readAt: z.string().nullable(),
    failedAt: z.string().nullable(),
    error: z.object({ code: z.number().nullable(), reason: z.string() }).nullable(),
    wamid: z.string().nullable(),
  })
  .meta({ id: "Message" });

export const sendMessage = defineOperation({
  id: "sendMessage",
  method: "POST",
  path: "/messages",
  scope: "messages:send",
  tag: "Messages",
  summary: "Send a message to one contact",
  description:
    "Accepts an approved template (or a session message inside the 24-hour window) for one contact and queues it for sending now. The consent rule applies: a template goes only to a contact opted in to a list of its category who has not opted out since; the workspace's marketing cap applies to marketing templates. A refusal says which rule refused it. With an `Idempotency-Key` header, the same key and body are accepted once and the first answer is replayed; the same key with another body is a 409.",
  body: sendMessageBody,
  response: messageResource,
  status: 202,
  idempotent: true,
});

export const getMessage = defineOperation({
  id: "getMessage",
  method: "GET",
  path: "/messages/{id}",
  scope: "messages:send",
  tag: "Messages",
  summary: "Read a message and its status history",
  params: z.object({ id: idSchema }),
  response: messageResource.extend({
    history: z.array(
      z.object({
        status: z.string(),
        at: z.string(),
        errorCode: z.number().nullable(),
        errorTitle: z.string().nullable(),
      }),
    ),
  }),
});
