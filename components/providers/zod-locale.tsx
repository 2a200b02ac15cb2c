"use client";
import { useLocale } from "next-intl";
import { z } from "zod";
import { zodErrorMap } from "@/lib/i18n/zod";

/**
 * zod's built-in messages in the reader's language for forms checked in the browser (zodResolver). A browser
 * shows one language at a time, so the global setting is safe here; the server passes it per parse instead.
 */
export function ZodLocale() {
  const locale = useLocale();
  z.config({ localeError: zodErrorMap(locale) });
  return null;
}
