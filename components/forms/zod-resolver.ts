// The zodResolver every react-hook-form form uses. zod's own messages ("Too small: expected string…") come
// in the language the page is written in: the root layout sets <html lang> from the reader's choice. This is
// set here, where the forms are, and not in the root layout, so that pages without a form load no zod.
import { zodResolver } from "@hookform/resolvers/zod";
import { config } from "zod/v4/core";
import { defaultLocale, isLocale } from "@/lib/i18n/config";
import { zodErrorMap } from "@/lib/i18n/zod";

if (typeof document !== "undefined") {
  config({
    localeError: (issue) => {
      const lang = document.documentElement.lang;
      return zodErrorMap(isLocale(lang) ? lang : defaultLocale)(issue);
    },
  });
}

export { zodResolver };
