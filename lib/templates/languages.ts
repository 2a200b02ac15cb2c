// The language codes Meta accepts for templates, with names for the builder's picker.
export const LANGUAGES = [
  ["af", "Afrikaans"],
  ["sq", "Albanian"],
  ["ar", "Arabic"],
  ["az", "Azerbaijani"],
  ["bn", "Bengali"],
  ["bg", "Bulgarian"],
  ["ca", "Catalan"],
  ["zh_CN", "Chinese (China)"],
  ["zh_HK", "Chinese (Hong Kong)"],
  ["zh_TW", "Chinese (Taiwan)"],
  ["hr", "Croatian"],
  ["cs", "Czech"],
  ["da", "Danish"],
  ["nl", "Dutch"],
  ["en", "English"],
  ["en_GB", "English (UK)"],
  ["en_US", "English (US)"],
  ["et", "Estonian"],
  ["fil", "Filipino"],
  ["fi", "Finnish"],
  ["fr", "French"],
  ["ka", "Georgian"],
  ["de", "German"],
  ["el", "Greek"],
  ["gu", "Gujarati"],
  ["ha", "Hausa"],
  ["he", "Hebrew"],
  ["hi", "Hindi"],
  ["hu", "Hungarian"],
  ["id", "Indonesian"],
  ["ga", "Irish"],
  ["it", "Italian"],
  ["ja", "Japanese"],
  ["kn", "Kannada"],
  ["kk", "Kazakh"],
  ["rw_RW", "Kinyarwanda"],
  ["ko", "Korean"],
  ["ky_KG", "Kyrgyz"],
  ["lo", "Lao"],
  ["lv", "Latvian"],
  ["lt", "Lithuanian"],
  ["mk", "Macedonian"],
  ["ms", "Malay"],
  ["ml", "Malayalam"],
  ["mr", "Marathi"],
  ["nb", "Norwegian"],
  ["fa", "Persian"],
  ["pl", "Polish"],
  ["pt_BR", "Portuguese (Brazil)"],
  ["pt_PT", "Portuguese (Portugal)"],
  ["pa", "Punjabi"],
  ["ro", "Romanian"],
  ["ru", "Russian"],
  ["sr", "Serbian"],
  ["sk", "Slovak"],
  ["sl", "Slovenian"],
  ["es", "Spanish"],
  ["es_AR", "Spanish (Argentina)"],
  ["es_ES", "Spanish (Spain)"],
  ["es_MX", "Spanish (Mexico)"],
  ["sw", "Swahili"],
  ["sv", "Swedish"],
  ["ta", "Tamil"],
  ["te", "Telugu"],
  ["th", "Thai"],
  ["tr", "Turkish"],
  ["uk", "Ukrainian"],
  ["ur", "Urdu"],
  ["uz", "Uzbek"],
  ["vi", "Vietnamese"],
  ["zu", "Zulu"],
] as const;

export const LANGUAGE_CODES = LANGUAGES.map(([code]) => code) as unknown as readonly [string, ...string[]];

const ENGLISH_NAMES = new Map<string, string>(LANGUAGES);

/**
 * A template language's name in `locale`: Meta's code ("pt_BR") through Intl.DisplayNames, so server and
 * browser agree. English keeps the picker's own names above; a code Intl does not know falls back to the
 * English name, then to the code itself.
 */
const displayNames = new Map<string, Intl.DisplayNames>(); // one per locale: a picker names some 70 languages

export function languageNameIn(locale: string, code: string): string {
  const english = ENGLISH_NAMES.get(code);
  if (locale === "en" && english) return english;
  try {
    let names = displayNames.get(locale);
    if (!names)
      displayNames.set(locale, (names = new Intl.DisplayNames([locale], { type: "language", fallback: "none" })));
    const name = names.of(code.replace("_", "-"));
    if (name) return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
  } catch {
    // a code Intl does not take
  }
  return english ?? code;
}

/** Whether `code` shares its language with another of `codes` ("en" and "en_US"): then its code helps tell them apart. */
export const codeHelps = (codes: readonly string[], code: string): boolean =>
  codes.some((other) => other !== code && other.split("_")[0] === code.split("_")[0]);
