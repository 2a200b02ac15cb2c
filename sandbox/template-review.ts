// How the sandbox judges a submitted template, as Meta does: structural problems are refused at once
// (HTTP 400, code 100); content problems are accepted as PENDING and rejected later with Meta's reason.
//
// The documented trigger for demos and tests: a template whose name contains "reject" is rejected.
// A suffix chooses the reason: _reject_promotional, _reject_abusive, _reject_scam, _reject_category,
// _reject_mismatch; any other "reject" gives INVALID_FORMAT.
import { looksPromotional as promotional, placeholders } from "@/lib/templates/rules";
import { CARD_BUTTON_KINDS, TTL } from "@/lib/templates/limits";
import type { CreateTemplateRequest } from "@/lib/whatsapp/schemas";

type Component = { type: string; [key: string]: unknown };
type Button = { type: string; text?: string; url?: string; phone_number?: string; example?: unknown };

function byType(components: Component[], type: string): Component | undefined {
  return components.find((c) => c.type.toUpperCase() === type);
}

/** Problems Meta refuses outright, each naming the field and the limit. */
export function structuralProblems(request: CreateTemplateRequest): string[] {
  const problems: string[] = [];
  const components = request.components as Component[];
  const body = byType(components, "BODY");
  const header = byType(components, "HEADER");
  const footer = byType(components, "FOOTER");
  const buttons = (byType(components, "BUTTONS")?.buttons as Button[] | undefined) ?? [];
  const lto = byType(components, "LIMITED_TIME_OFFER");
  const carousel = byType(components, "CAROUSEL");

  if (!body || typeof body.text !== "string") {
    problems.push("components: a BODY component with text is required");
  } else {
    const limit = lto ? 600 : 1024;
    if (body.text.length > limit) problems.push(`BODY text: at most ${limit} characters (has ${body.text.length})`);
    const params = placeholders(body.text);
    const example = body.example as { body_text?: string[][]; body_text_named_params?: unknown[] } | undefined;
    const samples = example?.body_text?.[0]?.length ?? example?.body_text_named_params?.length ?? 0;
    if (params.length > 0 && samples !== new Set(params).size) {
      problems.push(
        `BODY example: every variable needs a sample (${new Set(params).size} variables, ${samples} samples)`,
      );
    }
  }
  if (header && String(header.format).toUpperCase() === "TEXT") {
    const text = String(header.text ?? "");
    if (text.length > 60) problems.push(`HEADER text: at most 60 characters (has ${text.length})`);
    if (placeholders(text).length > 1) problems.push("HEADER text: at most 1 variable");
  }
  if (footer) {
    const text = String(footer.text ?? "");
    if (text.length > 60) problems.push(`FOOTER text: at most 60 characters (has ${text.length})`);
    if (placeholders(text).length > 0) problems.push("FOOTER text: variables are not allowed");
    if (lto) problems.push("FOOTER: not allowed in limited-time-offer templates");
  }
  const count = (type: string) => buttons.filter((b) => b.type.toUpperCase() === type).length;
  if (buttons.length > 10) problems.push(`BUTTONS: at most 10 in all (has ${buttons.length})`);
  if (count("QUICK_REPLY") > 10) problems.push("BUTTONS: at most 10 quick replies");
  if (count("URL") > 2) problems.push("BUTTONS: at most 2 URL buttons");
  if (count("PHONE_NUMBER") > 1) problems.push("BUTTONS: at most 1 phone number button");
  if (count("COPY_CODE") > 1) problems.push("BUTTONS: at most 1 copy-code button");
  if (count("FLOW") > 1) problems.push("BUTTONS: at most 1 flow button");
  for (const b of buttons)
    if (b.type.toUpperCase() === "FLOW" && !(b as { flow_id?: unknown }).flow_id)
      problems.push("BUTTONS: a FLOW button needs the flow_id of a published flow");
  const kinds = buttons.map((b) => (b.type.toUpperCase() === "QUICK_REPLY" ? "Q" : "O")).join("");
  if (/Q+O+Q+/.test(kinds))
    problems.push("BUTTONS: quick replies must be grouped together, not mixed with other buttons");
  for (const [i, b] of buttons.entries()) {
    if (b.text && b.text.length > 25) problems.push(`BUTTONS[${i}] text: at most 25 characters`);
    if (b.url) {
      if (b.url.length > 2000) problems.push(`BUTTONS[${i}] url: at most 2000 characters`);
      const vars = placeholders(b.url);
      if (vars.length > 1 || (vars.length === 1 && !/\{\{\s*[a-z0-9_]+\s*\}\}$/.test(b.url))) {
        problems.push(`BUTTONS[${i}] url: one variable at most, at the end only`);
      }
      if (vars.length === 1 && !b.example) problems.push(`BUTTONS[${i}] example: the URL variable needs a sample`);
    }
    if (b.phone_number && b.phone_number.length > 20)
      problems.push(`BUTTONS[${i}] phone_number: at most 20 characters`);
  }
  const ttl = request.message_send_ttl_seconds;
  const { min, max } = TTL[request.category];
  if (ttl !== undefined && (ttl < min || ttl > max))
    problems.push(`message_send_ttl_seconds: ${min} to ${max} for ${request.category} templates (has ${ttl})`);
  if (lto) problems.push(...offerProblems(request, lto, header, buttons));
  if (carousel) problems.push(...carouselProblems(request, carousel, { header, footer, buttons }));
  return problems;
}

