// This month's volume tiers as Meta announced them (Settings → Pricing), in words: which market and category,
// which messages of the month the tier covers, since when, and whether the card in effect prices it.
import { useTranslations } from "next-intl";
import { useFormat } from "@/lib/i18n/format";
import { hasTiers, cardCategoryOf, type RateCard } from "@/lib/pricing/rates";
import type { CurrentTier } from "@/lib/pricing/volume-tiers";

export function PricingTiers({ tiers, card }: { tiers: CurrentTier[]; card: RateCard | null }) {
  const t = useTranslations("settings.pricing.tiers");
  const categories = useTranslations("settings.pricing.categories");
  const format = useFormat();
  if (tiers.length === 0) return <p className="text-sm">{t("none")}</p>;
  return (
    <ul className="space-y-2 text-sm">
      {tiers.map((tier) => {
        const category = cardCategoryOf(tier.category);
        const priced = card !== null && category !== null && hasTiers(card, tier.market, category);
        const values = {
          category: category ? categories(category) : tier.category,
          market: tier.market,
          from: format.number(tier.fromVolume + 1),
          to: format.number(tier.toVolume ?? 0),
          since: format.date(tier.reachedAt),
        };
        return (
          <li key={`${tier.market}|${tier.category}`}>
            {tier.toVolume === null ? t("topTier", values) : t("tier", values)}
            <span className="block text-xs text-muted">{priced ? t("priced") : t("notPriced")}</span>
          </li>
        );
      })}
    </ul>
  );
}
