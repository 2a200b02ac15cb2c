// Pure: a template's variable slots, a recipient's values, the language version they get, and the
// Cloud API request that sends it. The builder's preview, the pre-flight check and the dispatcher share it.
import { recipientOf } from "@/lib/contacts/identity";
import { PENDING_FLOW_TOKEN } from "@/lib/flows/send";
import { fillPlaceholders, placeholders } from "@/lib/templates/rules";
import type { SendTemplateRequest, TemplateSendComponent } from "@/lib/whatsapp/schemas";
import { templateButtons } from "@/lib/whatsapp/template-components";
import { isContactField, type ContactField } from "./contact-fields";
import type { Mapping, Variable } from "./schemas";

type MetaComponent = {
  type: string;
  format?: string;
  text?: string;
  cards?: { components?: MetaComponent[] }[];
  limited_time_offer?: { has_expiration?: boolean };
};

export type Slot = {
  key: string;
  /** In English, for logs and the inbox; screens put `kind`, `name` and `text` in the reader's words. */
  label: string;
  kind: "header" | "body" | "link" | "payload" | "copyCode" | "offerExpiry";
  /** The placeholder's name ("1", "first_name") of a header or body slot. */
  name?: string;
  /** The button's text of a link or reply slot. */
  text?: string;
  /** Quick-reply payloads are optional: without one, the payload is the button's text. */
  optional: boolean;
  /** A URL button's address with its {{1}}. */
  url?: string;
  /** A carousel card's number (from 0) when the slot is on a card. */
  card?: number;
};

export type TemplateVersion = { name: string; language: string; components: unknown; parameterFormat: string };

const componentsOf = (components: unknown) => (Array.isArray(components) ? (components as MetaComponent[]) : []);
const find = (components: unknown, type: string) => componentsOf(components).find((c) => c.type.toUpperCase() === type);

// A template's buttons, in order (quick replies, URL, phone, copy code, flow), read where lib/flows can read them
// too. Copy code's slot is "button:<index>" too.
export { templateButtons };

/** A media-card carousel's cards, each its own components (header, body, buttons); none for other templates. */
export const carouselCards = (components: unknown): MetaComponent[][] =>
  (find(components, "CAROUSEL")?.cards ?? []).map((card) => componentsOf(card.components));

/** The media every card of a carousel shows (IMAGE or VIDEO), if the template is one. */
export function cardMediaKind(components: unknown): "IMAGE" | "VIDEO" | null {
  const format = find(carouselCards(components)[0], "HEADER")?.format?.toUpperCase();
  return format === "IMAGE" || format === "VIDEO" ? format : null;
}

/** A limited-time offer (a headline above the message; WhatsApp desktop does not show it). */
export const isOffer = (components: unknown) => find(components, "LIMITED_TIME_OFFER") !== undefined;

/** A limited-time offer that counts down to an expiry each send names. */
export const offerExpires = (components: unknown) =>
  find(components, "LIMITED_TIME_OFFER")?.limited_time_offer?.has_expiration === true;

/** The media a header needs (IMAGE, VIDEO, DOCUMENT), if any. */
export function headerMediaKind(components: unknown): "IMAGE" | "VIDEO" | "DOCUMENT" | null {
  const format = find(components, "HEADER")?.format?.toUpperCase();
  return format === "IMAGE" || format === "VIDEO" || format === "DOCUMENT" ? format : null;
}

