// The template builder's one schema: the form validates with it as you type, the server parses with it
// again. Every limit of CLOUD_API.md is here, with a message that names the field and the limit: a catalog key
// (templates.errors.*, lib/i18n/message-key.ts) that the form and the action wrapper put in the reader's words.
import { z } from "zod";
import { messageKey, type MessageKey } from "@/lib/i18n/message-key";
import { LANGUAGE_CODES } from "./languages";
import { LIMITS, TEMPLATE_FORMATS, TTL } from "./limits";
import { placeholders } from "./rules";

type TemplateError = MessageKey & `templates.errors.${string}`;
const tooLong = (key: TemplateError, limit: number, length: number, values: Record<string, string | number> = {}) =>
  messageKey(key, { ...values, limit, length });

export const headerSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("NONE") }),
  z.object({ type: z.literal("TEXT"), text: z.string(), sample: z.string().optional() }),
  z.object({
    type: z.literal("IMAGE"),
    mediaAssetId: z.string().min(1, { message: messageKey("templates.errors.headerImage") }),
  }),
  z.object({
    type: z.literal("VIDEO"),
    mediaAssetId: z.string().min(1, { message: messageKey("templates.errors.headerVideo") }),
  }),
  z.object({
    type: z.literal("DOCUMENT"),
    mediaAssetId: z.string().min(1, { message: messageKey("templates.errors.headerDocument") }),
  }),
  z.object({ type: z.literal("LOCATION") }),
]);

/** The media library file a saved draft's header shows, if any: a campaign of the template starts with it. */
export function draftHeaderMediaId(draft: unknown): string | null {
  const parsed = z.object({ header: headerSchema }).safeParse(draft);
  return parsed.success && "mediaAssetId" in parsed.data.header ? parsed.data.header.mediaAssetId : null;
}

export const buttonSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("QUICK_REPLY"), text: z.string() }),
  z.object({ type: z.literal("URL"), text: z.string(), url: z.string(), sample: z.string().optional() }),
  z.object({ type: z.literal("PHONE_NUMBER"), text: z.string(), phoneNumber: z.string() }),
  z.object({ type: z.literal("COPY_CODE"), example: z.string() }),
  /** Opens a published WhatsApp Flow (Meta's id) on its first screen. */
  z.object({ type: z.literal("FLOW"), text: z.string(), flowId: z.string(), screen: z.string() }),
]);
export type TemplateButton = z.infer<typeof buttonSchema>;

/** One card of a carousel: its own image or video, an optional text (with variables) and its buttons. */
export const cardSchema = z.object({
  mediaAssetId: z.string(),
  body: z.string(),
  samples: z.record(z.string(), z.string()),
  buttons: z.array(buttonSchema),
});
export type TemplateCard = z.infer<typeof cardSchema>;

/** The media library files a saved draft's carousel cards show, in order: a campaign of the template starts with them. */
export function draftCardMediaIds(draft: unknown): string[] {
  const parsed = z.object({ cards: z.array(z.object({ mediaAssetId: z.string() })) }).safeParse(draft);
  return parsed.success ? parsed.data.cards.map((card) => card.mediaAssetId) : [];
}

/** The shape alone: what a draft must be to be saved, complete or not. */
export const templateShapeSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { message: messageKey("templates.errors.nameRequired") })
    .max(LIMITS.name, { message: messageKey("templates.errors.nameLong", { limit: LIMITS.name }) })
    .regex(/^[a-z0-9_]+$/, { message: messageKey("templates.errors.nameFormat") }),
  category: z.enum(["MARKETING", "UTILITY", "AUTHENTICATION"], {
    message: messageKey("templates.errors.category"),
  }),
  language: z.enum(LANGUAGE_CODES, { message: messageKey("templates.errors.language") }),
  parameterFormat: z.enum(["POSITIONAL", "NAMED"]),
  header: headerSchema,
  body: z.object({ text: z.string(), samples: z.record(z.string(), z.string()) }),
  footer: z.string(),
  buttons: z.array(buttonSchema),
  format: z.enum(TEMPLATE_FORMATS),
  /** A carousel's cards, all of one media kind and one shape. */
  cardMedia: z.enum(["IMAGE", "VIDEO"]),
  cards: z.array(cardSchema),
  /** A limited-time offer's headline, and whether it shows a countdown to an expiry each send names. */
  offer: z.object({ text: z.string(), expires: z.boolean() }),
  /** How long delivery is tried, in seconds (TTL); null: Meta's default. */
  ttlSeconds: z.number().int().nullable(),
});

