import { BarChart3 } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { CompareTable } from "@/components/analytics/compare-table";
import { Ranking, SenderNumbers } from "@/components/analytics/dashboard-tables";
import { DateRangeForm } from "@/components/analytics/date-range-form";
import { measureSeries, rateSeries, RATES, type RateKey } from "@/components/analytics/series";
import { TransactionalTable } from "@/components/analytics/transactional-table";
import { DayTrendTable } from "@/components/analytics/trend-table";
import { EmptyState, PageHeader, Stat } from "@/components/ui/card";
import { ShareChart, TimeChart } from "@/components/ui/chart";
import { ChartCard } from "@/components/ui/chart-card";
import { loadDashboard } from "@/lib/analytics/dashboard";
import { TREND_KEYS } from "@/lib/campaigns/funnel";
import { transactionalTemplateStats } from "@/lib/analytics/transactional";
import { guardPage } from "@/lib/auth/guard";
import { formatDay, formatNumber, formatPercent } from "@/lib/format";

export const metadata: Metadata = { title: "Analytics" };

const RATE_KEYS = Object.keys(RATES) as RateKey[];

export default async function AnalyticsPage({
  searchParams,
}: {
  searchParams: Promise<{ from?: string; to?: string }>;
}) {
  const user = await guardPage("analytics.view");
  const d = await loadDashboard(user.workspaceId, await searchParams);
  const { range, overall } = d;
  const transactional = await transactionalTemplateStats(user.workspaceId, range, d.timeZone);
  const exportHref = (report: string) => `/api/v1/analytics/export?report=${report}&from=${range.from}&to=${range.to}`;
  const period = `${formatDay(range.from)} – ${formatDay(range.to)}`;
  return (
    <>
      <PageHeader
        title="Analytics"
        description={`How your campaigns did, ${period} (days in ${d.timeZone}). Every number comes from the messages' delivery, read, reply and click events.`}
      />
      <DateRangeForm range={range} today={d.today} error={d.error} />
      {d.campaigns.length === 0 ? (
        <EmptyState
          icon={<BarChart3 className="size-6" />}
          title="No campaign activity in this period"
          action={
            <Link href="/campaigns" className="text-sm font-medium text-brand-700 underline">
              See the campaigns
            </Link>
          }
        >
          Pick a longer period, or come back once a campaign has been sent: its deliveries, reads and replies appear
          here within seconds.
        </EmptyState>
      ) : (
        <div className="space-y-6">
          <dl className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-7">
            <Stat
              label="Messages sent"
              value={formatNumber(overall.funnel.sent + overall.funnel.failed)}
              hint={`${d.campaigns.length} campaign${d.campaigns.length === 1 ? "" : "s"}`}
            />
            {RATE_KEYS.map((r) => (
              <Stat
                key={r}
                label={RATES[r].label}
                value={formatPercent(overall.rates[r])}
                hint={r === "delivery" ? "of sent" : "of delivered"}
              />
            ))}
            <Stat
              label="Cost"
              value={`${overall.cost.toFixed(2)} ${d.currency}`}
              hint="billed by Meta, at the price table's rates"
            />
          </dl>
          <ChartCard
            title="Trends"
            description="Per day: messages sent, delivered, read, answered and clicked, and opt-outs."
            exportHref={exportHref("trend")}
            chart={
              <TimeChart
                data={d.trend}
                xKey="day"
                unit="date"
                series={measureSeries(TREND_KEYS.filter((k) => k !== "failed"))}
                label={`Daily sends, deliveries, reads, replies, clicks and opt-outs, ${period}`}
              />
            }
            table={<DayTrendTable points={d.trend} />}
          />
          <ChartCard
            title="Campaigns compared"
            description="Delivery rate is of messages sent; the other rates are of messages delivered."
            exportHref={exportHref("campaigns")}
            chart={
              <ShareChart
                data={d.campaigns.slice(0, 8).map((c) => ({ name: c.name, ...c.rates }))}
                series={rateSeries(RATE_KEYS)}
                label="Rates of the busiest campaigns in the period"
              />
            }
            table={
              <CompareTable
                caption="Campaigns in the period"
                rows={d.campaigns.map((c) => ({ ...c, href: `/campaigns/${c.id}`, detail: c.template }))}
                currency={d.currency}
                empty="No campaigns."
              />
            }
          />
          <ChartCard
            title="Templates compared"
            description="Every campaign that used a template, together."
            exportHref={exportHref("templates")}
            chart={
              <ShareChart
                data={d.templates.slice(0, 8).map((t) => ({ name: t.name, ...t.rates }))}
                series={rateSeries(RATE_KEYS)}
                label="Rates of each template in the period"
              />
            }
            table={
              <CompareTable
                caption="Templates in the period"
                rows={d.templates}
                currency={d.currency}
                empty="No templates."
              />
            }
          />
          <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
            <Ranking title="Best templates" rows={d.top} empty="Not enough deliveries to rank templates yet." />
            <Ranking
              title="Templates to improve"
              rows={d.worst}
              empty="Two or more templates with enough deliveries are needed."
            />
          </div>
          <SenderNumbers numbers={d.numbers} exportHref={exportHref("numbers")} />
        </div>
      )}
      <div className="mt-6">
        <TransactionalTable rows={transactional} period={period} />
      </div>
    </>
  );
}
