"use client";
// The campaign report, refreshed every two seconds while the campaign sends (TanStack Query), from the
// rollups (lib/analytics/report.ts).
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
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
import { useFormat } from "@/lib/i18n/format";
import { translateMessage } from "@/lib/i18n/message-key";
import { TimeChart } from "@/components/ui/chart";
import { ChartCard } from "@/components/ui/chart-card";
import { chartShape } from "./chart-shape";
import { FunnelBars } from "./funnel";
import { measureSeries } from "./series";
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
/** The kinds lib/campaigns/funnel gives a button row (the public API answers them as they are). */
const BUTTON_KINDS: Record<string, "quickReply" | "link" | "payload"> = {
  "Quick reply": "quickReply",
  "Link (tracked opens)": "link",
  "Quick reply (payload)": "payload",
};
/** Meta's pricing categories, as its webhooks name them; any other is "other". */
const BILLED = new Set([
  "marketing",
  "marketing_lite",
  "utility",
  "authentication",
  "authentication_international",
  "service",
  "referral_conversion",
]);

export function CampaignReport({ id, initial }: { id: string; initial: Report }) {
  const t = useTranslations("analytics.report");
  const tm = useTranslations("analytics.measures");
  // The status reason and each failure's reason and advice are message keys (lib/i18n/message-key.ts).
  const message = useTranslations();
  const format = useFormat();
  const router = useRouter();
  const common = useTranslations("common");
  // A button the template gave no text is named by its number, in the reader's language.
  const labelOf = (b: Report["buttons"][number]) =>
    !b.unnamed
      ? b.label
      : b.kind === "Quick reply"
        ? common("unnamedButton", { number: b.unnamed })
        : common("unnamedLink", { number: b.unnamed });
  const { data = initial, error } = useQuery({
    queryKey: analyticsKeys.campaignReport(id),
    queryFn: () => fetchJson<Report>(`/api/v1/campaigns/${id}/report`, t("loadError")),
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
  const formatX = format.axis(data.series.unit);
  const shape = chartShape(data.series.points.length);
  const billed = (category: string) => {
    const key = category.toLowerCase();
    return t(`billed.${BILLED.has(key) ? (key as "marketing") : "other"}`);
  };
  const progress = [
    t("progress", { settled: format.number(settled), sendable: format.number(sendable) }),
    data.perSecond ? t("perSecond", { rate: format.number(data.perSecond) }) : null,
    data.etaSeconds ? t("eta", { duration: format.duration(data.etaSeconds) }) : null,
    data.nextDueAt ? t("nextDue", { time: format.dateTime(data.nextDueAt) }) : null,
  ].filter(Boolean);
  return (
    <section aria-labelledby="report-title" className="space-y-6">
      <h2 id="report-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {t("retrying", { message: error.message })}
        </p>
      )}
      {data.status === "PAUSED" && data.statusReason && (
        <Card className="border-amber-200 bg-amber-50 p-4 text-sm text-amber-900" role="alert">
          {translateMessage(message, data.statusReason)}
        </Card>
      )}
      <Card className="p-5">
        <ProgressBar label={t("sentBar")} value={sendable ? settled / sendable : 0} />
        <p className="mt-2 text-sm text-muted" aria-live="polite">
          {progress.join(" · ")}
        </p>
      </Card>
      <Card className="p-5">
        <h3 className="mb-4 font-semibold">{t("funnel")}</h3>
        <FunnelBars funnel={f} drillHref={drill} />
      </Card>
      <div className="grid gap-4 sm:grid-cols-2">
        <Stat
          label={t("cost")}
          value={format.money(data.cost.total, data.cost.currency)}
          hint={
            data.cost.billed.length
              ? t("billedHint", {
                  items: data.cost.billed
                    .map((b) => t("billedItem", { count: format.number(b.count), category: billed(b.category) }))
                    .join(" · "),
                })
              : t("nothingBilled")
          }
        />
        <Stat label={t("clickRate")} value={format.percent(ratio(f.clicked, f.delivered))} hint={t("clickRateHint")} />
      </div>
      <ChartCard
        title={t("overTime.title")}
        description={t("overTime.description", { unit: data.series.unit })}
        exportHref={`/api/v1/analytics/export?report=campaign&campaign=${id}`}
        chart={
          shape === "empty" ? (
            <p className="py-10 text-center text-sm text-muted" data-testid="over-time-empty">
              {data.status === "SENDING" ? t("overTime.sending") : t("overTime.empty")}
            </p>
          ) : (
            <TimeChart
              data={data.series.points}
              xKey="at"
              unit={data.series.unit}
              series={measureSeries(SERIES, (m) => tm(m))}
              label={t("overTime.chartLabel", { unit: data.series.unit })}
              bars={shape === "bars"}
            />
          )
        }
        table={<SeriesTable points={data.series.points} formatX={formatX} />}
      />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Card>
          <Table caption={t("buttons.caption")}>
            <thead>
              <tr>
                <Th>{t("buttons.button")}</Th>
                <Th>{t("buttons.kind")}</Th>
                <Th className="text-right">{t("buttons.people")}</Th>
                <Th className="text-right">{t("buttons.ofDelivered")}</Th>
              </tr>
            </thead>
            <tbody>
              {data.buttons.length === 0 ? (
                <EmptyRow columns={4}>{t("buttons.empty")}</EmptyRow>
              ) : (
                data.buttons.map((b) => (
                  <tr key={`${b.kind}-${b.cardNumber ?? ""}-${b.label}`}>
                    <Td>
                      {b.cardNumber ? t("buttons.onCard", { number: b.cardNumber, label: labelOf(b) }) : labelOf(b)}
                    </Td>
                    <Td className="text-muted">
                      {b.kind in BUTTON_KINDS ? t(`buttons.kinds.${BUTTON_KINDS[b.kind]!}`) : b.kind}
                    </Td>
                    <Td className="text-right tabular-nums">{format.number(b.count)}</Td>
                    <Td className="text-right tabular-nums">{format.percent(ratio(b.count, f.delivered))}</Td>
                  </tr>
                ))
              )}
            </tbody>
          </Table>
        </Card>
        <SkipTable
          caption={t("skips.caption")}
          rows={data.skips}
          empty={t("skips.empty")}
          href={(reason) => drill("skipped", reason)}
        />
      </div>
      <Card>
        <Table caption={t("failures.caption")}>
          <thead>
            <tr>
              <Th>{t("failures.code")}</Th>
              <Th>{t("failures.what")}</Th>
              <Th>{t("failures.advice")}</Th>
              <Th className="text-right">{t("failures.messages")}</Th>
            </tr>
          </thead>
          <tbody>
            {data.failures.length === 0 ? (
              <EmptyRow columns={4}>{t("failures.empty")}</EmptyRow>
            ) : (
              data.failures.map((x) => (
                <tr key={x.code ?? "none"}>
                  <Td className="tabular-nums">{x.code ?? "—"}</Td>
                  <Td>{translateMessage(message, x.reason)}</Td>
                  <Td className="text-muted">{translateMessage(message, x.advice)}</Td>
                  <Td className="text-right tabular-nums">
                    <Link href={drill("failed", String(x.code ?? "none"))} className="text-brand-700 underline">
                      {t.rich("failures.link", {
                        count: format.number(x.count),
                        code: x.code === null ? t("failures.noCode") : String(x.code),
                        hidden: (chunks) => <span className="sr-only">{chunks}</span>,
                      })}
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
  const t = useTranslations("analytics");
  const format = useFormat();
  return (
    <Table caption={t("report.overTime.title")}>
      <thead>
        <tr>
          <Th>{t("report.overTime.time")}</Th>
          {SERIES.map((m) => (
            <Th key={m} className="text-right">
              {t(`measures.${m}`)}
            </Th>
          ))}
        </tr>
      </thead>
      <tbody>
        {points.length === 0 ? (
          <EmptyRow columns={SERIES.length + 1}>{t("report.overTime.tableEmpty")}</EmptyRow>
        ) : (
          points.map((p) => (
            <tr key={p.at}>
              <Td suppressHydrationWarning>{formatX(p.at)}</Td>
              {SERIES.map((m) => (
                <Td key={m} className="text-right tabular-nums">
                  {format.number(p[m])}
                </Td>
              ))}
            </tr>
          ))
        )}
      </tbody>
    </Table>
  );
}