/** The body's and buttons' slots of a message, or of a carousel card (keys prefixed "card:<n>:"). */
function contentSlots(components: unknown, card?: number): Slot[] {
  const prefix = card === undefined ? "" : `card:${card}:`;
  const on = card === undefined ? "" : `Card ${card + 1}: `;
  const at = card === undefined ? {} : { card };
  const slots: Slot[] = [];
  for (const name of new Set(placeholders(find(components, "BODY")?.text ?? ""))) {
    slots.push({
      key: `${prefix}body:${name}`,
      label: `${on}Body {{${name}}}`,
      kind: "body",
      name,
      optional: false,
      ...at,
    });
  }
  templateButtons(components).forEach((b, index) => {
    const type = b.type.toUpperCase();
    if (type === "URL" && placeholders(b.url ?? "").length) {
      slots.push({
        key: `${prefix}button:${index}`,
        label: `${on}“${b.text}” link ending (${b.url})`,
        kind: "link",
        text: b.text ?? "",
        optional: false,
        url: b.url,
        ...at,
      });
    }
    if (type === "QUICK_REPLY")
      slots.push({
        key: `${prefix}payload:${index}`,
        label: `${on}“${b.text}” reply payload`,
        kind: "payload",
        text: b.text ?? "",
        optional: true,
        ...at,
      });
    // Meta refuses a copy-code template sent without its code (coupon_code, 20 characters at most).
    if (type === "COPY_CODE")
      slots.push({
        key: `${prefix}button:${index}`,
        label: "“Copy code” button: the offer code",
        kind: "copyCode",
        optional: false,
        ...at,
      });
  });
  return slots;
}

export function templateSlots(components: unknown): Slot[] {
  const slots: Slot[] = [];
  const header = find(components, "HEADER");
  if (header?.format?.toUpperCase() === "TEXT" && placeholders(header.text ?? "").length) {
    const name = placeholders(header.text!)[0]!;
    slots.push({ key: "header", label: `Header {{${name}}}`, kind: "header", name, optional: false });
  }
  slots.push(...contentSlots(components));
  if (offerExpires(components))
    slots.push({ key: "offer", label: "Offer expiry (date and time)", kind: "offerExpiry", optional: false });
  carouselCards(components).forEach((card, i) => slots.push(...contentSlots(card, i)));
  return slots;
}

/** A contact as a template is rendered for it: known by a phone, a BSUID or both (lib/contacts/identity.ts). */
export type Recipient = {
  phone: string | null;
  bsuid?: string | null;
  name: string | null;
  locale: string | null;
  attributes: unknown;
};

function fieldValue(contact: Recipient, field: ContactField): string {
  switch (field) {
    case "first_name":
      return (contact.name ?? "").trim().split(/\s+/)[0] ?? "";
    case "name":
      return contact.name ?? "";
    case "phone":
      return contact.phone ?? "";
    case "locale":
      return contact.locale ?? "";
  }
}

/** A variable's value for a recipient: the field, attribute or constant, else the fallback ("" if none). */
export function resolveVariable(variable: Variable, contact: Recipient): string {
  let value = "";
  if (variable.source === "constant" || variable.source === "tracked") value = variable.value;
  else if (variable.source === "field" && isContactField(variable.value)) value = fieldValue(contact, variable.value);
  else if (variable.source === "attribute") {
    const attributes =
      contact.attributes && typeof contact.attributes === "object"
        ? (contact.attributes as Record<string, unknown>)
        : {};
    // Own keys only: "__proto__" or "constructor" would otherwise send "[object Object]" or a function's source.
    const raw = Object.hasOwn(attributes, variable.value) ? attributes[variable.value] : undefined;
    value = raw === null || raw === undefined ? "" : String(raw);
  }
  return value.trim() || variable.fallback;
}

/**
 * The language version for a contact: their exact locale (es_ES), else one of the same language (es),
 * else the fallback. `languages` are the approved versions.
 */
export function routeLanguage(locale: string | null, languages: string[], fallback: string): string {
  if (locale) {
    const normalised = locale.replace("-", "_");
    const exact = languages.find((l) => l.toLowerCase() === normalised.toLowerCase());
    if (exact) return exact;
    const base = normalised.split("_")[0]!.toLowerCase();
    const sameLanguage = languages.find((l) => l.split("_")[0]!.toLowerCase() === base);
    if (sameLanguage) return sameLanguage;
  }
  return fallback;
}

export class MissingValueError extends Error {
  constructor(readonly slot: string) {
    super(`No value for ${slot} and no fallback`);
  }
}

