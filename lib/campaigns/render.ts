// Pure: a template's variable slots, a recipient's values, the language version they get, and the
// Cloud API request that sends it. The builder's preview, the pre-flight check and the dispatcher share it.
import { recipientOf } from "@/lib/contacts/identity";
import { fillPlaceholders, placeholders } from "@/lib/templates/rules";
import type { SendTemplateRequest, TemplateSendComponent } from "@/lib/whatsapp/schemas";
import { isContactField, type ContactField, type Mapping, type Variable } from "./schemas";

type MetaComponent = {
  type: string;
  format?: string;
  text?: string;
  buttons?: { type: string; text?: string; url?: string }[];
};

export type Slot = {
  key: string;
  /** In English, for logs and the inbox; screens put `kind`, `name` and `text` in the reader's words. */
  label: string;
  kind: "header" | "body" | "link" | "payload" | "copyCode";
  /** The placeholder's name ("1", "first_name") of a header or body slot. */
  name?: string;
  /** The button's text of a link or reply slot. */
  text?: string;
  /** Quick-reply payloads are optional: without one, the payload is the button's text. */
  optional: boolean;
  /** A URL button's address with its {{1}}. */
  url?: string;
};

export type TemplateVersion = { name: string; language: string; components: unknown; parameterFormat: string };

const componentsOf = (components: unknown) => (Array.isArray(components) ? (components as MetaComponent[]) : []);
const find = (components: unknown, type: string) => componentsOf(components).find((c) => c.type.toUpperCase() === type);

/** A template's buttons, in order (quick replies, URL, phone, copy code). Copy code's slot is "button:<index>" too. */
export const templateButtons = (components: unknown) => find(components, "BUTTONS")?.buttons ?? [];

/** The media a header needs (IMAGE, VIDEO, DOCUMENT), if any. */
export function headerMediaKind(components: unknown): "IMAGE" | "VIDEO" | "DOCUMENT" | null {
  const format = find(components, "HEADER")?.format?.toUpperCase();
  return format === "IMAGE" || format === "VIDEO" || format === "DOCUMENT" ? format : null;
}

