"use client";
// The one wrapper around Recharts: a line chart over time and a bar chart of shares. Each is a labelled image
// whose frame is drawn with the page; the drawing inside (components/ui/chart-plots.tsx, Recharts) loads and
// draws only when its frame comes into view, so a report's first load carries no chart library and a chart
// further down a phone's screen costs nothing until someone scrolls to it. The table
// beside each chart (ChartCard) carries the numbers. Series are plain data ({ key, label, color }), so server
// pages can pass them.
import dynamic from "next/dynamic";
import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from "react";
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

/** The chart's labelled frame, of its final size; the drawing goes in once the frame is near the screen. */
function Frame({
  label,
  className,
  style,
  shape,
  children,
}: {
  label: string;
  className?: string;
  style?: CSSProperties;
  shape?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const frame = ref.current;
    if (!frame || seen) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setSeen(true), {
      rootMargin: "200px",
    });
    observer.observe(frame);
    return () => observer.disconnect();
  }, [seen]);
  return (
    <div ref={ref} role="img" aria-label={label} className={className} style={style} data-shape={shape}>
      {seen && children}
    </div>
  );
}

/**
 * Counts over time: one line per series, `xKey` holding ISO times (or calendar days for "date"); with
 * `bars`, grouped bars per time instead (for a few points, where a line is a dot or a diagonal).
 */
export function TimeChart({ label, ...plot }: TimePlotProps & { label: string }) {
  return (
    <Frame label={label} className="h-64" shape={plot.bars ? "bars" : "line"}>
      <TimePlot {...plot} />
    </Frame>
  );
}

/** Shares (0..1) side by side: one group of bars per `name`, one bar per series. */
export function ShareChart({ label, ...plot }: SharePlotProps & { label: string }) {
  return (
    <Frame label={label} className="h-72">
      <SharePlot {...plot} />
    </Frame>
  );
}

/** Counts per answer (a survey question's options), as horizontal bars. */
export function CountChart({ label, ...plot }: CountPlotProps & { label: string }) {
  return (
    <Frame label={label} style={{ height: Math.max(120, plot.data.length * 28 + 24) }}>
      <CountPlot {...plot} />
    </Frame>
  );
}
