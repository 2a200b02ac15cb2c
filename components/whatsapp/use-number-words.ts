// A sender number's quality rating and messaging limit in plain words, for the connection page and analytics
// (a hook: works in Client Components and in non-async Server Components alike).
import { useTranslations } from "next-intl";
import { INELIGIBLE_REASONS, marketingStatusKind } from "@/lib/whatsapp/marketing-route";
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
    /** The business portfolio's messaging limit (shared by all its numbers), as a sentence. */
    portfolioLimit: (raw: string | null | undefined) => {
      const tier = messagingTier(raw);
      if (tier === null) return t("tier.unknown");
      return tier === "unlimited" ? t("limit.unlimited") : t("limit.limited", { count: tier });
    },
    /** Where marketing templates go, from the Marketing Messages API onboarding Meta reported. */
    marketingRoute: (raw: string | null | undefined) => {
      const kind = marketingStatusKind(raw);
      if (kind === "ineligible") {
        const reason = INELIGIBLE_REASONS.find((r) => r === raw) ?? "other";
        return t("marketing.ineligible", { reason: t(`marketing.reason.${reason}`) });
      }
      if (kind === "pending")
        return t(raw === "PENDING_VALID_PAYMENT_METHOD" ? "marketing.pendingPayment" : "marketing.pending");
      return t(`marketing.${kind}`, { status: raw ?? "" });
    },
  };
}
