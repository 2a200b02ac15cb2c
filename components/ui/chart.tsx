"use client";
// The one wrapper around Recharts: a line chart over time and a bar chart of shares. Each is a labelled image
// whose frame is drawn with the page; the drawing inside (components/ui/chart-plots.tsx, Recharts) loads only
// when a chart is shown, after the page is up, so a report's first load carries no chart library. The table
// beside each chart (ChartCard) carries the numbers. Series are plain data ({ key, label, color }), so server
// pages can pass them.
import dynamic from "next/dynamic";
import type { TimeUnit } from "@/lib/i18n/format";

export type ChartSeries = { key: string; label: string; color: string };
export type TimePlotProps = {
  data: Record<string, string | number>[];
  xKey: string;
  unit: TimeUnit;
  series: ChartSeries[];
  bars?: boolean;
};
export type SharePlotProps = {
  data: ({ name: string } & Record<string, string | number | null>)[];
  series: ChartSeries[];
};
export type CountPlotProps = { data: { name: string; count: number }[] };

const plots = () => import("./chart-plots");
const TimePlot = dynamic(() => plots().then((m) => m.TimePlot), { ssr: false });
const SharePlot = dynamic(() => plots().then((m) => m.SharePlot), { ssr: false });
const CountPlot = dynamic(() => plots().then((m) => m.CountPlot), { ssr: false });

/**
 * Counts over time: one line per series, `xKey` holding ISO times (or calendar days for "date"); with
 * `bars`, grouped bars per time instead (for a few points, where a line is a dot or a diagonal).
 */
export function TimeChart({ label, ...plot }: TimePlotProps & { label: string }) {
  return (
    <div role="img" aria-label={label} className="h-64" data-shape={plot.bars ? "bars" : "line"}>
      <TimePlot {...plot} />
    </div>
  );
}

/** Shares (0..1) side by side: one group of bars per `name`, one bar per series. */
export function ShareChart({ label, ...plot }: SharePlotProps & { label: string }) {
  return (
    <div role="img" aria-label={label} className="h-72">
      <SharePlot {...plot} />
    </div>
  );
}

/** Counts per answer (a survey question's options), as horizontal bars. */
export function CountChart({ label, ...plot }: CountPlotProps & { label: string }) {
  return (
    <div role="img" aria-label={label} style={{ height: Math.max(120, plot.data.length * 28 + 24) }}>
      <CountPlot {...plot} />
    </div>
  );
}
