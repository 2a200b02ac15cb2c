import "server-only";
import { cookies, headers } from "next/headers";
import { createTranslator } from "next-intl";
import { english, loadMessages, type Messages } from "./catalog";
import { BROWSER_TIME_ZONE_COOKIE, LOCALE_COOKIE, TIME_ZONE_COOKIE, type Locale } from "./config";
import { translateMessage } from "./message-key";
import { chooseLocale, chooseTimeZone } from "./negotiate";

/** The request's language and zone, from its cookies and Accept-Language (lib/i18n/request.ts uses this too). */
export async function requestPreferences(): Promise<{ locale: Locale; timeZone: string }> {
  const [jar, headerList] = await Promise.all([cookies(), headers()]);
  return {
    locale: chooseLocale(jar.get(LOCALE_COOKIE)?.value, headerList.get("accept-language")),
    timeZone: chooseTimeZone(jar.get(TIME_ZONE_COOKIE)?.value, jar.get(BROWSER_TIME_ZONE_COOKIE)?.value),
  };
}

const translatorFor = (locale: Locale, messages: Messages) => {
  const t = createTranslator({ locale, messages });
  return Object.assign(t, { locale, message: (text: string) => translateMessage(t, text) });
};

export type RequestTranslator = ReturnType<typeof translatorFor>;

/** English, for answers to machines (the public API) and for callers without a request. */
export const englishTranslator = translatorFor("en", english);

/**
 * A translator over every namespace in the request's language, for platform code that answers people
 * (the action and route wrappers); `.message(text)` translates a message key (lib/i18n/message-key.ts).
 * It needs only next/headers, so it also runs where next-intl's getTranslations cannot: integration tests
 * call server actions outside Next.js.
 */
export async function requestTranslator(): Promise<RequestTranslator> {
  const { locale } = await requestPreferences();
  return translatorFor(locale, await loadMessages(locale));
}
