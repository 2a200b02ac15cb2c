"use server";
import { isLocale } from "@/lib/i18n/config";
import { chooseLocaleCookie } from "@/lib/i18n/preferences";

/** The login page's language picker, for people not signed in: a cookie, nothing stored. */
export async function chooseLanguageAction(locale: unknown): Promise<void> {
  if (isLocale(locale)) await chooseLocaleCookie(locale);
}
