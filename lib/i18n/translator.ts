import { createTranslator } from "next-intl";
import { english, type Messages } from "./catalog";
import type { Locale } from "./config";
import { translateMessage } from "./message-key";

// Kept apart from ./server (which reads next/headers): the custom web server (scripts/web.ts) loads lib/http
// and lib/api before Next.js has set up its request storage, and next/headers must not load there.
export const translatorFor = (locale: Locale, messages: Messages) => {
  const t = createTranslator({ locale, messages });
  return Object.assign(t, { locale, message: (text: string) => translateMessage(t, text) });
};

export type RequestTranslator = ReturnType<typeof translatorFor>;

/** English, for answers to machines (the public API) and for callers without a request. */
export const englishTranslator = translatorFor("en", english);
