// One colour and name per measure and rate, the same in every chart and table.
export const MEASURES = {
  sent: { label: "Sent", color: "#6b7280" },
  delivered: { label: "Delivered", color: "#0f7d53" },
  read: { label: "Read", color: "#2563eb" },
  replied: { label: "Replied", color: "#9333ea" },
  clicked: { label: "Tapped or clicked", color: "#d97706" },
  failed: { label: "Failed", color: "#dc2626" },
  opted_out: { label: "Opted out", color: "#be185d" },
} as const;
export type Measure = keyof typeof MEASURES;

export const RATES = {
  delivery: { label: "Delivery rate", color: "#0f7d53" },
  read: { label: "Read rate", color: "#2563eb" },
  reply: { label: "Reply rate", color: "#9333ea" },
  click: { label: "Click rate", color: "#d97706" },
  optOut: { label: "Opt-out rate", color: "#be185d" },
} as const;
export type RateKey = keyof typeof RATES;

/** Chart series (components/ui/chart.tsx) for measures or rates, in the order given. */
export const measureSeries = (keys: readonly Measure[]) => keys.map((key) => ({ key, ...MEASURES[key] }));
export const rateSeries = (keys: readonly RateKey[]) => keys.map((key) => ({ key, ...RATES[key] }));