type Media = { id: string } | { link: string };

/** The Cloud API request for one recipient. Throws MissingValueError when a required value is empty. */
export function renderTemplateMessage(input: {
  version: TemplateVersion;
  mapping: Pick<Mapping, "variables">;
  contact: Recipient;
  /** Meta's id of the uploaded header media, or a public https address Meta fetches it from. */
  headerMediaId?: string | null;
  headerMediaLink?: string | null;
  /** A carousel's media, one a card in order: Meta's ids of the uploaded files, or public addresses. */
  cardMedia?: Media[];
  callbackData: string;
  /**
   * The URL ending of a tracked link button, the message's own or carousel card `card`'s (lib/campaigns/links.ts);
   * without it a tracked button cannot be sent.
   */
  trackLink?: (buttonIndex: number, card?: number) => string;
}): SendTemplateRequest {
  const { version, mapping, contact } = input;
  const named = version.parameterFormat === "NAMED";
  const value = (slot: string) => {
    const variable = mapping.variables[slot];
    const resolved = variable ? resolveVariable(variable, contact) : "";
    if (!resolved) throw new MissingValueError(slot);
    return resolved;
  };
  const mediaParameter = (kind: string, media: Media) => {
    const type = kind.toLowerCase() as "image" | "video" | "document";
    return { type: "header" as const, parameters: [{ type, [type]: media } as never] };
  };

  /** The body's and buttons' parameters of the message, or of carousel card `card` (slot keys prefixed "card:<n>:"). */
  const content = (components: unknown, card?: number): TemplateSendComponent[] => {
    const prefix = card === undefined ? "" : `card:${card}:`;
    const parts: TemplateSendComponent[] = [];
    const bodyNames = [...new Set(placeholders(find(components, "BODY")?.text ?? ""))];
    const ordered = named ? bodyNames : [...bodyNames].sort((a, b) => Number(a) - Number(b));
    if (ordered.length) {
      parts.push({
        type: "body",
        parameters: ordered.map((name) => ({
          type: "text" as const,
          text: value(`${prefix}body:${name}`),
          ...(named ? { parameter_name: name } : {}),
        })),
      });
    }
    templateButtons(components).forEach((b, index) => {
      const type = b.type.toUpperCase();
      const key = `${prefix}button:${index}`;
      if (type === "URL" && placeholders(b.url ?? "").length) {
        // A tracked link's ending names the message, the card (if any) and the button.
        const tracked = mapping.variables[key]?.source === "tracked";
        if (tracked && !input.trackLink) throw new MissingValueError(key);
        const text = tracked ? input.trackLink!(index, card) : value(key);
        parts.push({ type: "button", sub_type: "url", index: String(index), parameters: [{ type: "text", text }] });
      }
      if (type === "COPY_CODE") {
        // A code is never a tracked link.
        if (mapping.variables[key]?.source === "tracked") throw new MissingValueError(key);
        parts.push({
          type: "button",
          sub_type: "copy_code",
          index: String(index),
          parameters: [{ type: "coupon_code", coupon_code: value(key) }],
        });
      }
      // A WhatsApp Flow's button: its token ties the answer to this message (the dispatcher fills it in).
      if (type === "FLOW")
        parts.push({
          type: "button",
          sub_type: "flow",
          index: String(index),
          parameters: [{ type: "action", action: { flow_token: PENDING_FLOW_TOKEN } }],
        });
      if (type === "QUICK_REPLY") {
        const variable = mapping.variables[`${prefix}payload:${index}`];
        const payload = (variable ? resolveVariable(variable, contact) : "") || (b.text ?? "");
        parts.push({
          type: "button",
          sub_type: "quick_reply",
          index: String(index),
          parameters: [{ type: "payload", payload: payload.slice(0, 256) }],
        });
      }
    });
    return parts;
  };

  const components: TemplateSendComponent[] = [];
  const mediaKind = headerMediaKind(version.components);
  if (mediaKind) {
    const media = input.headerMediaId
      ? { id: input.headerMediaId }
      : input.headerMediaLink
        ? { link: input.headerMediaLink }
        : null;
    if (!media) throw new MissingValueError("header media");
    components.push(mediaParameter(mediaKind, media));
  }
  if (templateSlots(version.components).some((slot) => slot.key === "header")) {
    const name = placeholders(find(version.components, "HEADER")?.text ?? "")[0]!;
    components.push({
      type: "header",
      parameters: [{ type: "text", text: value("header"), ...(named ? { parameter_name: name } : {}) }],
    });
  }
  // The body, then a limited-time offer's expiry, then the buttons: the order of Meta's examples.
  const own = content(version.components);
  components.push(...own.filter((c) => c.type === "body"));
  if (offerExpires(version.components)) {
    // Meta counts down to this moment: a date and time (ISO 8601), from a field, an attribute or the campaign.
    const expiresAt = Date.parse(value("offer"));
    if (!Number.isFinite(expiresAt)) throw new MissingValueError("offer");
    components.push({
      type: "limited_time_offer",
      parameters: [{ type: "limited_time_offer", limited_time_offer: { expiration_time_ms: expiresAt } }],
    });
  }
  components.push(...own.filter((c) => c.type !== "body"));
  const cards = carouselCards(version.components);
  if (cards.length) {
    const kind = cardMediaKind(version.components) ?? "IMAGE";
    components.push({
      type: "carousel",
      cards: cards.map((card, i) => {
        const media = input.cardMedia?.[i];
        if (!media) throw new MissingValueError(`card:${i}:media`);
        return { card_index: i, components: [mediaParameter(kind, media), ...content(card, i)] };
      }),
    });
  }
  const recipient = recipientOf({ phone: contact.phone, bsuid: contact.bsuid ?? null });
  if (!recipient) throw new MissingValueError("phone");
  return {
    messaging_product: "whatsapp",
    ...recipient,
    type: "template",
    biz_opaque_callback_data: input.callbackData,
    template: {
      name: version.name,
      language: { code: version.language, policy: "deterministic" },
      ...(components.length ? { components } : {}),
    },
  };
}

