"use client";
// The Recharts drawings inside components/ui/chart.tsx's frames, loaded only when a chart is drawn. Each fills
// its frame (they measure their container).
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
import { useFormat } from "@/lib/i18n/format";

import type { ChartSeries, CountPlotProps, SharePlotProps, TimePlotProps } from "./chart";

const axis = { fontSize: 12, fill: "#6b7280" };
const inOrder = (series: ChartSeries[]) => (item: { dataKey?: unknown }) =>
  series.findIndex((s) => s.key === item.dataKey);

export function TimePlot({ data, xKey, unit, series, bars }: TimePlotProps) {
  const format = useFormat();
  const formatX = format.axis(unit);
  if (bars)
    return (
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
    );
  return (
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
  );
}

export function SharePlot({ data, series }: SharePlotProps) {
  const format = useFormat();
  return (
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
  );
}

export function CountPlot({ data }: CountPlotProps) {
  const format = useFormat();
  return (
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
  );
}
