import type { Locale } from "@/lib/i18n/config";
import type { Messages } from "@/lib/i18n/catalog";

// Typed keys for next-intl: t("campaigns.title") fails tsc when English has no such key.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
