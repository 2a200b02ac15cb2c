"use client";
// The campaign report, refreshed every two seconds while the campaign sends (TanStack Query), from the
// rollups (lib/analytics/report.ts).
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { SkipTable } from "@/components/campaigns/skip-table";
import { Card, Stat } from "@/components/ui/card";
import { ProgressBar } from "@/components/ui/progress";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { ratio } from "@/lib/campaigns/funnel";
import type { CampaignReport as Report, SeriesPoint } from "@/lib/analytics/report";
import { fetchJson } from "@/lib/fetch-json";
import { formatDuration, formatNumber, formatPercent, timeFormatter } from "@/lib/format";
import { TimeChart } from "@/components/ui/chart";
import { ChartCard } from "@/components/ui/chart-card";
import { FunnelBars } from "./funnel";
import { MEASURES, measureSeries } from "./series";
import { analyticsKeys } from "@/lib/analytics/query-keys";

const LIVE = new Set(["SCHEDULED", "SENDING", "PAUSED"]);
/** Deliveries, reads and replies keep arriving after the last message is sent: most of them in the first minutes. */
const SETTLING_MS = 10 * 60_000;
const changingFast = (report: Report | undefined) =>
  Boolean(
    report &&
    (LIVE.has(report.status) || (report.completedAt && Date.now() - Date.parse(report.completedAt) < SETTLING_MS)),
  );
const SERIES = ["sent", "delivered", "read", "replied", "clicked"] as const;

const fetchReport = (id: string) =>
  fetchJson<Report>(`/api/v1/campaigns/${id}/report`, "Could not load the campaign's report.");

