import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PricingImportForm } from "@/components/settings/pricing-import-form";
import { PricingTiers } from "@/components/settings/pricing-tiers";
import { RateCardTable } from "@/components/settings/rate-card-table";
import { Card, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { guardPage } from "@/lib/auth/guard";
import { getFormat } from "@/lib/i18n/format";
import { cardInEffect, listCards } from "@/lib/pricing/cards";
import { currentTiers } from "@/lib/pricing/volume-tiers";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.pricing");
  return { title: t("title") };
}

export default async function PricingSettingsPage() {
  const user = await guardPage("settings.manage");
  const [t, format, current, cards, tiers] = await Promise.all([
    getTranslations("settings.pricing"),
    getFormat(),
    cardInEffect(user.workspaceId),
    listCards(user.workspaceId),
    currentTiers(user.workspaceId),
  ]);
  const source = (card: { shipped: boolean; source: string }) => (card.shipped ? t("current.shipped") : card.source);
  const inEffect = cards.find((c) => c.id === current?.id);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="space-y-5">
        <Card className="space-y-3 p-6">
          <h2 className="font-semibold">{t("current.heading")}</h2>
          {current && inEffect ? (
            <>
              <p className="text-sm text-muted">
                {t("current.explain", {
                  source: source(inEffect),
                  date: format.day(current.effectiveFrom),
                  currency: current.currency,
                })}
              </p>
              <div className="max-h-[32rem] overflow-auto">
                <RateCardTable card={current} />
              </div>
            </>
          ) : (
            <p className="text-sm">{t("current.none")}</p>
          )}
        </Card>
        <Card className="space-y-3 p-6">
          <h2 className="font-semibold">{t("tiers.heading")}</h2>
          <p className="text-sm text-muted">{t("tiers.explain")}</p>
          <PricingTiers tiers={tiers} card={current} />
        </Card>
        <Card className="space-y-3 p-6">
          <h2 className="font-semibold">{t("cards.heading")}</h2>
          <p className="text-sm text-muted">{t("cards.explain")}</p>
          <Table caption={t("cards.caption")}>
            <thead>
              <tr>
                <Th>{t("cards.effectiveFrom")}</Th>
                <Th>{t("cards.source")}</Th>
                <Th>{t("cards.currency")}</Th>
                <Th className="text-right">{t("cards.rates")}</Th>
                <Th>{t("cards.added")}</Th>
              </tr>
            </thead>
            <tbody>
              {cards.map((card) => (
                <tr key={card.id}>
                  <Td>
                    {format.day(card.effectiveFrom)}
                    {card.id === current?.id && (
                      <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs text-brand-900">
                        {t("cards.inEffect")}
                      </span>
                    )}
                  </Td>
                  <Td>{source(card)}</Td>
                  <Td>{card.currency}</Td>
                  <Td className="text-right tabular-nums">{format.number(card.rates)}</Td>
                  <Td>{format.date(card.createdAt)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
        <PricingImportForm today={new Date().toISOString().slice(0, 10)} />
      </div>
    </>
  );
}
