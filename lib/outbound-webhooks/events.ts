// What each outbound event type a business's endpoint may choose (event-types.ts) means, and the shape of each
// one's `data` (zod, for the docs and the tests). Every payload is Standard Webhooks' envelope {type, timestamp, data}.
import { z } from "zod";
import { OUTBOUND_EVENT_TYPES, type OutboundEventType } from "./event-types";

export const outboundEventTypeSchema = z.enum(OUTBOUND_EVENT_TYPES);

/** One line each, shown beside the checkboxes on the Webhooks page and in the API reference. */
export const OUTBOUND_EVENT_DESCRIPTIONS: Record<OutboundEventType, string> = {
  "message.sent": "WhatsApp accepted a message (campaign or API) and sent it to the person's phone.",
  "message.delivered": "A message reached the person's phone.",
  "message.read": "The person opened a message (only when they share read receipts).",
  "message.failed": "A message could not be delivered, with Meta's error code and Parley's explanation.",
  "message.inbound": "The person wrote to your WhatsApp number.",
  "button.tapped": "The person tapped a quick-reply button or picked a list option.",
  "contact.opted_in": "A contact opted in to a consent list.",
  "contact.opted_out": "A contact opted out of one or more consent lists (STOP, WhatsApp's own setting, an admin).",
  "campaign.completed": "A campaign finished sending to its whole audience.",
  "journey.handoff":
    "A journey hands a person to another channel (mail, SMS): for example not on WhatsApp, or a message not read in time.",
  "flow.completed": "A person completed a WhatsApp Flow (a survey, booking or sign-up form): their answers.",
};

const isoTime = z.string().meta({ description: "ISO 8601 time, UTC", example: "2026-05-04T09:30:00.000Z" });

/** How the person is known: a phone, a business-scoped user id (someone who hides their phone), or both. */
const who = {
  phone: z.string().nullable().meta({
    description: "The contact's phone number, E.164; null if they share only a username",
    example: "+15550123456",
  }),
  bsuid: z.string().nullable().meta({
    description: "WhatsApp's business-scoped user id for the person, when known",
    example: "US.13491208655302741918",
  }),
};

const messageData = z.object({
  messageId: z.string().meta({ description: "Parley's id of the message", example: "cm9x2k1a0000abcd1234efgh" }),
  wamid: z
    .string()
    .nullable()
    .meta({ description: "WhatsApp's id of the message", example: "wamid.HBgLMTU1NTAxMjM0NTY3FQIAERgS" }),
  contactId: z.string().meta({ description: "Parley's id of the contact", example: "cm9x2k1a0000contact00001" }),
  ...who,
  campaignId: z
    .string()
    .nullable()
    .meta({ description: "The campaign that sent it; null for a message sent through the API" }),
  origin: z
    .enum(["campaign", "api", "journey"])
    .meta({ description: "Whether a campaign, an API call or a journey sent it" }),
  templateName: z
    .string()
    .nullable()
    .meta({ description: "The template's name; null for a session message", example: "order_shipped" }),
  callbackData: z.string().nullable().meta({
    description: "The biz_opaque_callback_data given when the message was sent through the API, echoed back",
    example: "order-1042",
  }),
  occurredAt: isoTime,
});

const failedData = messageData.extend({
  error: z.object({
    code: z.number().int().nullable().meta({ description: "Meta's error code", example: 131026 }),
    title: z.string().nullable().meta({ description: "Meta's error title", example: "Message undeliverable" }),
    explanation: z.string().meta({ description: "What it means and what to do, in Parley's words" }),
  }),
});

const inboundData = z.object({
  inboundMessageId: z.string().meta({ description: "Parley's id of the received message" }),
  wamid: z.string().meta({ description: "WhatsApp's id of the received message" }),
  contactId: z.string(),
  ...who,
  type: z
    .string()
    .meta({ description: "WhatsApp's message type: text, image, button, interactive...", example: "text" }),
  text: z
    .string()
    .nullable()
    .meta({ description: "The text, a caption or the tapped button's title", example: "Where is my order?" }),
  replyToMessageId: z.string().nullable().meta({ description: "Parley's id of the message this answers, if any" }),
  occurredAt: isoTime,
});

