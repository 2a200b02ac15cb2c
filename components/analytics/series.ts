// One colour and name per measure, the same in every chart and table.
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

export const percent = (value: number | null, digits = 1) => (value === null ? "—" : `${(value * 100).toFixed(digits)}%`);
