const number = new Intl.NumberFormat("en-US");

export function formatNumber(value: number): string {
  return number.format(value);
}

/** Money, with more digits for prices under one unit (a message costs cents). */
export function formatMoney(value: number, currency: string): string {
  return new Intl.NumberFormat("en-US", {
    style: "currency",
    currency,
    maximumFractionDigits: value < 1 ? 4 : 2,
  }).format(value);
}

/** A duration for people: "40 s", "12 min", "3 h 5 min". */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  return `${Math.floor(seconds / 3600)} h ${Math.round((seconds % 3600) / 60)} min`;
}

/** A share (0..1) as a percentage, "—" when there is nothing to divide by. */
export function formatPercent(value: number | null, digits = 1): string {
  return value === null ? "—" : `${(value * 100).toFixed(digits)}%`;
}

const dayFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

/** "2026-11-22" as "22 Nov 2026" (a calendar day: the same wherever it is read). */
export const formatDay = (day: string) => dayFormat.format(new Date(`${day.slice(0, 10)}T00:00:00Z`));

export type TimeUnit = "minute" | "hour" | "day" | "date";

/** Times on a chart's axis, in the viewer's zone; "date" is a calendar day (YYYY-MM-DD). */
export function timeFormatter(unit: TimeUnit): (value: string) => string {
  if (unit === "date") return formatDay;
  const options: Intl.DateTimeFormatOptions =
    unit === "day"
      ? { month: "short", day: "numeric" }
      : unit === "hour"
        ? { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" }
        : { hour: "2-digit", minute: "2-digit" };
  const format = new Intl.DateTimeFormat(undefined, options);
  return (value: string) => format.format(new Date(value));
}
