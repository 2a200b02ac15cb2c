import type { Locale } from "./config";

/** A zone as a select offers it: the IANA id is the value, the label is in the reader's language. */
export type TimeZoneChoice = { value: string; label: string };

/**
 * "Europe/Madrid" read by a Spanish reader: "Madrid (hora de Europa central)". The place comes from the id
 * (Intl has no localised city names; a sub-region follows it: "Knox, Indiana"), the zone's name from Intl in the
 * reader's language. UTC has no city, so it is named alone ("tiempo universal coordinado (UTC)").
 */
export function timeZoneLabel(zone: string, locale: Locale): string {
  if (zone === "UTC") return `${zoneName(zone, locale, "long") ?? "Coordinated Universal Time"} (UTC)`;
  const parts = zone.split("/").map((part) => part.replaceAll("_", " "));
  const place = parts.length > 1 ? parts.slice(1).reverse().join(", ") : parts[0]!;
  const name = zoneName(zone, locale, "longGeneric");
  return name ? `${place} (${name})` : place;
}

function zoneName(zone: string, locale: Locale, style: "long" | "longGeneric"): string | undefined {
  try {
    return new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: style })
      .formatToParts(new Date())
      .find((part) => part.type === "timeZoneName")?.value;
  } catch {
    return undefined;
  }
}

// 418 formatters take ~70 ms: each language's list is built once per process.
const cache = new Map<Locale, TimeZoneChoice[]>();

/**
 * The zones a person may choose, labelled on the server in the reader's language: pages pass this list down,
 * since the browser's own zone list and Intl names (its ICU version) may differ and would not match the
 * server's render. UTC comes first, then the zones in the reader's alphabetical order; `current` (a saved
 * zone) stays listed.
 */
export function timeZoneChoices(locale: Locale, current?: string): TimeZoneChoice[] {
  let choices = cache.get(locale);
  if (!choices) {
    const collator = new Intl.Collator(locale);
    const zones = Intl.supportedValuesOf("timeZone")
      .filter((zone) => zone !== "UTC")
      .map((zone) => ({ value: zone, label: timeZoneLabel(zone, locale) }))
      .sort((a, b) => collator.compare(a.label, b.label));
    choices = [{ value: "UTC", label: timeZoneLabel("UTC", locale) }, ...zones];
    cache.set(locale, choices);
  }
  if (!current || choices.some((choice) => choice.value === current)) return choices;
  return [{ value: current, label: timeZoneLabel(current, locale) }, ...choices];
}