/** The shape and every rule of Meta's: what a template must be to be submitted. */
export const templateInputSchema = templateShapeSchema.superRefine((t, ctx) => {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
  const named = t.parameterFormat === "NAMED";
  /** What is wrong with a variable's name in `part` ("header" or "body"), or null. */
  const variableProblem = (part: "header" | "body", name: string) =>
    named
      ? /^[a-z][a-z0-9_]*$/.test(name)
        ? null
        : messageKey(`templates.errors.${part}NotNamed`, { placeholder: `{{${name}}}`, example: "{{first_name}}" })
      : /^\d+$/.test(name)
        ? null
        : messageKey(`templates.errors.${part}NotNumbered`, { placeholder: `{{${name}}}`, example: "{{1}}, {{2}}…" });

  // Header
  if (t.header.type === "TEXT") {
    const text = t.header.text;
    if (!text.trim()) issue(["header", "text"], messageKey("templates.errors.headerTextRequired"));
    if (text.length > LIMITS.headerText)
      issue(["header", "text"], tooLong("templates.errors.headerTextLong", LIMITS.headerText, text.length));
    const vars = placeholders(text);
    if (vars.length > 1) issue(["header", "text"], messageKey("templates.errors.headerOneVariable"));
    for (const v of vars) {
      const problem = variableProblem("header", v);
      if (problem) issue(["header", "text"], problem);
    }
    if (vars.length === 1 && !t.header.sample?.trim())
      issue(["header", "sample"], messageKey("templates.errors.headerSample"));
  }

  /** The variables of a text (the body, or card `card`'s): each well named, each with a sample within its limit. */
  const checkVariables = (path: (string | number)[], text: string, samples: Record<string, string>, card?: number) => {
    for (const v of new Set(placeholders(text))) {
      const problem = variableProblem("body", v);
      if (problem) issue(path, problem);
      else if (!samples[v]?.trim())
        issue(
          [...path.slice(0, -1), "samples", v],
          card === undefined
            ? messageKey("templates.errors.bodySample", { placeholder: `{{${v}}}` })
            : messageKey("templates.errors.cardSample", { number: card, placeholder: `{{${v}}}` }),
        );
      else if (samples[v]!.length > LIMITS.sample)
        issue(
          [...path.slice(0, -1), "samples", v],
          tooLong("templates.errors.sampleLong", LIMITS.sample, samples[v]!.length, { placeholder: `{{${v}}}` }),
        );
    }
  };
  const offer = t.format === "LIMITED_TIME_OFFER";
  const carousel = t.format === "CAROUSEL";

  // Body
  const body = t.body.text;
  const bodyLimit = offer ? LIMITS.offerBody : LIMITS.body;
  if (!body.trim()) issue(["body", "text"], messageKey("templates.errors.bodyRequired"));
  if (body.length > bodyLimit) issue(["body", "text"], tooLong("templates.errors.bodyLong", bodyLimit, body.length));
  checkVariables(["body", "text"], body, t.body.samples);
  const vars = [...new Set(placeholders(body))];
  if (!named && vars.length > 0 && vars.every((v) => /^\d+$/.test(v))) {
    const expected = vars.map((_, i) => String(i + 1));
    if ([...vars].sort((a, b) => Number(a) - Number(b)).join() !== expected.join()) {
      issue(["body", "text"], messageKey("templates.errors.bodyGaps", { first: "{{1}}", last: `{{${vars.length}}}` }));
    }
  }
  const trimmed = body.trim();
  if (/^\{\{[^}]*\}\}/.test(trimmed) || /\{\{[^}]*\}\}[.!?]?$/.test(trimmed)) {
    issue(["body", "text"], messageKey("templates.errors.bodyEdges"));
  }
  if (/\}\}\s*\{\{/.test(body)) issue(["body", "text"], messageKey("templates.errors.bodyTouching"));

  // Footer
  if (t.footer.length > LIMITS.footer)
    issue(["footer"], tooLong("templates.errors.footerLong", LIMITS.footer, t.footer.length));
  if (placeholders(t.footer).length > 0) issue(["footer"], messageKey("templates.errors.footerVariables"));

  // Buttons
  const checkButtons = (path: (string | number)[], buttons: TemplateButton[]) =>
    buttons.forEach((b, i) => {
      const at = (field: string) => [...path, i, field];
      const number = { number: i + 1 };
      if (b.type !== "COPY_CODE") {
        if (!b.text.trim()) issue(at("text"), messageKey("templates.errors.buttonLabelRequired", number));
        if (b.text.length > LIMITS.buttonLabel)
          issue(at("text"), tooLong("templates.errors.buttonLabelLong", LIMITS.buttonLabel, b.text.length, number));
      }
      if (b.type === "URL") {
        if (b.url.length > LIMITS.url)
          issue(at("url"), tooLong("templates.errors.buttonUrlLong", LIMITS.url, b.url.length, number));
        if (!/^https?:\/\/[^\s/$.?#][^\s]*$/i.test(b.url))
          issue(at("url"), messageKey("templates.errors.buttonUrlFormat", number));
        const urlVars = placeholders(b.url);
        if (urlVars.length > 1 || (urlVars.length === 1 && !/\{\{[^}]+\}\}$/.test(b.url))) {
          issue(at("url"), messageKey("templates.errors.buttonUrlVariable", number));
        }
        if (urlVars.length === 1 && !b.sample?.trim())
          issue(at("sample"), messageKey("templates.errors.buttonUrlSample", number));
      }
      if (b.type === "PHONE_NUMBER") {
        if (b.phoneNumber.length > LIMITS.phoneNumber)
          issue(
            at("phoneNumber"),
            tooLong("templates.errors.buttonPhoneLong", LIMITS.phoneNumber, b.phoneNumber.length, number),
          );
        if (!/^\+[1-9]\d{6,18}$/.test(b.phoneNumber.replace(/[\s-]/g, "")))
          issue(at("phoneNumber"), messageKey("templates.errors.buttonPhoneFormat", number));
      }
      if (b.type === "FLOW" && !b.flowId)
        issue(at("flowId"), messageKey("templates.errors.buttonFlowRequired", number));
      if (b.type === "COPY_CODE") {
        const limit = offer ? LIMITS.offerCode : LIMITS.copyCode;
        if (!b.example.trim()) issue(at("example"), messageKey("templates.errors.buttonCodeRequired", number));
        if (b.example.length > limit)
          issue(at("example"), tooLong("templates.errors.buttonCodeLong", limit, b.example.length, number));
      }
    });
  const of = (type: TemplateButton["type"]) => t.buttons.filter((b) => b.type === type).length;
  if (t.buttons.length > LIMITS.buttonsTotal)
    issue(
      ["buttons"],
      messageKey("templates.errors.buttonsTotal", { max: LIMITS.buttonsTotal, count: t.buttons.length }),
    );
  if (of("QUICK_REPLY") > LIMITS.quickReplies)
    issue(["buttons"], messageKey("templates.errors.quickReplies", { max: LIMITS.quickReplies }));
  if (of("URL") > LIMITS.urlButtons)
    issue(["buttons"], messageKey("templates.errors.urlButtons", { max: LIMITS.urlButtons }));
  if (of("PHONE_NUMBER") > LIMITS.phoneButtons)
    issue(["buttons"], messageKey("templates.errors.phoneButtons", { max: LIMITS.phoneButtons }));
  if (of("COPY_CODE") > LIMITS.copyCodeButtons)
    issue(["buttons"], messageKey("templates.errors.copyCodeButtons", { max: LIMITS.copyCodeButtons }));
  if (of("FLOW") > LIMITS.flowButtons)
    issue(["buttons"], messageKey("templates.errors.flowButtons", { max: LIMITS.flowButtons }));
  const kinds = t.buttons.map((b) => (b.type === "QUICK_REPLY" ? "Q" : "O")).join("");
  if (/Q+O+Q/.test(kinds)) issue(["buttons"], messageKey("templates.errors.quickRepliesTogether"));
  checkButtons(["buttons"], t.buttons);

  // The delivery window, within Meta's range for the category.
  const ttl = TTL[t.category];
  if (t.ttlSeconds !== null && (t.ttlSeconds < ttl.min || t.ttlSeconds > ttl.max))
    issue(["ttlSeconds"], messageKey("templates.errors.ttlRange", { category: t.category }));

  // Carousels and limited-time offers: marketing only, each with its own shape.
  if ((carousel || offer) && t.category !== "MARKETING")
    issue(["format"], messageKey("templates.errors.formatMarketingOnly"));
  if ((carousel || offer) && t.footer) issue(["footer"], messageKey("templates.errors.formatNoFooter"));
  if (offer) {
    if (!t.offer.text.trim()) issue(["offer", "text"], messageKey("templates.errors.offerTextRequired"));
    if (t.offer.text.length > LIMITS.offerText)
      issue(["offer", "text"], tooLong("templates.errors.offerTextLong", LIMITS.offerText, t.offer.text.length));
    if (t.header.type !== "NONE" && t.header.type !== "IMAGE" && t.header.type !== "VIDEO")
      issue(["header"], messageKey("templates.errors.offerHeader"));
    if (of("URL") !== 1 || t.buttons.some((b) => b.type !== "URL" && b.type !== "COPY_CODE"))
      issue(["buttons"], messageKey("templates.errors.offerButtons"));
  }
  if (carousel) {
    if (t.header.type !== "NONE") issue(["header"], messageKey("templates.errors.carouselHeader"));
    if (t.buttons.length) issue(["buttons"], messageKey("templates.errors.carouselButtons"));
    if (t.cards.length < LIMITS.minCards || t.cards.length > LIMITS.cards)
      issue(
        ["cards"],
        messageKey("templates.errors.cardsCount", { min: LIMITS.minCards, max: LIMITS.cards, count: t.cards.length }),
      );
    const shape = (card: TemplateCard) => [Boolean(card.body.trim()), ...card.buttons.map((b) => b.type)].join();
    t.cards.forEach((card, i) => {
      const number = { number: i + 1 };
      if (!card.mediaAssetId)
        issue(
          ["cards", i, "mediaAssetId"],
          messageKey(`templates.errors.card${t.cardMedia === "VIDEO" ? "Video" : "Image"}`, number),
        );
      if (card.body.length > LIMITS.cardBody)
        issue(
          ["cards", i, "body"],
          tooLong("templates.errors.cardBodyLong", LIMITS.cardBody, card.body.length, number),
        );
      checkVariables(["cards", i, "body"], card.body, card.samples, i + 1);
      if (card.buttons.length > LIMITS.cardButtons)
        issue(
          ["cards", i, "buttons"],
          messageKey("templates.errors.cardButtons", { ...number, max: LIMITS.cardButtons }),
        );
      if (card.buttons.some((b) => b.type === "COPY_CODE"))
        issue(["cards", i, "buttons"], messageKey("templates.errors.cardCopyCode", number));
      checkButtons(["cards", i, "buttons"], card.buttons);
      if (i > 0 && shape(card) !== shape(t.cards[0]!))
        issue(["cards", i, "buttons"], messageKey("templates.errors.cardsAlike", number));
    });
  }
});
export type TemplateInput = z.infer<typeof templateInputSchema>;

export const EMPTY_TEMPLATE: TemplateInput = {
  name: "",
  category: "MARKETING",
  language: "en_US",
  parameterFormat: "POSITIONAL",
  header: { type: "NONE" },
  body: { text: "", samples: {} },
  footer: "",
  buttons: [],
  format: "STANDARD",
  cardMedia: "IMAGE",
  cards: [],
  offer: { text: "", expires: true },
  ttlSeconds: null,
};
