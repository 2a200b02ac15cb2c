import { useLocale } from "next-intl";
import { codeHelps, languageNameIn } from "@/lib/templates/languages";

/**
 * A template language's name in the reader's language (lib/templates/languages: Intl.DisplayNames for the
 * request's locale, so server and browser agree; English keeps the picker's own names).
 */
export function useLanguageName() {
  const locale = useLocale();
  return (code: string): string => languageNameIn(locale, code);
}

/** As useLanguageName, for a plain-text label: "English (US)", with its code after it when another of `among`
 * is the same language ("en" and "en_US"), where the names alone may read alike. */
export function useLanguageLabel() {
  const languageName = useLanguageName();
  return (code: string, among: readonly string[] = []): string =>
    codeHelps(among, code) ? `${languageName(code)} (${code})` : languageName(code);
}
