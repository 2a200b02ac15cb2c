import type { z } from "zod";
import { en, es, fr, it, pt, sv } from "zod/locales";
import type { Locale } from "./config";

/**
 * zod's own messages ("Too small: expected string to have >=3 characters") in each language, for schemas
 * that do not write their own. Per parse on the server (requests in different languages run at once);
 * in the browser through components/forms/zod-resolver.ts. Only these six of zod's locales are imported, so
 * the browser does not download the other forty.
 */
const LOCALES: Record<Locale, () => { localeError: z.core.$ZodErrorMap }> = { en, es, pt, it, fr, sv };

export const zodErrorMap = (locale: Locale): z.core.$ZodErrorMap => LOCALES[locale]().localeError;
