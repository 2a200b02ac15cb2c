import { createFormatter } from "next-intl";
import { describe, expect, it } from "vitest";
import { buildFormat } from "./format";

const now = new Date("2026-11-22T12:00:00Z");
const formatFor = (locale: "en" | "es" | "sv" | "fr", timeZone = "UTC") =>
  buildFormat(createFormatter({ locale, timeZone, now }), now);
// Intl separates groups and units with (narrow) no-break spaces; compare with plain ones.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("buildFormat", () => {
  it("writes numbers, money and shares the way each language does", () => {
    const en = formatFor("en");
    const es = formatFor("es");
    const sv = formatFor("sv");
    expect(en.number(12345.5)).toBe("12,345.5");
    expect(es.number(12345.5)).toBe("12.345,5");
    expect(plain(sv.number(12345.5))).toBe("12 345,5");
    expect(en.money(12.5, "USD")).toBe("$12.50");
    expect(en.money(0.0147, "USD")).toBe("$0.0147");
    expect(plain(es.money(12.5, "EUR"))).toBe("12,50 €");
    expect(plain(sv.money(12.5, "SEK"))).toBe("12,50 kr");
    expect(en.percent(0.1234)).toBe("12.3%");
    expect(plain(es.percent(0.1234))).toBe("12,3 %");
    expect(plain(sv.percent(0.5, 0))).toBe("50 %");
    expect(en.percent(null)).toBe("—");
  });

  it("says a file's size in the language's unit, never 0", () => {
    expect(formatFor("en").fileSize(1_480)).toBe("1 kB");
    expect(formatFor("en").fileSize(12)).toBe("1 kB");
    expect(plain(formatFor("fr").fileSize(35_200))).toBe("35 ko");
    expect(plain(formatFor("es").fileSize(1_240_000))).toBe("1,2 MB");
    expect(plain(formatFor("fr").fileSize(1_240_000))).toBe("1,2 Mo");
  });

  it("shows a calendar day as that day in any zone", () => {
    expect(formatFor("en", "America/Los_Angeles").day("2026-11-22")).toBe("Nov 22, 2026");
    expect(formatFor("es", "Pacific/Kiritimati").day("2026-11-22")).toBe("22 nov 2026");
    expect(formatFor("sv", "America/Los_Angeles").day("2026-11-22T00:00:00.000Z")).toBe("22 nov. 2026");
  });

  it("shows instants in the request's zone", () => {
    const at = "2026-11-22T23:30:00Z";
    expect(formatFor("en", "UTC").time(at)).toBe("11:30 PM");
    expect(formatFor("sv", "Europe/Stockholm").time(at)).toBe("00:30");
    expect(formatFor("sv", "Europe/Stockholm").date(at)).toBe("23 nov. 2026");
    expect(formatFor("es", "America/Mexico_City").dateTime(at)).toMatch(/^22 nov 2026.*17:30$/);
    expect(formatFor("en", "Europe/Stockholm").axis("hour")(at)).toBe("Nov 23, 12:30 AM");
    expect(formatFor("sv", "Europe/Stockholm").axis("minute")(at)).toBe("00:30");
    expect(formatFor("es").axis("date")("2026-11-22")).toBe("22 nov 2026");
  });

  it("says how long ago and how long, in words of the language", () => {
    expect(formatFor("en").relative(new Date(now.getTime() - 2 * 3600_000))).toBe("2 hours ago");
    expect(formatFor("es").relative(new Date(now.getTime() - 2 * 3600_000))).toBe("hace 2 horas");
    expect(formatFor("sv").relative(new Date(now.getTime() + 5 * 60_000))).toBe("om 5 minuter");
    const en = formatFor("en");
    expect(en.duration(12)).toBe("12 sec");
    expect(en.duration(0.2)).toBe("1 sec");
    expect(en.duration(720)).toBe("12 min");
    expect(en.duration(3 * 3600 + 5 * 60)).toBe("3 hr 5 min");
    expect(plain(formatFor("sv").duration(3 * 3600 + 5 * 60))).toBe("3 tim 5 min");
    expect(plain(formatFor("es").duration(40))).toBe("40 s");
  });
});
