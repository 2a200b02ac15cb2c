// The outbound event types apart from their payload schemas (zod), as the endpoint form lists them at render.
export const OUTBOUND_EVENT_TYPES = [
  "message.sent",
  "message.delivered",
  "message.read",
  "message.failed",
  "message.inbound",
  "button.tapped",
  "contact.opted_in",
  "contact.opted_out",
  "campaign.completed",
  "journey.handoff",
  "flow.completed",
] as const;

export type OutboundEventType = (typeof OUTBOUND_EVENT_TYPES)[number];
