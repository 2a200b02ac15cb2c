import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";
import { defaultLocale, isLocale, isTimeZone, locales, type Locale } from "./config";

/** The language a request is answered in: the person's own choice, else the browser's best match, else English. */
export function chooseLocale(chosen: string | undefined, acceptLanguage: string | null): Locale {
  if (isLocale(chosen)) return chosen;
  const requested = new Negotiator({ headers: { "accept-language": acceptLanguage ?? "" } }).languages();
  // "*" or a malformed tag makes the matcher throw: the browser then said nothing useful.
  try {
    const best = match(requested, locales, defaultLocale);
    return isLocale(best) ? best : defaultLocale;
  } catch {
    return defaultLocale;
  }
}

/** The zone times are shown in: the person's saved zone, else their browser's, else UTC. */
export function chooseTimeZone(saved: string | undefined, browser: string | undefined): string {
  if (isTimeZone(saved)) return saved;
  if (isTimeZone(browser)) return browser;
  return "UTC";
}