/** Meta's limited-time offers: marketing only, a headline of 16 characters, one URL button, a short code. */
function offerProblems(request: CreateTemplateRequest, lto: Component, header?: Component, buttons: Button[] = []) {
  const problems: string[] = [];
  const offer = lto.limited_time_offer as { text?: unknown; has_expiration?: unknown } | undefined;
  if (request.category !== "MARKETING") problems.push("LIMITED_TIME_OFFER: marketing templates only");
  if (typeof offer?.text !== "string" || !offer.text.trim()) problems.push("LIMITED_TIME_OFFER text: required");
  else if (offer.text.length > 16)
    problems.push(`LIMITED_TIME_OFFER text: at most 16 characters (has ${offer.text.length})`);
  if (header && !["IMAGE", "VIDEO"].includes(String(header.format).toUpperCase()))
    problems.push("HEADER: a limited-time offer takes an image or video header, or none");
  if (buttons.filter((b) => b.type.toUpperCase() === "URL").length !== 1)
    problems.push("BUTTONS: a limited-time offer needs exactly one URL button");
  for (const b of buttons)
    if (b.type.toUpperCase() === "COPY_CODE" && String(b.example ?? "").length > 15)
      problems.push("BUTTONS copy_code example: at most 15 characters in a limited-time offer");
  return problems;
}

/** Meta's media-card carousels: 2 to 10 cards of one shape, each an image or video with up to 2 buttons. */
function carouselProblems(
  request: CreateTemplateRequest,
  carousel: Component,
  own: { header?: Component; footer?: Component; buttons: Button[] },
) {
  const problems: string[] = [];
  if (request.category !== "MARKETING") problems.push("CAROUSEL: marketing templates only");
  if (own.header || own.footer || own.buttons.length)
    problems.push("CAROUSEL: the message takes only a BODY; headers and buttons go on the cards");
  const cards = Array.isArray(carousel.cards) ? (carousel.cards as { components?: Component[] }[]) : [];
  if (cards.length < 2 || cards.length > 10) problems.push(`CAROUSEL: 2 to 10 cards (has ${cards.length})`);
  const shape = (parts: Component[]) =>
    parts
      .map((c) =>
        c.type.toUpperCase() === "BUTTONS"
          ? `BUTTONS(${((c.buttons as Button[] | undefined) ?? []).map((b) => b.type.toUpperCase())})`
          : c.type.toUpperCase() === "HEADER"
            ? `HEADER(${String(c.format).toUpperCase()})`
            : c.type.toUpperCase(),
      )
      .join();
  cards.forEach((card, i) => {
    const parts = Array.isArray(card.components) ? card.components : [];
    const header = byType(parts, "HEADER");
    const example = header?.example as { header_handle?: unknown[] } | undefined;
    if (!header || !["IMAGE", "VIDEO"].includes(String(header.format).toUpperCase()) || !example?.header_handle?.length)
      problems.push(`CAROUSEL cards[${i}]: an IMAGE or VIDEO header with a sample handle is required`);
    const text = byType(parts, "BODY")?.text;
    if (typeof text === "string" && text.length > 160)
      problems.push(`CAROUSEL cards[${i}] BODY text: at most 160 characters (has ${text.length})`);
    const cardButtons = (byType(parts, "BUTTONS")?.buttons as Button[] | undefined) ?? [];
    if (cardButtons.length > 2) problems.push(`CAROUSEL cards[${i}] BUTTONS: at most 2`);
    if (cardButtons.some((b) => !(CARD_BUTTON_KINDS as readonly string[]).includes(b.type.toUpperCase())))
      problems.push(`CAROUSEL cards[${i}] BUTTONS: quick reply, URL or phone number only`);
    if (i > 0 && shape(parts) !== shape(cards[0]!.components ?? []))
      problems.push(`CAROUSEL cards[${i}]: every card must have the same components as the first`);
  });
  return problems;
}

const TRIGGER_REASONS: Record<string, string> = {
  promotional: "PROMOTIONAL",
  abusive: "ABUSIVE_CONTENT",
  scam: "SCAM",
  category: "INCORRECT_CATEGORY",
  mismatch: "TAG_CONTENT_MISMATCH",
};

export const REASON_EXPLANATIONS: Record<string, string> = {
  INVALID_FORMAT: "The template's format is not valid: a variable is at the very start or end, or two variables touch.",
  PROMOTIONAL: "The content is promotional for the chosen category.",
  ABUSIVE_CONTENT: "The content was found abusive.",
  SCAM: "The content looks like a scam.",
  INCORRECT_CATEGORY: "The category does not match the content.",
  TAG_CONTENT_MISMATCH: "The content does not match the template's category.",
};

/** Meta's decision after review: null approves, else the rejection reason. */
export function reviewDecision(request: CreateTemplateRequest): string | null {
  const trigger = request.name.match(/reject(?:_([a-z]+))?/);
  if (trigger) return TRIGGER_REASONS[trigger[1] ?? ""] ?? "INVALID_FORMAT";
  const body = String(byType(request.components as Component[], "BODY")?.text ?? "").trim();
  if (/^\{\{[^}]+\}\}/.test(body) || /\{\{[^}]+\}\}[.!?]?$/.test(body)) return "INVALID_FORMAT";
  if (/\}\}\s*\{\{/.test(body)) return "INVALID_FORMAT";
  return null;
}

/** Utility templates that read like promotions are moved to marketing by Meta after approval. */
export function looksPromotional(request: CreateTemplateRequest): boolean {
  return promotional(request.category, String(byType(request.components as Component[], "BODY")?.text ?? ""));
}
