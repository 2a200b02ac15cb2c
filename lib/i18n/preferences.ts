import { cookies } from "next/headers";
import { isLocale, isTimeZone, LOCALE_COOKIE, TIME_ZONE_COOKIE, type Locale } from "./config";

// The language and zone a signed-in person saved travel in cookies (names in ./config), set at sign-in and on
// the Account page: lib/i18n is platform code and cannot read the user from lib/auth, and a cookie costs no
// query per request.
const YEAR = 60 * 60 * 24 * 365;
const options = { path: "/", maxAge: YEAR, sameSite: "lax", httpOnly: false } as const;

/**
 * Stores a saved choice in the cookies (a Server Action or a Route Handler only: pages cannot set cookies).
 * Null follows the browser again. At sign-in an unset language keeps what the login page's picker chose.
 */
export async function rememberPreferences(
  saved: { locale: string | null; timeZone: string | null },
  { atSignIn = false } = {},
) {
  const jar = await cookies();
  if (isLocale(saved.locale)) jar.set(LOCALE_COOKIE, saved.locale, options);
  else if (!atSignIn) jar.delete(LOCALE_COOKIE);
  if (isTimeZone(saved.timeZone)) jar.set(TIME_ZONE_COOKIE, saved.timeZone, options);
  else jar.delete(TIME_ZONE_COOKIE);
}

/** The login page's picker, for people not signed in. */
export async function chooseLocaleCookie(locale: Locale) {
  (await cookies()).set(LOCALE_COOKIE, locale, options);
}