/** The message as the recipient reads it, for the builder's preview. Empty values show their slot. */
export function previewText(version: TemplateVersion, mapping: Pick<Mapping, "variables">, contact: Recipient) {
  const valueOf = (key: string) => {
    const variable = mapping.variables[key];
    return variable ? resolveVariable(variable, contact) : undefined;
  };
  /** The body and buttons of the message, or of a carousel card (slot keys prefixed "card:<n>:"). */
  const content = (components: unknown, prefix = "") => ({
    body: fillPlaceholders(
      find(components, "BODY")?.text ?? "",
      Object.fromEntries(
        placeholders(find(components, "BODY")?.text ?? "").map((n) => [n, valueOf(`${prefix}body:${n}`)]),
      ),
    ),
    buttons: templateButtons(components).map((b, index) => {
      const key = `${prefix}button:${index}`;
      return {
        text: b.text ?? (b.type.toUpperCase() === "COPY_CODE" ? "Copy code" : ""),
        url:
          mapping.variables[key]?.source === "tracked"
            ? mapping.variables[key]!.value
            : b.url
              ? fillPlaceholders(b.url, { [placeholders(b.url)[0] ?? ""]: valueOf(key) })
              : null,
      };
    }),
  });
  const header = find(version.components, "HEADER");
  const headerName = placeholders(header?.text ?? "")[0];
  return {
    header:
      header?.format?.toUpperCase() === "TEXT"
        ? fillPlaceholders(header.text ?? "", headerName ? { [headerName]: valueOf("header") } : {})
        : null,
    ...content(version.components),
    footer: find(version.components, "FOOTER")?.text ?? null,
    cards: carouselCards(version.components).map((card, i) => content(card, `card:${i}:`)),
  };
}
