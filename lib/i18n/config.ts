/** The languages Parley speaks; English is the default and the source every other catalog follows. */
export const locales = ["en", "es", "pt", "it", "fr", "sv"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";

export const isLocale = (value: unknown): value is Locale =>
  typeof value === "string" && (locales as readonly string[]).includes(value);
