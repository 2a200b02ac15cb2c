// A sender number's quality rating and messaging limit in plain words, for the connection page and analytics
// (a hook: works in Client Components and in non-async Server Components alike).
import { useTranslations } from "next-intl";
import { messagingTier, qualityRating } from "@/lib/whatsapp/quality";

export function useNumberWords() {
  const t = useTranslations("settings.whatsapp");
  return {
    quality: (raw: string | null | undefined) => t(`quality.${qualityRating(raw)}`),
    tier: (raw: string | null | undefined) => {
      const tier = messagingTier(raw);
      if (tier === null) return t("tier.unknown");
      return tier === "unlimited" ? t("tier.unlimited") : t("tier.limited", { count: tier });
    },
  };
}
