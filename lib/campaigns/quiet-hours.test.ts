import { describe, expect, it } from "vitest";
import { quietDelayMs } from "./quiet-hours";

const quiet = { enabled: true, start: "21:00", end: "09:00" };

describe("quiet hours", () => {
  it("hold a message until the recipient's morning, across midnight", () => {
    // 22:30 in Madrid (UTC+1 in November) → 10 h 30 min until 09:00.
    expect(quietDelayMs(new Date("2026-11-22T21:30:00Z"), "Europe/Madrid", quiet)).toBe(10.5 * 3_600_000);
    // 08:59 in Madrid: one minute left.
    expect(quietDelayMs(new Date("2026-11-23T07:59:00Z"), "Europe/Madrid", quiet)).toBe(60_000);
  });

  it("let it go outside them, at the end minute, and when they are off", () => {
    expect(quietDelayMs(new Date("2026-11-23T08:00:00Z"), "Europe/Madrid", quiet)).toBe(0); // 09:00 local
    expect(quietDelayMs(new Date("2026-11-22T12:00:00Z"), "Europe/Madrid", quiet)).toBe(0);
    expect(quietDelayMs(new Date("2026-11-22T21:30:00Z"), "Europe/Madrid", { ...quiet, enabled: false })).toBe(0);
  });

  it("use each recipient's own zone, and a same-day window", () => {
    const at = new Date("2026-11-22T13:00:00Z"); // 13:00 London, 05:00 Los Angeles
    const lunch = { enabled: true, start: "12:30", end: "14:00" };
    expect(quietDelayMs(at, "Europe/London", lunch)).toBe(60 * 60_000);
    expect(quietDelayMs(at, "America/Los_Angeles", lunch)).toBe(0);
    expect(quietDelayMs(at, "Not/AZone", lunch)).toBe(60 * 60_000); // unknown zones read as UTC
  });
});
