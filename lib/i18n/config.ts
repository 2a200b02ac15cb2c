/** The languages Parley speaks; English is the default and the source every other catalog follows. */
export const locales = ["en", "es", "pt", "it", "fr", "sv"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";

/** Each language by its own name, as its speakers look for it in a list (not translated on purpose). */
export const localeNames: Record<Locale, string> = {
  en: "English",
  es: "Español",
  pt: "Português (Brasil)",
  it: "Italiano",
  fr: "Français",
  sv: "Svenska",
};

export const isLocale = (value: unknown): value is Locale =>
  typeof value === "string" && (locales as readonly string[]).includes(value);

/** The language a person saved (set at sign-in and on the Account page), or picked on the login page. */
export const LOCALE_COOKIE = "parley-locale";
/** The IANA time zone a person saved on the Account page. */
export const TIME_ZONE_COOKIE = "parley-time-zone";
/** The browser's own zone, written by components/providers/browser-time-zone.tsx. */
export const BROWSER_TIME_ZONE_COOKIE = "parley-browser-time-zone";

/** An IANA zone this runtime knows ("Europe/Stockholm"); anything else in a cookie is ignored. */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== "string" || !value || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