export function CampaignReport({ id, initial }: { id: string; initial: Report }) {
  const router = useRouter();
  const { data = initial, error } = useQuery({
    queryKey: analyticsKeys.campaignReport(id),
    queryFn: () => fetchReport(id),
    initialData: initial,
    // While it sends and for ten minutes after it completes: every 2 s; later, every 30 s.
    refetchInterval: (query) => (changingFast(query.state.data) ? 2000 : 30_000),
  });
  // The status changed under us (finished, paused by Meta): the page's controls follow.
  const status = useRef(initial.status);
  useEffect(() => {
    if (data.status !== status.current) {
      status.current = data.status;
      router.refresh();
    }
  }, [data.status, router]);

  const f = data.funnel;
  const sendable = f.targeted - f.skipped;
  const settled = f.sent + f.failed;
  const drill = (stage: string, reason?: string) =>
    `/campaigns/${id}/recipients?stage=${stage}${reason ? `&reason=${encodeURIComponent(reason)}` : ""}`;
  const formatX = timeFormatter(data.series.unit);
  return (
    <section aria-labelledby="report-title" className="space-y-6">
      <h2 id="report-title" className="text-lg font-semibold">
        Report
      </h2>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error.message} Retrying…
        </p>
      )}
      {data.status === "PAUSED" && data.statusReason && (
        <Card className="border-amber-200 bg-amber-50 p-4 text-sm text-amber-900" role="alert">
          {data.statusReason}
        </Card>
      )}
      <Card className="p-5">
        <ProgressBar label="Sent" value={sendable ? settled / sendable : 0} />
        <p className="mt-2 text-sm text-muted" aria-live="polite">
          {formatNumber(settled)} of {formatNumber(sendable)} handed to WhatsApp
          {data.perSecond ? ` · ${data.perSecond} per second` : ""}
          {data.etaSeconds ? ` · about ${formatDuration(data.etaSeconds)} left` : ""}
          {data.nextDueAt ? ` · next messages go at ${new Date(data.nextDueAt).toLocaleString()}` : ""}
        </p>
      </Card>
      <Card className="p-5">
        <h3 className="mb-4 font-semibold">Funnel</h3>
        <FunnelBars funnel={f} drillHref={drill} />
      </Card>
      <div className="grid gap-4 sm:grid-cols-2">
        <Stat
          label="Cost so far"
          value={`${data.cost.total.toFixed(2)} ${data.cost.currency}`}
          hint={
            data.cost.billed.length
              ? data.cost.billed.map((b) => `${formatNumber(b.count)} ${b.category.toLowerCase()}`).join(" · ") +
                " billed (from Meta's status webhooks)"
              : "Nothing billed yet"
          }
        />
        <Stat
          label="Click rate"
          value={formatPercent(ratio(f.clicked, f.delivered))}
          hint="Tapped a button or opened a tracked link, of delivered"
        />
      </div>
      <ChartCard
        title="Over time"
        description={`Messages per ${data.series.unit}: when they were sent, delivered, read and answered.`}
        exportHref={`/api/v1/analytics/export?report=campaign&campaign=${id}`}
        chart={
          data.series.points.length ? (
            <TimeChart
              data={data.series.points}
              xKey="at"
              unit={data.series.unit}
              series={measureSeries(SERIES)}
              label={`Sends, deliveries, reads, replies and clicks per ${data.series.unit}`}
            />
          ) : (
            <p className="py-10 text-center text-sm text-muted">
              Nothing sent yet: the chart fills in as messages go out.
            </p>
          )
        }
        table={<SeriesTable points={data.series.points} formatX={formatX} />}
      />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Card>
          <Table caption="Buttons: quick-reply taps and tracked link opens (each person once per button)">
            <thead>
              <tr>
                <Th>Button</Th>
                <Th>Kind</Th>
                <Th className="text-right">People</Th>
                <Th className="text-right">Of delivered</Th>
              </tr>
            </thead>
            <tbody>
              {data.buttons.length === 0 ? (
                <EmptyRow columns={4}>This template has no buttons.</EmptyRow>
              ) : (
                data.buttons.map((b) => (
                  <tr key={`${b.kind}-${b.label}`}>
                    <Td>{b.label}</Td>
                    <Td className="text-muted">{b.kind}</Td>
                    <Td className="text-right tabular-nums">{formatNumber(b.count)}</Td>
                    <Td className="text-right tabular-nums">{formatPercent(ratio(b.count, f.delivered))}</Td>
                  </tr>
                ))
              )}
            </tbody>
          </Table>
        </Card>
        <SkipTable
          caption="Skipped, by reason"
          rows={data.skips}
          empty="Nobody skipped."
          href={(reason) => drill("skipped", reason)}
        />
      </div>
      <Card>
        <Table caption="Failures, by Meta's error code">
          <thead>
            <tr>
              <Th>Code</Th>
              <Th>What happened</Th>
              <Th>What to do</Th>
              <Th className="text-right">Messages</Th>
            </tr>
          </thead>
          <tbody>
            {data.failures.length === 0 ? (
              <EmptyRow columns={4}>No failures.</EmptyRow>
            ) : (
              data.failures.map((x) => (
                <tr key={x.code ?? "none"}>
                  <Td className="tabular-nums">{x.code ?? "—"}</Td>
                  <Td>{x.reason}</Td>
                  <Td className="text-muted">{x.advice}</Td>
                  <Td className="text-right tabular-nums">
                    <Link href={drill("failed", String(x.code ?? "none"))} className="text-brand-700 underline">
                      {formatNumber(x.count)}
                      <span className="sr-only"> contacts with error {x.code ?? "none"}</span>
                    </Link>
                  </Td>
                </tr>
              ))
            )}
          </tbody>
        </Table>
      </Card>
    </section>
  );
}

function SeriesTable({ points, formatX }: { points: SeriesPoint[]; formatX: (value: string) => string }) {
  return (
    <Table caption="Over time">
      <thead>
        <tr>
          <Th>Time</Th>
          {SERIES.map((m) => (
            <Th key={m} className="text-right">
              {MEASURES[m].label}
            </Th>
          ))}
        </tr>
      </thead>
      <tbody>
        {points.length === 0 ? (
          <EmptyRow columns={SERIES.length + 1}>Nothing yet.</EmptyRow>
        ) : (
          points.map((p) => (
            <tr key={p.at}>
              <Td suppressHydrationWarning>{formatX(p.at)}</Td>
              {SERIES.map((m) => (
                <Td key={m} className="text-right tabular-nums">
                  {formatNumber(p[m])}
                </Td>
              ))}
            </tr>
          ))
        )}
      </tbody>
    </Table>
  );
}
