import { useFormatter, useNow, type DateTimeFormatOptions } from "next-intl";
import { getFormatter, getNow } from "next-intl/server";

/**
 * Numbers, money, shares, days and times for people, in the request's locale and time zone.
 *
 * Both come from the request config (lib/i18n/request.ts) through next-intl's formatter, so a Server
 * Component (`await getFormat()`) and a Client Component (`useFormat()`) print the same text and hydration
 * matches. Never format with `toLocaleString` or `new Intl.*` in a screen: the browser's locale and zone would
 * differ from the server's.
 */

/** next-intl's formatter (the same object from useFormatter, getFormatter and createFormatter). */
type Formatter = ReturnType<typeof useFormatter>;

export type TimeUnit = "minute" | "hour" | "day" | "date";

/** A calendar day ("2026-11-22") as an instant at midnight UTC, read back in UTC so it is the same day anywhere. */
const calendarDay = (day: string) => new Date(`${day.slice(0, 10)}T00:00:00Z`);

const DAY = { day: "numeric", month: "short", year: "numeric" } as const;
const TIME = { hour: "2-digit", minute: "2-digit" } as const;

/** The formatting API every screen uses; `now` anchors relative times (the request's "now" by default). */
export function buildFormat(formatter: Formatter, now: Date) {
  const day = (value: string) => formatter.dateTime(calendarDay(value), { ...DAY, timeZone: "UTC" });
  const unit = (value: number, unit: "hour" | "minute" | "second" | "kilobyte" | "megabyte") =>
    formatter.number(value, { style: "unit", unit, unitDisplay: "short" });

  return {
    number: (value: number) => formatter.number(value),
    /** More digits for prices under one unit (a message costs cents). */
    money: (value: number, currency: string) =>
      formatter.number(value, { style: "currency", currency, maximumFractionDigits: value < 1 ? 4 : 2 }),
    /** A share (0..1) as a percentage; "—" when there is nothing to divide by. */
    percent: (share: number | null, digits = 1) =>
      share === null
        ? "—"
        : formatter.number(share, {
            style: "percent",
            minimumFractionDigits: digits,
            maximumFractionDigits: digits,
          }),
    /** A calendar day (YYYY-MM-DD), the same wherever it is read: "22 Nov 2026", "22 nov 2026". */
    day,
    date: (value: Date | string) => formatter.dateTime(new Date(value), DAY),
    dateTime: (value: Date | string) => formatter.dateTime(new Date(value), { ...DAY, ...TIME }),
    time: (value: Date | string) => formatter.dateTime(new Date(value), TIME),
    /** "in 5 minutes", "hace 2 horas". */
    relative: (value: Date | string) => formatter.relativeTime(new Date(value), now),
    /** A duration for people: "40 sec", "12 min", "3 hr 5 min" (units joined the way the language lists them). */
    duration: (seconds: number) => {
      if (seconds < 60) return unit(Math.max(1, Math.round(seconds)), "second");
      if (seconds < 3600) return unit(Math.round(seconds / 60), "minute");
      const hours = Math.floor(seconds / 3600);
      const minutes = Math.round((seconds % 3600) / 60);
      return formatter.list([unit(hours, "hour"), unit(minutes, "minute")], { type: "unit", style: "narrow" });
    },
    /** A file's size: "35 kB" below a megabyte (never "0 MB"), else "1.2 MB" ("35 ko", "1,2 Mo" in French). */
    fileSize: (bytes: number) =>
      bytes < 1e6
        ? unit(Math.max(1, Math.round(bytes / 1e3)), "kilobyte")
        : unit(Math.round(bytes / 1e5) / 10, "megabyte"),
    /** A chart tick formatter: times in the request's zone; "date" is a calendar day (YYYY-MM-DD). */
    axis: (timeUnit: TimeUnit): ((value: string) => string) => {
      if (timeUnit === "date") return day;
      const options: DateTimeFormatOptions =
        timeUnit === "day"
          ? { month: "short", day: "numeric" }
          : timeUnit === "hour"
            ? { month: "short", day: "numeric", ...TIME }
            : TIME;
      return (value: string) => formatter.dateTime(new Date(value), options);
    },
  };
}

export type Format = ReturnType<typeof buildFormat>;

/** For Client Components. */
export function useFormat(): Format {
  return buildFormat(useFormatter(), useNow());
}

/** For Server Components, generateMetadata and server actions. */
export async function getFormat(): Promise<Format> {
  const [formatter, now] = await Promise.all([getFormatter(), getNow()]);
  return buildFormat(formatter, now);
}
