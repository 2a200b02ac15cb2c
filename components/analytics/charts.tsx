"use client";
// Recharts, drawn in the browser only (they measure their container). Each chart is a labelled image;
// the table beside it (ChartCard) carries the numbers.
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber, formatPercent } from "@/lib/format";
import { MEASURES, RATES, timeFormatter, type Measure, type RateKey, type TimeUnit } from "./series";

const axis = { fontSize: 12, fill: "#6b7280" };

export function TrendChart({ data, xKey, unit, measures, label }: { data: Record<string, string | number>[]; xKey: string; unit: TimeUnit; measures: readonly Measure[]; label: string }) {
  const formatX = timeFormatter(unit);
  return (
    <div role="img" aria-label={label} className="h-64">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 4, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e5e7eb" vertical={false} />
          <XAxis dataKey={xKey} tickFormatter={formatX} tick={axis} minTickGap={24} />
          <YAxis tick={axis} allowDecimals={false} tickFormatter={(v: number) => formatNumber(v)} width={56} />
          <Tooltip labelFormatter={(v) => formatX(String(v))} formatter={(v) => formatNumber(Number(v))} />
          <Legend itemSorter={(item) => measures.indexOf(item.dataKey as Measure)} />
          {measures.map((m) => (
            <Line key={m} type="linear" dataKey={m} name={MEASURES[m].label} stroke={MEASURES[m].color} strokeWidth={2} dot={false} isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

export function RatesChart({ data, rates, label }: { data: ({ name: string } & Partial<Record<RateKey, number | null>>)[]; rates: readonly RateKey[]; label: string }) {
  return (
    <div role="img" aria-label={label} className="h-72">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 4, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e5e7eb" vertical={false} />
          <XAxis dataKey="name" tick={axis} interval={0} tickFormatter={(v: string) => (v.length > 18 ? `${v.slice(0, 17)}…` : v)} />
          <YAxis tick={axis} domain={[0, 1]} tickFormatter={(v: number) => formatPercent(v, 0)} width={48} />
          <Tooltip formatter={(v) => formatPercent(v === null ? null : Number(v))} />
          <Legend itemSorter={(item) => rates.indexOf(item.dataKey as RateKey)} />
          {rates.map((r) => (
            <Bar key={r} dataKey={r} name={RATES[r].label} fill={RATES[r].color} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