export function templateSlots(components: unknown): Slot[] {
  const slots: Slot[] = [];
  const header = find(components, "HEADER");
  if (header?.format?.toUpperCase() === "TEXT" && placeholders(header.text ?? "").length) {
    const name = placeholders(header.text!)[0]!;
    slots.push({ key: "header", label: `Header {{${name}}}`, kind: "header", name, optional: false });
  }
  for (const name of new Set(placeholders(find(components, "BODY")?.text ?? ""))) {
    slots.push({ key: `body:${name}`, label: `Body {{${name}}}`, kind: "body", name, optional: false });
  }
  templateButtons(components).forEach((b, index) => {
    const type = b.type.toUpperCase();
    if (type === "URL" && placeholders(b.url ?? "").length) {
      slots.push({
        key: `button:${index}`,
        label: `“${b.text}” link ending (${b.url})`,
        kind: "link",
        text: b.text ?? "",
        optional: false,
        url: b.url,
      });
    }
    if (type === "QUICK_REPLY")
      slots.push({
        key: `payload:${index}`,
        label: `“${b.text}” reply payload`,
        kind: "payload",
        text: b.text ?? "",
        optional: true,
      });
    // Meta refuses a copy-code template sent without its code (coupon_code, 20 characters at most).
    if (type === "COPY_CODE")
      slots.push({
        key: `button:${index}`,
        label: "“Copy code” button: the offer code",
        kind: "copyCode",
        optional: false,
      });
  });
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

/** The Cloud API request for one recipient. Throws MissingValueError when a required value is empty. */
export function renderTemplateMessage(input: {
  version: TemplateVersion;
  mapping: Pick<Mapping, "variables">;
  contact: Recipient;
  /** Meta's id of the uploaded header media, or a public https address Meta fetches it from. */
  headerMediaId?: string | null;
  headerMediaLink?: string | null;
  callbackData: string;
  /** The URL ending of a tracked link button (lib/campaigns/links.ts); without it a tracked button cannot be sent. */
  trackLink?: (buttonIndex: number) => string;
}): SendTemplateRequest {
  const { version, mapping, contact } = input;
  const named = version.parameterFormat === "NAMED";
  const value = (slot: string) => {
    const variable = mapping.variables[slot];
    const resolved = variable ? resolveVariable(variable, contact) : "";
    if (!resolved) throw new MissingValueError(slot);
    return resolved;
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
    const kind = mediaKind.toLowerCase() as "image" | "video" | "document";
    components.push({ type: "header", parameters: [{ type: kind, [kind]: media } as never] });
  }
  for (const slot of templateSlots(version.components)) {
    if (slot.key === "header") {
      const name = placeholders(find(version.components, "HEADER")?.text ?? "")[0]!;
      components.push({
        type: "header",
        parameters: [{ type: "text", text: value("header"), ...(named ? { parameter_name: name } : {}) }],
      });
    }
  }
  const bodyNames = [...new Set(placeholders(find(version.components, "BODY")?.text ?? ""))];
  const ordered = named ? bodyNames : [...bodyNames].sort((a, b) => Number(a) - Number(b));
  if (ordered.length) {
    components.push({
      type: "body",
      parameters: ordered.map((name) => ({
        type: "text" as const,
        text: value(`body:${name}`),
        ...(named ? { parameter_name: name } : {}),
      })),
    });
  }
  templateButtons(version.components).forEach((b, index) => {
    const type = b.type.toUpperCase();
    if (type === "URL" && placeholders(b.url ?? "").length) {
      const tracked = mapping.variables[`button:${index}`]?.source === "tracked";
      if (tracked && !input.trackLink) throw new MissingValueError(`button:${index}`);
      const text = tracked ? input.trackLink!(index) : value(`button:${index}`);
      components.push({ type: "button", sub_type: "url", index: String(index), parameters: [{ type: "text", text }] });
    }
    if (type === "COPY_CODE") {
      // A code is never a tracked link.
      if (mapping.variables[`button:${index}`]?.source === "tracked") throw new MissingValueError(`button:${index}`);
      components.push({
        type: "button",
        sub_type: "copy_code",
        index: String(index),
        parameters: [{ type: "coupon_code", coupon_code: value(`button:${index}`) }],
      });
    }
    if (type === "QUICK_REPLY") {
      const variable = mapping.variables[`payload:${index}`];
      const payload = (variable ? resolveVariable(variable, contact) : "") || (b.text ?? "");
      components.push({
        type: "button",
        sub_type: "quick_reply",
        index: String(index),
        parameters: [{ type: "payload", payload: payload.slice(0, 256) }],
      });
    }
  });
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
  const values = (prefix: string) =>
    Object.fromEntries(
      Object.entries(mapping.variables)
        .filter(([key]) => key.startsWith(prefix))
        .map(([key, variable]) => [key.slice(prefix.length), resolveVariable(variable, contact)]),
    );
  const header = find(version.components, "HEADER");
  const headerName = placeholders(header?.text ?? "")[0];
  return {
    header:
      header?.format?.toUpperCase() === "TEXT"
        ? fillPlaceholders(
            header.text ?? "",
            headerName
              ? {
                  [headerName]: mapping.variables.header
                    ? resolveVariable(mapping.variables.header, contact)
                    : undefined,
                }
              : {},
          )
        : null,
    body: fillPlaceholders(find(version.components, "BODY")?.text ?? "", values("body:")),
    footer: find(version.components, "FOOTER")?.text ?? null,
    buttons: templateButtons(version.components).map((b, index) => ({
      text: b.text ?? (b.type.toUpperCase() === "COPY_CODE" ? "Copy code" : ""),
      url:
        mapping.variables[`button:${index}`]?.source === "tracked"
          ? mapping.variables[`button:${index}`]!.value
          : b.url
            ? fillPlaceholders(b.url, {
                [placeholders(b.url)[0] ?? ""]: mapping.variables[`button:${index}`]
                  ? resolveVariable(mapping.variables[`button:${index}`]!, contact)
                  : undefined,
              })
            : null,
    })),
  };
}
