// What a contact's fields may hold when a caller sets them (the public API): language codes, IANA time
// zones, tags and custom attributes, with their limits. Pure: no database. The import applies the same rules
// to its cells (lib/imports/rows.ts has its own copy of the locale and zone readers).

/** Custom attribute names: what a segment condition can name (lib/segments/schemas.ts). */
export const ATTRIBUTE_KEY = /^[a-zA-Z][a-zA-Z0-9_]{0,39}$/;
export const MAX_ATTRIBUTES_PER_CALL = 50;
export const MAX_ATTRIBUTE_TEXT = 500;
/** A contact's whole attribute object, as stored JSON, after a change is merged in. */
export const MAX_ATTRIBUTES_BYTES = 16 * 1024;

export const MAX_TAGS = 50;
export const MAX_TAG_LENGTH = 40;
export const MAX_NAME_LENGTH = 200;

/** Contacts per page of a list. */
export const MAX_PAGE = 200;

/** Meta's style: language lower-case, region upper-case, joined by an underscore (en_US, es, pt_BR). */
export function normaliseLocale(text: string): string | undefined {
  const match = /^([a-z]{2,3})(?:[-_]([a-z]{2}))?$/i.exec(text.trim());
  if (!match) return undefined;
  return match[2] ? `${match[1]!.toLowerCase()}_${match[2].toUpperCase()}` : match[1]!.toLowerCase();
}

let zones: Map<string, string> | undefined;

/** An IANA zone in its canonical spelling (europe/madrid is Europe/Madrid), or undefined. */
export function normaliseTimeZone(text: string): string | undefined {
  const key = text.trim().toLowerCase();
  if (key === "utc" || key === "gmt" || key === "etc/utc") return "UTC";
  zones ??= new Map(Intl.supportedValuesOf("timeZone").map((z) => [z.toLowerCase(), z]));
  return zones.get(key);
}

/** Tags as Parley keeps them: trimmed, lower-case, without repeats. */
export function normaliseTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim().toLowerCase()).filter(Boolean))];
}
