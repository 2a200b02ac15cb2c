// Pure: whether a recipient's local time falls in the campaign's quiet hours, and for how long.
import type { QuietHours } from "./schemas";

const formatters = new Map<string, Intl.DateTimeFormat>();

function minutesOfDay(now: Date, timeZone: string): number {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    } catch {
      formatter = new Intl.DateTimeFormat("en-GB", {
        timeZone: "UTC",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
      });
    }
    formatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(now);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return part("hour") * 60 + part("minute");
}

const toMinutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/** Milliseconds from `now` until the next `clock` (HH:MM) where the recipient is; 0 within that minute. */
export function untilClockMs(now: Date, timeZone: string, clock: string): number {
  const minutes = (toMinutes(clock) - minutesOfDay(now, timeZone) + 1440) % 1440;
  return minutes === 0 ? 0 : (minutes * 60 - now.getUTCSeconds()) * 1000 - now.getUTCMilliseconds();
}

/** Milliseconds until quiet hours end where the recipient is (0 when it is not quiet there). */
export function quietDelayMs(now: Date, timeZone: string, quiet: QuietHours | null | undefined): number {
  if (!quiet?.enabled) return 0;
  const start = toMinutes(quiet.start);
  const end = toMinutes(quiet.end);
  const m = minutesOfDay(now, timeZone);
  const quietNow = start < end ? m >= start && m < end : m >= start || m < end;
  if (!quietNow) return 0;
  const minutes = (end - m + 1440) % 1440;
  return (minutes * 60 - now.getUTCSeconds()) * 1000;
}
