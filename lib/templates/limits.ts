// The template builder's limits and choices, apart from its zod schema (./schemas.ts), so the builder's
// fields can show them without downloading zod with the page.

export const LIMITS = {
  name: 512,
  headerText: 60,
  body: 1024,
  footer: 60,
  buttonLabel: 25,
  buttonsTotal: 10,
  quickReplies: 10,
  urlButtons: 2,
  phoneButtons: 1,
  copyCodeButtons: 1,
  flowButtons: 1,
  url: 2000,
  phoneNumber: 20,
  copyCode: 20,
  sample: 200,
  /** Media-card carousels: 2 to 10 cards, each an image or video, optional text and up to 2 buttons. */
  minCards: 2,
  cards: 10,
  cardBody: 160,
  cardButtons: 2,
  /** Limited-time offers: the offer's headline, a shorter body and a shorter code. */
  offerText: 16,
  offerBody: 600,
  offerCode: 15,
} as const;

/**
 * How long WhatsApp keeps trying to deliver a message of the template (Meta's message_send_ttl_seconds), by
 * category: Meta's range, and the choices the builder offers within it. Without one, Meta's default applies
 * (10 minutes for authentication, 30 days otherwise). A marketing template's applies through the Marketing
 * Messages API.
 */
export const TTL = {
  AUTHENTICATION: { min: 30, max: 900, choices: [60, 300, 600, 900] },
  UTILITY: { min: 30, max: 43_200, choices: [300, 3_600, 6 * 3_600, 12 * 3_600] },
  MARKETING: { min: 43_200, max: 2_592_000, choices: [12 * 3_600, 86_400, 3 * 86_400, 7 * 86_400, 14 * 86_400] },
} as const;

/** A standard message, a media-card carousel, or a limited-time offer (marketing only, both). */
export const TEMPLATE_FORMATS = ["STANDARD", "CAROUSEL", "LIMITED_TIME_OFFER"] as const;
export type TemplateFormat = (typeof TEMPLATE_FORMATS)[number];

/** The buttons a carousel card takes (no copy code): the builder offers these, the sandbox refuses others. */
export const CARD_BUTTON_KINDS = ["QUICK_REPLY", "URL", "PHONE_NUMBER"] as const;
