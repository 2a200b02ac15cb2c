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

const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** "2026-11-22" as "22 Nov 2026" (a calendar day: the same wherever it is read). */
export const formatDay = (day: string) => dayFormat.format(new Date(`${day.slice(0, 10)}T00:00:00Z`));

export type TimeUnit = "minute" | "hour" | "day" | "date";

/** Times on a chart's axis, in the viewer's zone; "date" is a calendar day (YYYY-MM-DD). */
export function timeFormatter(unit: TimeUnit): (value: string) => string {
  if (unit === "date") return formatDay;
  const options: Intl.DateTimeFormatOptions =
    unit === "day" ? { month: "short", day: "numeric" } : unit === "hour" ? { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" } : { hour: "2-digit", minute: "2-digit" };
  const format = new Intl.DateTimeFormat(undefined, options);
  return (value: string) => format.format(new Date(value));
}

