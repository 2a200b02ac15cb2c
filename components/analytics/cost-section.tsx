// The analytics page's cost: Parley's estimate by category and by market (charts with their tables), Meta's
// bill beside it, and the days, markets and categories where the two differ (docs/pricing.md).
import { useTranslations } from "next-intl";
import { Card, Stat } from "@/components/ui/card";
import { CountChart } from "@/components/ui/chart";
import { ChartCard } from "@/components/ui/chart-card";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { useFormat } from "@/lib/i18n/format";
import type { BillComparison } from "@/lib/pricing/compare";

const CATEGORIES = [
  "marketing",
  "marketing_lite",
  "utility",
  "authentication",
  "authentication_international",
  "service",
  "referral_conversion",
] as const;

type Totals = BillComparison["byCategory"];

export function CostSection({
  bill,
  currency,
  exportHref,
}: {
  bill: BillComparison;
  currency: string;
  exportHref: string;
}) {
  const t = useTranslations("analytics.pricing");
  const tCommon = useTranslations("common");
  const format = useFormat();
  const category = (c: string) =>
    (CATEGORIES as readonly string[]).includes(c)
      ? t(`categories.${c as (typeof CATEGORIES)[number]}`)
      : t("categories.unknown");
  const market = (m: string) => (m === "Other" ? t("otherMarket") : m);
  const money = (value: number) => format.money(value, currency);
  const volume = bill.rows.reduce((s, r) => s + r.parley.volume, 0);
  const free = bill.rows.reduce((s, r) => s + r.parley.free, 0);

  const totalsTable = (caption: string, head: string, rows: Totals, name: (n: string) => string) => (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>{head}</Th>
          <Th className="text-right">{t("columns.messages")}</Th>
          <Th className="text-right">{t("columns.free")}</Th>
          <Th className="text-right">{t("columns.cost", { currency })}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <EmptyRow columns={4}>{t("empty")}</EmptyRow>
        ) : (
          rows.map((r) => (
            <tr key={r.name}>
              <Td>{name(r.name)}</Td>
              <Td className="text-right tabular-nums">{format.number(r.volume)}</Td>
              <Td className="text-right tabular-nums">{format.number(r.free)}</Td>
              <Td className="text-right tabular-nums">{money(r.cost)}</Td>
            </tr>
          ))
        )}
      </tbody>
    </Table>
  );
  // The charts show cost in whole hundredths, the tables the exact figures.
  const chartData = (rows: Totals, name: (n: string) => string) =>
    rows.map((r) => ({ name: name(r.name), count: Math.round(r.cost * 100) / 100 }));

  return (
    <section aria-labelledby="cost-heading" className="space-y-4">
      <div>
        <h2 id="cost-heading" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <p className="text-sm text-muted">{t("description")}</p>
      </div>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat
          label={t("estimate")}
          value={money(bill.total.parley)}
          hint={t("estimateHint", { free, count: volume })}
        />
        <Stat
          label={t("meta")}
          value={bill.total.meta === null ? t("metaNotFetched") : money(bill.total.meta)}
          hint={bill.readAt ? t("metaRead", { at: format.dateTime(bill.readAt) }) : t("metaHint")}
        />
      </div>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <ChartCard
          title={t("byCategory.title")}
          description={t("byCategory.description")}
          chart={
            <CountChart data={chartData(bill.byCategory, category)} label={t("byCategory.chartLabel", { currency })} />
          }
          table={totalsTable(t("byCategory.caption"), t("columns.category"), bill.byCategory, category)}
        />
        <ChartCard
          title={t("byMarket.title")}
          description={t("byMarket.description")}
          chart={<CountChart data={chartData(bill.byMarket, market)} label={t("byMarket.chartLabel", { currency })} />}
          table={totalsTable(t("byMarket.caption"), t("columns.market"), bill.byMarket, market)}
        />
      </div>
      <Card className="p-5">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div>
            <h3 className="font-semibold">{t("compare.title")}</h3>
            <p className="mt-0.5 text-sm text-muted">{t("compare.description")}</p>
          </div>
          <a href={exportHref} download className="text-sm font-medium text-brand-700 underline">
            {tCommon.rich("exportCsv", {
              title: t("compare.title"),
              hidden: (chunks) => <span className="sr-only">{chunks}</span>,
            })}
          </a>
        </div>
        {!bill.fetched ? (
          <p className="mt-3 text-sm">{t("compare.notFetched")}</p>
        ) : bill.differing.length === 0 ? (
          <p className="mt-3 text-sm">{t("compare.matches")}</p>
        ) : (
          <div className="mt-3 max-h-96 overflow-auto">
            <Table caption={t("compare.caption")}>
              <thead>
                <tr>
                  <Th>{t("columns.day")}</Th>
                  <Th>{t("columns.market")}</Th>
                  <Th>{t("columns.category")}</Th>
                  <Th className="text-right">{t("columns.parley")}</Th>
                  <Th className="text-right">{t("columns.meta")}</Th>
                  <Th className="text-right">{t("columns.difference")}</Th>
                </tr>
              </thead>
              <tbody>
                {bill.differing.map((r) => (
                  <tr key={`${r.day}|${r.market}|${r.category}`}>
                    <Td>{format.day(r.day)}</Td>
                    <Td>{market(r.market)}</Td>
                    <Td>{category(r.category)}</Td>
                    <Td className="text-right tabular-nums">
                      {money(r.parley.cost)}
                      <span className="block text-xs text-muted">{t("volume", { count: r.parley.volume })}</span>
                    </Td>
                    <Td className="text-right tabular-nums">
                      {r.meta ? money(r.meta.cost) : t("compare.missing")}
                      {r.meta && (
                        <span className="block text-xs text-muted">{t("volume", { count: r.meta.volume })}</span>
                      )}
                    </Td>
                    <Td className="text-right font-medium tabular-nums">
                      {money((r.meta?.cost ?? 0) - r.parley.cost)}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
      </Card>
    </section>
  );
}
