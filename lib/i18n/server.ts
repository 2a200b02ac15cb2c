import "server-only";
import { cookies, headers } from "next/headers";
import { loadMessages } from "./catalog";
import { BROWSER_TIME_ZONE_COOKIE, LOCALE_COOKIE, TIME_ZONE_COOKIE, type Locale } from "./config";
import { chooseLocale, chooseTimeZone } from "./negotiate";
import { translatorFor, type RequestTranslator } from "./translator";

/** The request's language and zone, from its cookies and Accept-Language (lib/i18n/request.ts uses this too). */
export async function requestPreferences(): Promise<{ locale: Locale; timeZone: string }> {
  const [jar, headerList] = await Promise.all([cookies(), headers()]);
  return {
    locale: chooseLocale(jar.get(LOCALE_COOKIE)?.value, headerList.get("accept-language")),
    timeZone: chooseTimeZone(jar.get(TIME_ZONE_COOKIE)?.value, jar.get(BROWSER_TIME_ZONE_COOKIE)?.value),
  };
}

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
