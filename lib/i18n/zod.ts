import { z } from "zod";
import type { Locale } from "./config";

/**
 * zod's own messages ("Too small: expected string to have >=3 characters") in each language, for schemas
 * that do not write their own. Per parse on the server (requests in different languages run at once);
 * once, globally, in the browser (components/providers/zod-locale.tsx).
 */
const LOCALES: Record<Locale, () => { localeError: z.core.$ZodErrorMap }> = {
  en: z.locales.en,
  es: z.locales.es,
  pt: z.locales.pt,
  it: z.locales.it,
  fr: z.locales.fr,
  sv: z.locales.sv,
};

export const zodErrorMap = (locale: Locale): z.core.$ZodErrorMap => LOCALES[locale]().localeError;
