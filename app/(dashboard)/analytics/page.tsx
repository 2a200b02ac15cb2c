import { BarChart3 } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { ChartCard } from "@/components/analytics/chart-card";
import { RatesChart, TrendChart } from "@/components/analytics/charts";
import { CompareTable } from "@/components/analytics/compare-table";
import { DateRangeForm } from "@/components/analytics/date-range-form";
import { formatDay, RATES, type RateKey } from "@/components/analytics/series";
import { DayTrendTable } from "@/components/analytics/trend-table";
import { Card, EmptyState, PageHeader, Stat } from "@/components/ui/card";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { loadDashboard } from "@/lib/analytics/dashboard";
import { TREND_KEYS } from "@/lib/analytics/funnel";
import { guardPage } from "@/lib/auth/guard";
import { formatNumber, formatPercent } from "@/lib/format";

export const metadata: Metadata = { title: "Analytics" };

const RATE_KEYS = Object.keys(RATES) as RateKey[];

export default async function AnalyticsPage({ searchParams }: { searchParams: Promise<{ from?: string; to?: string }> }) {
  const user = await guardPage("analytics.view");
  const d = await loadDashboard(user.workspaceId, await searchParams);
  const { range, overall } = d;
  const exportHref = (report: string) => `/api/v1/analytics/export?report=${report}&from=${range.from}&to=${range.to}`;
  const period = `${formatDay(range.from)} – ${formatDay(range.to)}`;
  return (
    <>
      <PageHeader title="Analytics" description={`How your campaigns did, ${period} (days in ${d.timeZone}). Every number comes from the messages' delivery, read, reply and click events.`} />
      <DateRangeForm range={range} today={d.today} error={d.error} />
      {d.campaigns.length === 0 ? (
        <EmptyState icon={<BarChart3 className="size-6" />} title="No campaign activity in this period" action={<Link href="/campaigns" className="text-sm font-medium text-brand-700 underline">See the campaigns</Link>}>
          Pick a longer period, or come back once a campaign has been sent: its deliveries, reads and replies appear here within seconds.
        </EmptyState>
      ) : (
        <div className="space-y-6">
          <dl className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-7">
            <Stat label="Messages sent" value={formatNumber(overall.funnel.sent + overall.funnel.failed)} hint={`${d.campaigns.length} campaign${d.campaigns.length === 1 ? "" : "s"}`} />
            {RATE_KEYS.map((r) => (
              <Stat key={r} label={RATES[r].label} value={formatPercent(overall.rates[r])} hint={r === "delivery" ? "of sent" : "of delivered"} />
            ))}
            <Stat label="Cost" value={`${overall.cost.toFixed(2)} ${d.currency}`} hint="billed by Meta, at the price table's rates" />
          </dl>
          <ChartCard
            title="Trends"
            description="Per day: messages sent, delivered, read, answered and clicked, and opt-outs."
            exportHref={exportHref("trend")}
            chart={<TrendChart data={d.trend} xKey="day" unit="date" measures={TREND_KEYS.filter((k) => k !== "failed")} label={`Daily sends, deliveries, reads, replies, clicks and opt-outs, ${period}`} />}
            table={<DayTrendTable points={d.trend} />}
          />
          <ChartCard
            title="Campaigns compared"
            description="Delivery rate is of messages sent; the other rates are of messages delivered."
            exportHref={exportHref("campaigns")}
            chart={<RatesChart data={d.campaigns.slice(0, 8).map((c) => ({ name: c.name, ...c.rates }))} rates={RATE_KEYS} label="Rates of the busiest campaigns in the period" />}
            table={<CompareTable caption="Campaigns in the period" rows={d.campaigns.map((c) => ({ ...c, href: `/campaigns/${c.id}`, detail: c.template }))} currency={d.currency} empty="No campaigns." />}
          />
          <ChartCard
            title="Templates compared"
            description="Every campaign that used a template, together."
            exportHref={exportHref("templates")}
            chart={<RatesChart data={d.templates.slice(0, 8).map((t) => ({ name: t.name, ...t.rates }))} rates={RATE_KEYS} label="Rates of each template in the period" />}
            table={<CompareTable caption="Templates in the period" rows={d.templates} currency={d.currency} empty="No templates." />}
          />
          <div className="grid gap-4 md:grid-cols-2">
            <Ranking title="Best templates" rows={d.top} empty="Not enough deliveries to rank templates yet." />
            <Ranking title="Templates to improve" rows={d.worst} empty="Two or more templates with enough deliveries are needed." />
          </div>
          <Card>
            <div className="flex items-center justify-between px-4 pt-4">
              <h3 className="font-semibold">Sender numbers</h3>
              <a href={exportHref("numbers")} download className="text-sm font-medium text-brand-700 underline">
                Export CSV<span className="sr-only"> of sender numbers</span>
              </a>
            </div>
            <Table caption="Sender numbers: Meta's quality rating and how their messages did">
              <thead>
                <tr>
                  <Th>Number</Th>
                  <Th>Quality</Th>
                  <Th>Messaging tier</Th>
                  <Th className="text-right">Sent</Th>
                  <Th className="text-right">Delivery rate</Th>
                  <Th className="text-right">Failed</Th>
                  <Th className="text-right">Opt-out rate</Th>
                  <Th>Most common failure</Th>
                </tr>
              </thead>
              <tbody>
                {d.numbers.length === 0 ? (
                  <EmptyRow columns={8}>No WhatsApp number is connected.</EmptyRow>
                ) : (
                  d.numbers.map((n) => (
                    <tr key={n.number}>
                      <Td className="font-medium">{n.number}</Td>
                      <Td>{n.quality ?? "Not rated yet"}</Td>
                      <Td>{n.tier ?? "—"}</Td>
                      <Td className="text-right tabular-nums">{formatNumber(n.funnel.sent + n.funnel.failed)}</Td>
                      <Td className="text-right tabular-nums">{formatPercent(n.rates.delivery)}</Td>
                      <Td className="text-right tabular-nums">{formatNumber(n.funnel.failed)}</Td>
                      <Td className="text-right tabular-nums">{formatPercent(n.rates.optOut)}</Td>
                      <Td className="max-w-sm text-sm">{n.errors[0] ? `${n.errors[0].code ?? ""} ${n.errors[0].reason} (${formatNumber(n.errors[0].count)})` : "None"}</Td>
                    </tr>
                  ))
                )}
              </tbody>
            </Table>
          </Card>
        </div>
      )}
    </>
  );
}

function Ranking({ title, rows, empty }: { title: string; rows: { name: string; rates: { read: number | null; reply: number | null; click: number | null }; funnel: { delivered: number } }[]; empty: string }) {
  return (
    <Card className="p-5">
      <h3 className="font-semibold">{title}</h3>
      <p className="text-sm text-muted">By read rate, then reply rate.</p>
      {rows.length === 0 ? (
        <p className="mt-3 text-sm text-muted">{empty}</p>
      ) : (
        <ol className="mt-3 space-y-2">
          {rows.map((t) => (
            <li key={t.name} className="flex justify-between gap-2 text-sm">
              <span className="font-medium">{t.name}</span>
              <span className="tabular-nums text-muted">
                read {formatPercent(t.rates.read)} · replied {formatPercent(t.rates.reply)} · clicked {formatPercent(t.rates.click)} ({formatNumber(t.funnel.delivered)} delivered)
              </span>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
