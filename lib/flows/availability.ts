// Free appointment slots from a workspace's opening hours, slot length and capacity, and the seats already
// taken. Pure: no database, no clock of its own (the caller passes `now`), so every edge is a unit test.
//
// Opening hours are wall-clock times in the workspace's time zone. A day's slots are real spans of
// `slotMinutes`, walked in absolute time from the day's opening instant; the last one ends at or before the
// closing instant. So on a DST change day a shop open through the change offers the hours that really exist
// (one slot fewer in spring, one more in autumn, its label repeating the hour the clocks went back over), and
// every slot is identified by its UTC start, never by a local label.

export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7; // ISO: 1 Monday .. 7 Sunday
export type OpeningHours = { weekday: Weekday; open: string; close: string }; // "HH:MM", close after open
export type AvailabilityRules = {
  timeZone: string;
  weeklyHours: OpeningHours[];
  slotMinutes: number;
  capacity: number;
};
/** A slot still bookable: `free` seats of the capacity. `day` (YYYY-MM-DD) and `time` (HH:MM) are local. */
export type FreeSlot = { start: Date; end: Date; day: string; time: string; free: number };

/** Seats taken per slot, by the slot's start in epoch milliseconds. */
export type TakenSeats = ReadonlyMap<number, number>;

const MINUTE = 60_000;
const DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock in `timeZone` at `instant`, as numbers. */
function wallClock(timeZone: string, instant: number) {
  const parts: Record<string, number> = {};
  for (const p of partsFormatter(timeZone).formatToParts(new Date(instant)))
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour! % 24,
    minute: parts.minute!,
    second: parts.second!,
  };
}

// Offsets by zone and minute: Intl's formatToParts costs microseconds, and the endpoint asks for the same
// slots' offsets on every request. Zone rules change offsets on whole minutes, so the minute is exact.
const offsets = new Map<string, number>();
const MAX_OFFSETS = 200_000;

/** How far `timeZone` is ahead of UTC at `instant`, in milliseconds. */
function offsetAt(timeZone: string, instant: number): number {
  const minute = Math.floor(instant / MINUTE);
  const key = `${timeZone}|${minute}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const at = minute * MINUTE;
    const w = wallClock(timeZone, at);
    offset = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - at;
    if (offsets.size >= MAX_OFFSETS) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

/**
 * The instant a local wall-clock time happens in `timeZone`. A time the clocks skip (in the spring gap) is
 * read with the offset from before the change, i.e. it lands just after the gap; a time that happens twice
 * (autumn) is its first occurrence.
 */
export function zonedInstant(timeZone: string, day: string, minutes: number): number {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const asUtc = Date.UTC(y, m - 1, d, 0, minutes);
  const before = offsetAt(timeZone, asUtc - DAY / 2);
  const after = offsetAt(timeZone, asUtc + DAY / 2);
  // Try the larger offset first: it gives the earlier instant, the first occurrence of a repeated time.
  for (const offset of before > after ? [before, after] : [after, before]) {
    const instant = asUtc - offset;
    if (offsetAt(timeZone, instant) === offset) return instant;
  }
  return asUtc - before; // in the gap: no offset fits
}

/** The wall clock in `timeZone` at an instant, as an ISO string "YYYY-MM-DDTHH:MM...". */
const localIso = (timeZone: string, instant: Date | number) =>
  new Date(+instant + offsetAt(timeZone, +instant)).toISOString();

/** The local calendar day (YYYY-MM-DD) of an instant in `timeZone`. */
export function localDay(timeZone: string, instant: Date | number): string {
  return localIso(timeZone, instant).slice(0, 10);
}

/** The local time (HH:MM) of an instant in `timeZone`. */
export function localTime(timeZone: string, instant: Date | number): string {
  return localIso(timeZone, instant).slice(11, 16);
}

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  return h * 60 + m;
};

/** The ISO weekday of a calendar day (the date alone: no time zone involved). */
export function weekdayOf(day: string): Weekday {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return (((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1) as Weekday;
}

/** The calendar day `n` days after `day`. */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + n * DAY).toISOString().slice(0, 10);
}

/** Every slot of one local day (booked or not) that starts after `now`. */
export function slotsOfDay(rules: AvailabilityRules, day: string, now: Date): { start: number; end: number }[] {
  const step = rules.slotMinutes * MINUTE;
  if (!(step > 0)) return [];
  const out: { start: number; end: number }[] = [];
  const weekday = weekdayOf(day);
  for (const hours of rules.weeklyHours) {
    if (hours.weekday !== weekday) continue;
    const open = zonedInstant(rules.timeZone, day, minutesOf(hours.open));
    const close = zonedInstant(rules.timeZone, day, minutesOf(hours.close));
    for (let start = open; start + step <= close; start += step) {
      if (start > now.getTime()) out.push({ start, end: start + step });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** One day's bookable slots: started ones and full ones left out. */
export function freeSlotsOfDay(rules: AvailabilityRules, day: string, taken: TakenSeats, now: Date): FreeSlot[] {
  return slotsOfDay(rules, day, now)
    .map(({ start, end }) => ({
      start: new Date(start),
      end: new Date(end),
      day,
      time: localTime(rules.timeZone, start),
      free: rules.capacity - (taken.get(start) ?? 0),
    }))
    .filter((slot) => slot.free > 0);
}

/**
 * The local days from today (in the workspace's zone) through `days` - 1 days ahead that have a free slot, each
 * with its free slots' starts (labels are for the one day shown: freeSlotsOfDay).
 */
export function freeDays(
  rules: AvailabilityRules,
  taken: TakenSeats,
  now: Date,
  days: number,
): { day: string; starts: number[] }[] {
  const today = localDay(rules.timeZone, now);
  const out: { day: string; starts: number[] }[] = [];
  for (let i = 0; i < days; i++) {
    const day = addDays(today, i);
    const starts = slotsOfDay(rules, day, now)
      .map((slot) => slot.start)
      .filter((start) => (taken.get(start) ?? 0) < rules.capacity);
    if (starts.length) out.push({ day, starts });
  }
  return out;
}

/** The instants `freeDays` may offer: from now to the end of the last day, for reading taken seats. */
export function bookingWindow(rules: AvailabilityRules, now: Date, days: number): { from: Date; to: Date } {
  const last = addDays(localDay(rules.timeZone, now), days);
  return { from: now, to: new Date(zonedInstant(rules.timeZone, last, 0) + DAY) };
}

/** Whether `start` is the start of a slot the rules offer after `now` (whatever its seats). */
export function isOfferedSlot(rules: AvailabilityRules, start: Date, now: Date): boolean {
  const day = localDay(rules.timeZone, start);
  return slotsOfDay(rules, day, now).some((slot) => slot.start === start.getTime());
}
