// One colour per measure and rate, the same in every chart and table; their names are in the analytics
// messages (measures.* and rates.*), so a chart's legend speaks the reader's language.
export const MEASURES = {
  sent: "#6b7280",
  delivered: "#0f7d53",
  read: "#2563eb",
  replied: "#9333ea",
  clicked: "#d97706",
  failed: "#dc2626",
  opted_out: "#be185d",
} as const;
export type Measure = keyof typeof MEASURES;

export const RATES = {
  delivery: "#0f7d53",
  read: "#2563eb",
  reply: "#9333ea",
  click: "#d97706",
  optOut: "#be185d",
} as const;
export type RateKey = keyof typeof RATES;
export const RATE_KEYS = Object.keys(RATES) as RateKey[];

/** Chart series (components/ui/chart.tsx) for measures or rates, in the order given, named by `label`. */
export const measureSeries = (keys: readonly Measure[], label: (key: Measure) => string) =>
  keys.map((key) => ({ key, label: label(key), color: MEASURES[key] }));
export const rateSeries = (keys: readonly RateKey[], label: (key: RateKey) => string) =>
  keys.map((key) => ({ key, label: label(key), color: RATES[key] }));
