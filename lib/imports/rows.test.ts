import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normaliseLocale, normaliseTimeZone } from "@/lib/contacts/fields";
import { reportWords } from "./problems";

const { describe: describeProblem } = await reportWords("en");
import { cleanCell, mapRow, parseConsentTime, parseYesNo, sniffDelimiter, splitTags } from "./rows";
import type { ImportMapping } from "./schemas";

describe("sniffDelimiter", () => {
  it.each([
    ["phone,name\n+1,Ana\n+2,Bea", ","],
    ["phone;name;city\n+1;Ana, Jr;Madrid\n+2;Bea;Sevilla", ";"],
    ["phone\tname\n+1\tAna", "\t"],
    ['phone|name\n+1|"Ana|Bea"', "|"],
    ['phone,name\n"+1","Line\nbreak"\n+2,Bea', ","],
  ])("finds the delimiter of %j", (sample, expected) => {
    expect(sniffDelimiter(sample)).toEqual({ delimiter: expected, sepLine: false });
  });

  it("obeys Excel's sep= line", () => {
    expect(sniffDelimiter("sep=;\nphone;name,x\n")).toEqual({ delimiter: ";", sepLine: true });
  });
});

describe("cells as spreadsheets write them", () => {
  it.each([
    ['="0612345678"', "0612345678"],
    ["'+34 611", "+34 611"],
    ["\u00a0 Ana \u200b", "Ana"],
    [undefined, ""],
  ])("cleans %j", (raw, expected) => expect(cleanCell(raw)).toBe(expected));

  it("reads yes/no, times, locales, zones and tags", () => {
    expect([parseYesNo("Yes"), parseYesNo("0"), parseYesNo("sí"), parseYesNo("maybe")]).toEqual([
      true,
      false,
      true,
      undefined,
    ]);
    expect(parseConsentTime("2025-03-01")).toEqual(new Date("2025-03-01T00:00:00Z"));
    expect(parseConsentTime("2025-03-01 10:30")).toEqual(new Date("2025-03-01T10:30:00Z"));
    expect(parseConsentTime("2025-03-01T10:30:00+0200")).toEqual(new Date("2025-03-01T08:30:00Z"));
    expect(parseConsentTime("2025-02-30")).toBeUndefined();
    expect(parseConsentTime("01/03/2025")).toBeUndefined();
    expect(parseConsentTime("2025-03-01 25:00")).toBeUndefined();
    expect([
      parseConsentTime("0025-03-01"),
      parseConsentTime("2025-13-01"),
      parseConsentTime("2025-00-10"),
      parseConsentTime("2025-01-32"),
    ]).toEqual([undefined, undefined, undefined, undefined]);
    expect([normaliseLocale("pt-br"), normaliseLocale("ES"), normaliseLocale("español")]).toEqual([
      "pt_BR",
      "es",
      undefined,
    ]);
    expect([normaliseTimeZone("europe/madrid"), normaliseTimeZone("utc"), normaliseTimeZone("Mars/Olympus")]).toEqual([
      "Europe/Madrid",
      "UTC",
      undefined,
    ]);
    expect(splitTags("VIP; spain | vip,")).toEqual(["vip", "spain"]);
  });
});