const buttonData = z.object({
  inboundMessageId: z.string(),
  contactId: z.string(),
  ...who,
  button: z.object({
    payload: z
      .string()
      .nullable()
      .meta({ description: "The button's payload or reply id", example: "CONFIRM_DELIVERY" }),
    text: z.string().nullable().meta({ description: "The button's title as the person saw it", example: "Confirm" }),
  }),
  replyToMessageId: z.string().nullable().meta({ description: "Parley's id of the message whose button was tapped" }),
  campaignId: z.string().nullable(),
  callbackData: z
    .string()
    .nullable()
    .meta({ description: "The API caller's biz_opaque_callback_data of that message" }),
  occurredAt: isoTime,
});

const consentData = z.object({
  contactId: z.string(),
  ...who,
  lists: z
    .array(z.object({ id: z.string(), name: z.string(), category: z.enum(["MARKETING", "UTILITY", "AUTHENTICATION"]) }))
    .meta({ description: "The consent lists whose state changed" }),
  source: z.string().meta({
    description: "What caused it: KEYWORD, BUTTON, WHATSAPP_SETTING, ADMIN, API, IMPORT, ERROR_131050...",
    example: "KEYWORD",
  }),
  occurredAt: isoTime,
});

const campaignData = z.object({
  campaignId: z.string(),
  name: z.string(),
  totals: z
    .record(z.string(), z.number().int())
    .meta({ description: "Messages per final state", example: { SENT: 950, FAILED: 12, SKIPPED: 38 } }),
  completedAt: isoTime,
});

const handoffData = z.object({
  journeyId: z.string(),
  journeyName: z.string().meta({ example: "Abandoned cart" }),
  runId: z.string().meta({ description: "Parley's id of the person's way through the journey" }),
  stepId: z.string().meta({ description: "The hand-off step", example: "handoff_1" }),
  reason: z
    .string()
    .meta({ description: "The reason the marketer wrote on the step", example: "Offer not read in 24 h" }),
  contactId: z.string(),
  ...who,
  name: z.string().nullable().meta({ description: "The contact's name, when known" }),
  properties: z
    .record(z.string(), z.unknown())
    .meta({ description: "The properties of the event that started the journey", example: { cartId: "c-1042" } }),
  occurredAt: isoTime,
});

const flowData = z.object({
  responseId: z.string().meta({ description: "Parley's id of the answer" }),
  flowId: z.string().meta({ description: "Parley's id of the flow" }),
  flowName: z.string().meta({ example: "NPS survey" }),
  contactId: z.string(),
  ...who,
  answers: z
    .record(z.string(), z.unknown())
    .meta({ description: "The answers by field name, as WhatsApp sent them", example: { score: "9", reason: "Fast" } }),
  messageId: z.string().nullable().meta({ description: "The Parley message that carried the flow, if any" }),
  campaignId: z.string().nullable(),
  journeyId: z.string().nullable(),
  occurredAt: isoTime,
});

export const OUTBOUND_EVENT_DATA = {
  "message.sent": messageData,
  "message.delivered": messageData,
  "message.read": messageData,
  "message.failed": failedData,
  "message.inbound": inboundData,
  "button.tapped": buttonData,
  "contact.opted_in": consentData,
  "contact.opted_out": consentData,
  "campaign.completed": campaignData,
  "journey.handoff": handoffData,
  "flow.completed": flowData,
} satisfies Record<OutboundEventType, z.ZodType>;

export type OutboundEventData<T extends OutboundEventType> = z.infer<(typeof OUTBOUND_EVENT_DATA)[T]>;

/** The envelope every endpoint receives (Standard Webhooks): the JSON body that is signed. */
export function outboundPayloadSchema<T extends OutboundEventType>(type: T) {
  return z.object({ type: z.literal(type), timestamp: isoTime, data: OUTBOUND_EVENT_DATA[type] });
}
