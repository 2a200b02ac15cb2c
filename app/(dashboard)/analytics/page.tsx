import { BarChart3 } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CompareTable } from "@/components/analytics/compare-table";
import { CostSection } from "@/components/analytics/cost-section";
import { Ranking, SenderNumbers } from "@/components/analytics/dashboard-tables";
import { DateRangeForm } from "@/components/analytics/date-range-form";
import { measureSeries, rateSeries, RATE_KEYS } from "@/components/analytics/series";
import { TransactionalTable } from "@/components/analytics/transactional-table";
import { DayTrendTable } from "@/components/analytics/trend-table";
import { Card, EmptyState, PageHeader, Stat } from "@/components/ui/card";
import { chartShape } from "@/components/analytics/chart-shape";
import { ShareChart, TimeChart } from "@/components/ui/chart";
import { ChartCard } from "@/components/ui/chart-card";
import { loadDashboard } from "@/lib/analytics/dashboard";
import { TREND_KEYS } from "@/lib/campaigns/funnel";
import { DELETED_TEMPLATE } from "@/lib/analytics/names";
import { transactionalTemplateStats } from "@/lib/analytics/transactional";
import { guardPage } from "@/lib/auth/guard";
import { billComparison } from "@/lib/pricing/compare";
import { getFormat } from "@/lib/i18n/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("analytics");
  return { title: t("page.title") };
}

export default async function AnalyticsPage({
  searchParams,
}: {
  searchParams: Promise<{ from?: string; to?: string }>;
}) {
  const user = await guardPage("analytics.view");
  const [t, format] = await Promise.all([getTranslations("analytics"), getFormat()]);
  const d = await loadDashboard(user.workspaceId, await searchParams);
  const { range, overall } = d;
  const [transactional, bill] = await Promise.all([
    transactionalTemplateStats(user.workspaceId, range, d.timeZone),
    billComparison(user.workspaceId, range),
  ]);
  const exportHref = (report: string) => `/api/v1/analytics/export?report=${report}&from=${range.from}&to=${range.to}`;
  const period = t("page.period", { from: format.day(range.from), to: format.day(range.to) });
  const measure = (key: (typeof TREND_KEYS)[number]) => t(`measures.${key}`);
  return (
    <>
      <PageHeader title={t("page.title")} description={t("page.description", { period, timeZone: d.timeZone })} />
      <DateRangeForm range={range} today={d.today} error={d.error} />
      {d.campaigns.length === 0 ? (
        <EmptyState
          icon={<BarChart3 className="size-6" />}
          title={t("page.empty.title")}
          action={
            <Link href="/campaigns" className="text-sm font-medium text-brand-700 underline">
              {t("page.empty.action")}
            </Link>
          }
        >
          {t("page.empty.body")}
        </EmptyState>
      ) : (
        <div className="space-y-6">
          <div className="grid grid-cols-2 gap-3 md:grid-cols-4 2xl:grid-cols-7">
            <Stat
              label={t("page.messagesSent")}
              value={format.number(overall.funnel.sent + overall.funnel.failed)}
              hint={t("page.campaignCount", { count: d.campaigns.length })}
            />
            {RATE_KEYS.map((r) => (
              <Stat
                key={r}
                label={t(`rates.${r}`)}
                value={format.percent(overall.rates[r])}
                hint={r === "delivery" ? t("page.ofAttempted") : t("page.ofDelivered")}
              />
            ))}
            <Stat label={t("page.cost")} value={format.money(overall.cost, d.currency)} hint={t("page.costHint")} />
          </div>
          {d.metaClicks.reported > 0 && (
            <Card className="p-4 text-sm">
              <h2 className="font-semibold">{t("page.metaClicks.title")}</h2>
              <p className="mt-1 text-muted">
                {t("page.metaClicks.body", {
                  reported: d.metaClicks.reported,
                  tracked: d.metaClicks.tracked,
                  other: d.metaClicks.reported - d.metaClicks.tracked,
                })}
              </p>
            </Card>
          )}
          <ChartCard
            title={t("page.trends.title")}
            description={t("page.trends.description")}
            exportHref={exportHref("trend")}
            chart={
              <TimeChart
                data={d.trend}
                xKey="day"
                unit="date"
                series={measureSeries(
                  TREND_KEYS.filter((k) => k !== "failed"),
                  measure,
                )}
                label={t("page.trends.chartLabel", { period })}
                bars={chartShape(d.trend.length) === "bars"}
              />
            }
            table={<DayTrendTable points={d.trend} />}
          />
          <ChartCard
            title={t("page.campaigns.title")}
            description={t("page.campaigns.description")}
            exportHref={exportHref("campaigns")}
            chart={
              <ShareChart
                data={d.campaigns.slice(0, 8).map((c) => ({ name: c.name, ...c.rates }))}
                series={rateSeries(RATE_KEYS, (r) => t(`rates.${r}`))}
                label={t("page.campaigns.chartLabel")}
              />
            }
            table={
              <CompareTable
                caption={t("page.campaigns.caption")}
                rows={d.campaigns.map((c) => ({ ...c, href: `/campaigns/${c.id}`, detail: c.template }))}
                currency={d.currency}
                empty={t("page.campaigns.empty")}
              />
            }
          />
          <ChartCard
            title={t("page.templates.title")}
            description={t("page.templates.description")}
            exportHref={exportHref("templates")}
            chart={
              <ShareChart
                data={d.templates.slice(0, 8).map((row) => ({
                  name: row.name === DELETED_TEMPLATE ? t("deletedTemplate") : row.name,
                  ...row.rates,
                }))}
                series={rateSeries(RATE_KEYS, (r) => t(`rates.${r}`))}
                label={t("page.templates.chartLabel")}
              />
            }
            table={
              <CompareTable
                caption={t("page.templates.caption")}
                rows={d.templates}
                currency={d.currency}
                empty={t("page.templates.empty")}
              />
            }
          />
          <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
            <Ranking title={t("page.best.title")} rows={d.top} empty={t("page.best.empty")} />
            <Ranking title={t("page.worst.title")} rows={d.worst} empty={t("page.worst.empty")} />
          </div>
          <SenderNumbers numbers={d.numbers} exportHref={exportHref("numbers")} />
        </div>
      )}
      <div className="mt-6">
        <TransactionalTable rows={transactional} period={period} />
      </div>
      <div className="mt-6">
        <CostSection bill={bill} currency={d.currency} exportHref={exportHref("cost")} />
      </div>
    </>
  );
}