describe("parseConsentTime", () => {
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  it("reads every written form as the platform's ISO 8601 parser does, and refuses days that don't exist", () => {
    fc.assert(
      fc.property(
        fc.record({
          year: fc.integer({ min: 1900, max: 2100 }),
          month: fc.integer({ min: 1, max: 12 }),
          day: fc.integer({ min: 1, max: 31 }),
          time: fc.option(
            fc.record({
              hour: fc.integer({ min: 0, max: 23 }),
              minute: fc.integer({ min: 0, max: 59 }),
              second: fc.option(fc.integer({ min: 0, max: 59 })),
            }),
          ),
          separator: fc.constantFrom("T", " "),
          zone: fc.option(
            fc.record({
              sign: fc.constantFrom("+", "-"),
              hours: fc.integer({ min: 0, max: 14 }),
              minutes: fc.constantFrom(0, 30, 45),
              colon: fc.boolean(),
            }),
          ),
        }),
        ({ year, month, day, time, separator, zone }) => {
          const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
          const clock = time
            ? `${pad(time.hour)}:${pad(time.minute)}${time.second === null ? "" : `:${pad(time.second)}`}`
            : "";
          const offset = zone ? `${zone.sign}${pad(zone.hours)}${zone.colon ? ":" : ""}${pad(zone.minutes)}` : "";
          const written = `${date}${time ? `${separator}${clock}` : ""}${offset}`;
          const exists = new Date(`${date}T00:00:00Z`).toISOString().startsWith(date);
          const iso = `${date}T${time ? `${pad(time.hour)}:${pad(time.minute)}:${pad(time.second ?? 0)}` : "00:00:00"}${zone ? `${zone.sign}${pad(zone.hours)}:${pad(zone.minutes)}` : "Z"}`;
          expect(parseConsentTime(written)).toEqual(exists ? new Date(iso) : undefined);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("mapRow", () => {
  const mapping: ImportMapping = {
    columns: [
      { target: "phone" },
      { target: "name" },
      { target: "attribute", attribute: "tier" },
      { target: "optedIn" },
      { target: "list" },
      { target: "source" },
    ],
    proof: "Signed up at the counter, form v2",
  };
  const ctx = { mapping, defaultCountry: "ES", lists: new Map([["promotions", "list-1"]]) };

  it("turns a row into a contact with its consent", () => {
    expect(mapRow(["611 222 333", "Ana", "gold", "yes", "Promotions", "web form"], ctx)).toEqual({
      ok: true,
      contact: {
        phone: "+34611222333",
        name: "Ana",
        attributes: { tier: "gold" },
        tags: [],
        consent: {
          listId: "list-1",
          optedIn: true,
          source: "WEB_FORM",
          time: undefined,
          proof: "Signed up at the counter, form v2",
        },
      },
    });
  });

  it.each([
    [["", "Ana", "", "yes", "Promotions", ""], "no phone number or WhatsApp user id"],
    [
      ["3.4611E+10", "Ana", "", "yes", "Promotions", ""],
      "phone 3.4611E+10 was turned into scientific notation by a spreadsheet; format the column as text and export again",
    ],
    [["12345", "Ana", "", "yes", "Promotions", ""], "phone 12345: not a valid number for ES"],
    [["611222333", "Ana", "", "perhaps", "Promotions", ""], "opted in: perhaps is neither yes nor no"],
    [["611222333", "Ana", "", "yes", "Newsletter", ""], "no consent list named Newsletter"],
    [
      ["611222333", "Ana", "", "yes", "Promotions", "carrier pigeon"],
      "consent source carrier pigeon is not one of web form, SMS, chat, phone, paper or import",
    ],
  ])("refuses %j: %s", (cells, reason) => {
    const result = mapRow(cells, ctx);
    expect(result.ok).toBe(false);
    // The code and its values, as the import's report words them in English.
    expect(result.ok ? null : describeProblem(result.problem)).toBe(reason);
  });

  it("gives a refused phone's problem as a code with the value and the country", () => {
    expect(mapRow(["12345", "Ana", "", "yes", "Promotions", ""], ctx)).toEqual({
      ok: false,
      problem: { code: "phone", value: "12345", why: "invalid_for_country", country: "ES" },
    });
  });

  describe("a person known by their WhatsApp user id (BSUID)", () => {
    const byUser = {
      ...ctx,
      mapping: { columns: [{ target: "phone" }, { target: "bsuid" }, { target: "username" }] } as ImportMapping,
    };

    it("takes a row with a BSUID and no phone, and the username without its @", () => {
      expect(mapRow(["", "ES.13491208655302741918", "@marta.rivera"], byUser)).toEqual({
        ok: true,
        contact: { bsuid: "ES.13491208655302741918", username: "marta.rivera", attributes: {}, tags: [] },
      });
    });

    it("keeps both when the row has a phone and a BSUID", () => {
      const result = mapRow(["611 222 333", "ES.1349", ""], byUser);
      expect(result).toMatchObject({ ok: true, contact: { phone: "+34611222333", bsuid: "ES.1349" } });
    });

    it.each([
      [
        ["", "13491208655302741918", ""],
        "WhatsApp user id 13491208655302741918 is not one such as US.13491208655302741918",
      ],
      [["", "", "@marta"], "no phone number or WhatsApp user id"],
      [["12345", "ES.1349", ""], "phone 12345: not a valid number for ES"],
    ])("refuses %j: %s", (cells, reason) => {
      const result = mapRow(cells, byUser);
      expect(result.ok ? null : describeProblem(result.problem)).toBe(reason);
    });
  });

  it("refuses an opt-in without proof", () => {
    expect(
      mapRow(["611222333", "Ana", "", "yes", "Promotions", ""], { ...ctx, mapping: { ...mapping, proof: undefined } }),
    ).toEqual({ ok: false, problem: { code: "noProof" } });
  });
});
