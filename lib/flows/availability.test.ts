import { describe, expect, it } from "vitest";
import {
  freeDays,
  freeSlotsOfDay,
  isOfferedSlot,
  slotsOfDay,
  weekdayOf,
  zonedInstant,
  type AvailabilityRules,
} from "./availability";

const madrid = (weeklyHours: AvailabilityRules["weeklyHours"], slotMinutes = 60, capacity = 1): AvailabilityRules => ({
  timeZone: "Europe/Madrid",
  weeklyHours,
  slotMinutes,
  capacity,
});
const iso = (slots: { start: number | Date }[]) => slots.map((s) => new Date(s.start).toISOString());
const LONG_AGO = new Date("2000-01-01T00:00:00Z");

describe("availability", () => {
  it("reads weekdays from the calendar date alone (ISO: Monday 1, Sunday 7)", () => {
    expect(weekdayOf("2026-12-07")).toBe(1);
    expect(weekdayOf("2026-12-13")).toBe(7);
  });

  it("places opening hours in the workspace's zone, winter and summer", () => {
    const rules = madrid([{ weekday: 4, open: "09:00", close: "11:00" }]);
    expect(iso(slotsOfDay(rules, "2026-12-03", LONG_AGO))).toEqual([
      "2026-12-03T08:00:00.000Z",
      "2026-12-03T09:00:00.000Z",
    ]);
    expect(iso(slotsOfDay(rules, "2026-07-02", LONG_AGO))).toEqual([
      "2026-07-02T07:00:00.000Z",
      "2026-07-02T08:00:00.000Z",
    ]);
  });

  it("on the spring DST day offers only the hours that exist (02:00-03:00 is skipped)", () => {
    // Sunday 29 March 2026: Madrid goes from 02:00 CET to 03:00 CEST. Open 00:00-05:00 is four real hours.
    const rules = madrid([{ weekday: 7, open: "00:00", close: "05:00" }]);
    const slots = freeSlotsOfDay(rules, "2026-03-29", new Map(), LONG_AGO);
    expect(slots.map((s) => s.time)).toEqual(["00:00", "01:00", "03:00", "04:00"]);
    expect(iso(slots)).toEqual([
      "2026-03-28T23:00:00.000Z",
      "2026-03-29T00:00:00.000Z",
      "2026-03-29T01:00:00.000Z",
      "2026-03-29T02:00:00.000Z",
    ]);
    // A usual 09:00 opening that day is already summer time.
    expect(new Date(zonedInstant("Europe/Madrid", "2026-03-29", 9 * 60)).toISOString()).toBe(
      "2026-03-29T07:00:00.000Z",
    );
  });

  it("on the autumn DST day offers the repeated hour twice, as distinct instants", () => {
    // Sunday 25 October 2026: 03:00 CEST becomes 02:00 CET. Open 01:00-04:00 is four real hours.
    const rules = madrid([{ weekday: 7, open: "01:00", close: "04:00" }]);
    const slots = freeSlotsOfDay(rules, "2026-10-25", new Map(), LONG_AGO);
    expect(slots.map((s) => s.time)).toEqual(["01:00", "02:00", "02:00", "03:00"]);
    expect(new Set(iso(slots)).size).toBe(4);
  });

  it("keeps a slot ending exactly at closing and drops one that would end after it", () => {
    const exact = madrid([{ weekday: 4, open: "09:00", close: "10:30" }], 45);
    expect(freeSlotsOfDay(exact, "2026-12-03", new Map(), LONG_AGO).map((s) => s.time)).toEqual(["09:00", "09:45"]);
    const short = madrid([{ weekday: 4, open: "09:00", close: "10:20" }], 45);
    expect(freeSlotsOfDay(short, "2026-12-03", new Map(), LONG_AGO).map((s) => s.time)).toEqual(["09:00"]);
  });

  it("leaves out today's slots that have started, including one starting now", () => {
    const rules = madrid([{ weekday: 4, open: "09:00", close: "13:00" }]);
    const now = new Date("2026-12-03T10:00:00Z"); // 11:00 in Madrid
    expect(freeSlotsOfDay(rules, "2026-12-03", new Map(), now).map((s) => s.time)).toEqual(["12:00"]);
    expect(isOfferedSlot(rules, new Date("2026-12-03T10:00:00Z"), now)).toBe(false);
    expect(isOfferedSlot(rules, new Date("2026-12-03T11:00:00Z"), now)).toBe(true);
    expect(isOfferedSlot(rules, new Date("2026-12-03T11:30:00Z"), now)).toBe(false); // not a slot boundary
  });

  it("counts seats against capacity and drops full slots and closed or full days", () => {
    const rules = madrid(
      [
        { weekday: 4, open: "09:00", close: "11:00" },
        { weekday: 5, open: "09:00", close: "10:00" },
      ],
      60,
      2,
    );
    const taken = new Map([
      [Date.parse("2026-12-03T08:00:00Z"), 1],
      [Date.parse("2026-12-03T09:00:00Z"), 2],
      [Date.parse("2026-12-04T08:00:00Z"), 2],
    ]);
    const days = freeDays(rules, taken, new Date("2026-12-02T12:00:00Z"), 7);
    expect(days.map((d) => d.day)).toEqual(["2026-12-03"]); // Friday the 4th is full
    expect(days[0]!.starts).toEqual([Date.parse("2026-12-03T08:00:00Z")]);
    const slots = freeSlotsOfDay(rules, "2026-12-03", taken, new Date("2026-12-02T12:00:00Z"));
    expect(slots.map((s) => [s.time, s.free])).toEqual([["09:00", 1]]);
  });

  it("walks days in the workspace's zone: late evening UTC is already tomorrow in Tokyo", () => {
    const rules: AvailabilityRules = {
      timeZone: "Asia/Tokyo",
      weeklyHours: [{ weekday: 5, open: "09:00", close: "10:00" }],
      slotMinutes: 30,
      capacity: 1,
    };
    // 2026-12-03T20:00Z is Friday 4 December 05:00 in Tokyo: today there is Friday.
    const days = freeDays(rules, new Map(), new Date("2026-12-03T20:00:00Z"), 1);
    expect(days.map((d) => d.day)).toEqual(["2026-12-04"]);
    expect(iso(days[0]!.starts.map((start) => ({ start })))).toEqual([
      "2026-12-04T00:00:00.000Z",
      "2026-12-04T00:30:00.000Z",
    ]);
  });
});
