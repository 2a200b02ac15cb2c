import { useLocale } from "next-intl";

/**
 * A template language's name in the reader's language: Meta's code ("pt_BR") through Intl.DisplayNames for the
 * request's locale, so server and browser agree. English keeps the picker's own names (lib/templates/languages).
 */
export function useLanguageName() {
  const locale = useLocale();
  const names = locale === "en" ? null : new Intl.DisplayNames([locale], { type: "language", fallback: "none" });
  return (code: string, english: string): string => {
    if (!names) return english;
    try {
      const name = names.of(code.replace("_", "-"));
      return name ? name.charAt(0).toLocaleUpperCase(locale) + name.slice(1) : english;
    } catch {
      return english; // a code Intl does not take
    }
  };
}
