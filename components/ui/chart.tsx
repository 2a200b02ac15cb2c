"use client";
// The one wrapper around Recharts: a line chart over time and a bar chart of shares, drawn in the browser
// (they measure their container). Each is a labelled image; the table beside it (ChartCard) carries the
// numbers. Series are plain data ({ key, label, color }), so server pages can pass them.
import {
  Bar,
  BarChart as RechartsBarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart as RechartsLineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { useFormat, type TimeUnit } from "@/lib/i18n/format";

export type ChartSeries = { key: string; label: string; color: string };

const axis = { fontSize: 12, fill: "#6b7280" };
const inOrder = (series: ChartSeries[]) => (item: { dataKey?: unknown }) =>
  series.findIndex((s) => s.key === item.dataKey);

/**
 * Counts over time: one line per series, `xKey` holding ISO times (or calendar days for "date"); with
 * `bars`, grouped bars per time instead (for a few points, where a line is a dot or a diagonal).
 */
export function TimeChart({
  data,
  xKey,
  unit,
  series,
  label,
  bars = false,
}: {
  data: Record<string, string | number>[];
  xKey: string;
  unit: TimeUnit;
  series: ChartSeries[];
  label: string;
  bars?: boolean;
}) {
  const format = useFormat();
  const formatX = format.axis(unit);
  if (bars)
    return (
      <div role="img" aria-label={label} className="h-64" data-shape="bars">
        <ResponsiveContainer width="100%" height="100%">
          <RechartsBarChart data={data} margin={{ top: 4, right: 12, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="#e5e7eb" vertical={false} />
            <XAxis dataKey={xKey} tickFormatter={formatX} tick={axis} />
            <YAxis tick={axis} allowDecimals={false} tickFormatter={(v: number) => format.number(v)} width={56} />
            <Tooltip labelFormatter={(v) => formatX(String(v))} formatter={(v) => format.number(Number(v))} />
            <Legend itemSorter={inOrder(series)} />
            {series.map((s) => (
              <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} isAnimationActive={false} />
            ))}
          </RechartsBarChart>
        </ResponsiveContainer>
      </div>
    );
  return (
    <div role="img" aria-label={label} className="h-64" data-shape="line">
      <ResponsiveContainer width="100%" height="100%">
        <RechartsLineChart data={data} margin={{ top: 4, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e5e7eb" vertical={false} />
          <XAxis dataKey={xKey} tickFormatter={formatX} tick={axis} minTickGap={24} />
          <YAxis tick={axis} allowDecimals={false} tickFormatter={(v: number) => format.number(v)} width={56} />
          <Tooltip labelFormatter={(v) => formatX(String(v))} formatter={(v) => format.number(Number(v))} />
          <Legend itemSorter={inOrder(series)} />
          {series.map((s) => (
            <Line
              key={s.key}
              type="linear"
              dataKey={s.key}
              name={s.label}
              stroke={s.color}
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
          ))}
        </RechartsLineChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Shares (0..1) side by side: one group of bars per `name`, one bar per series. */
export function ShareChart({
  data,
  series,
  label,
}: {
  data: ({ name: string } & Record<string, string | number | null>)[];
  series: ChartSeries[];
  label: string;
}) {
  const format = useFormat();
  return (
    <div role="img" aria-label={label} className="h-72">
      <ResponsiveContainer width="100%" height="100%">
        <RechartsBarChart data={data} margin={{ top: 4, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e5e7eb" vertical={false} />
          <XAxis
            dataKey="name"
            tick={axis}
            interval={0}
            tickFormatter={(v: string) => (v.length > 18 ? `${v.slice(0, 17)}…` : v)}
          />
          <YAxis tick={axis} domain={[0, 1]} tickFormatter={(v: number) => format.percent(v, 0)} width={48} />
          <Tooltip formatter={(v) => format.percent(v === null ? null : Number(v))} />
          <Legend itemSorter={inOrder(series)} />
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} isAnimationActive={false} />
          ))}
        </RechartsBarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Counts per answer (a survey question's options), as horizontal bars. */
export function CountChart({ data, label }: { data: { name: string; count: number }[]; label: string }) {
  const format = useFormat();
  return (
    <div role="img" aria-label={label} style={{ height: Math.max(120, data.length * 28 + 24) }}>
      <ResponsiveContainer width="100%" height="100%">
        <RechartsBarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e5e7eb" horizontal={false} />
          <XAxis type="number" tick={axis} allowDecimals={false} tickFormatter={(v: number) => format.number(v)} />
          <YAxis
            type="category"
            dataKey="name"
            tick={axis}
            width={120}
            interval={0}
            tickFormatter={(v: string) => (v.length > 18 ? `${v.slice(0, 17)}…` : v)}
          />
          <Tooltip formatter={(v) => format.number(Number(v))} />
          <Bar dataKey="count" fill="#16a34a" isAnimationActive={false} />
        </RechartsBarChart>
      </ResponsiveContainer>
    </div>
  );
}
