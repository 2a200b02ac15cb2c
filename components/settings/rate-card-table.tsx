// The rates of one card, market by category, in the card's currency (Settings → Pricing).
import { useTranslations } from "next-intl";
import { Table, Td, Th } from "@/components/ui/table";
import { useFormat } from "@/lib/i18n/format";
import { CARD_CATEGORIES, type RateCard } from "@/lib/pricing/rates";

export function RateCardTable({ card }: { card: RateCard }) {
  const t = useTranslations("settings.pricing");
  const format = useFormat();
  const categories = CARD_CATEGORIES.filter((c) => card.rates.some((r) => r.category === c));
  const markets = [...new Set(card.rates.map((r) => r.market))].sort((a, b) =>
    a === "Other" ? 1 : b === "Other" ? -1 : a.localeCompare(b),
  );
  return (
    <Table caption={t("current.caption")}>
      <thead>
        <tr>
          <Th>{t("current.market")}</Th>
          {categories.map((c) => (
            <Th key={c} className="text-right">
              {t(`categories.${c}`)}
            </Th>
          ))}
        </tr>
      </thead>
      <tbody>
        {markets.map((market) => (
          <tr key={market}>
            <Td>{market === "Other" ? t("otherMarket") : market}</Td>
            {categories.map((c) => {
              const tiers = card.rates
                .filter((r) => r.market === market && r.category === c)
                .sort((a, b) => a.fromVolume - b.fromVolume);
              return (
                <Td key={c} className="text-right tabular-nums">
                  {tiers[0] ? format.money(tiers[0].rateMicros / 1e6, card.currency) : t("current.noRate")}
                  {tiers.length > 1 && (
                    <span className="block text-xs text-muted">{t("current.tiers", { count: tiers.length - 1 })}</span>
                  )}
                </Td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
