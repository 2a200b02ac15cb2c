import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseRateCardCsv, tierStart } from "./rate-card-csv";

// An excerpt of Meta's USD volume-tier file effective 1 April 2026 (four of its markets, rows as published; a copy
// of the file is kept by github.com/alihasnainh3techs/daily-pricing-scraper, public/USD_volume_tiers.csv).
const metaTiers = readFileSync(path.join(import.meta.dirname, "testdata/meta-volume-tiers-usd-2026-04.csv"), "utf8");

describe("Meta's rates file from 1 October 2026", () => {
  it("reads the authentication-international column although its header breaks over two lines", () => {
    const parsed = parseRateCardCsv(
      [
        "Cost per message in USD on the WhatsApp Business Platform, effective October 1, 2026",
        'Market,Currency,Marketing,Utility,Authentication,"Authentication-',
        'International",Service',
        "Nigeria,USD,$0.0516,$0.0067,$0.0067,$0.0750,$0.0067",
        "Brazil,USD,$0.0625,$0.0068,$0.0068,n/a,$0.0068",
      ].join("\n"),
    );
    expect(parsed.ok && parsed.card.rates.filter((r) => r.market === "Nigeria")).toEqual([
      { market: "Nigeria", category: "MARKETING", fromVolume: 0, rateMicros: 51_600 },
      { market: "Nigeria", category: "UTILITY", fromVolume: 0, rateMicros: 6_700 },
      { market: "Nigeria", category: "AUTHENTICATION", fromVolume: 0, rateMicros: 6_700 },
      { market: "Nigeria", category: "AUTHENTICATION_INTERNATIONAL", fromVolume: 0, rateMicros: 75_000 },
      { market: "Nigeria", category: "SERVICE", fromVolume: 0, rateMicros: 6_700 },
    ]);
    expect(
      parsed.ok &&
        parsed.card.rates.some((r) => r.market === "Brazil" && r.category === "AUTHENTICATION_INTERNATIONAL"),
    ).toBe(false);
  });

  it("counts lines as the file has them when a header breaks over two", () => {
    const parsed = parseRateCardCsv(
      'Market,Currency,Utility,"Authentication-\nInternational"\nNigeria,USD,$0.0067,$0.0750\nBrazil,USD,cheap,n/a\n',
    );
    expect(parsed).toEqual({
      ok: false,
      problems: [{ line: 4, code: "badAmount", values: { market: "Brazil", column: "Utility", value: "cheap" } }],
    });
  });
});

describe("Meta's volume-tier file", () => {
  const rates = (market: string, category: string) => {
    const parsed = parseRateCardCsv(metaTiers);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    return parsed.card.rates
      .filter((r) => r.market === market && r.category === category)
      .map((r) => [r.fromVolume, r.rateMicros]);
  };

  it("reads each market's block of tiers per category, as the messages of the month before each tier", () => {
    const parsed = parseRateCardCsv(metaTiers);
    expect(parsed).toMatchObject({ ok: true, card: { currency: "USD", tiers: true, unknownMarkets: [] } });
    expect(parsed.ok && parsed.card.rates).toHaveLength(12 + 18 + 18 + 12);
    expect(rates("India", "UTILITY")).toEqual([
      [0, 1400],
      [25_000_000, 1300],
      [50_000_000, 1200],
      [100_000_000, 1100],
      [200_000_000, 1100],
      [300_000_000, 1000],
    ]);
    // Each category has its own ranges.
    expect(rates("India", "AUTHENTICATION")).toEqual([
      [0, 1400],
      [750_000, 1300],
      [15_000_000, 1200],
      [20_000_000, 1100],
      [50_000_000, 1100],
      [100_000_000, 1000],
    ]);
    expect(rates("India", "AUTHENTICATION_INTERNATIONAL")).toEqual([
      [0, 30_400],
      [750_000, 28_600],
      [15_000_000, 26_800],
      [20_000_000, 24_900],
      [50_000_000, 23_100],
      [100_000_000, 21_300],
    ]);
    expect(rates("Egypt", "AUTHENTICATION_INTERNATIONAL")[5]).toEqual([40_000_000, 48_800]);
    expect(rates("Argentina", "UTILITY")).toEqual([
      [0, 26_000],
      [100_000, 24_700],
      [1_000_000, 23_400],
      [4_500_000, 22_100],
      [15_000_000, 20_800],
      [30_000_000, 19_500],
    ]);
    expect(rates("Argentina", "AUTHENTICATION")[1]).toEqual([120_000, 24_700]);
    // "n/a": Argentina and North America have no authentication-international section.
    expect(rates("Argentina", "AUTHENTICATION_INTERNATIONAL")).toEqual([]);
    expect(rates("North America", "UTILITY")[1]).toEqual([80_000, 3200]);
    expect(rates("North America", "AUTHENTICATION_INTERNATIONAL")).toEqual([]);
    // Meta's download ends its lines with CR LF, the header's inner line break too.
    expect(parseRateCardCsv(metaTiers.replace(/\n/g, "\r\n"))).toEqual(parsed);
  });

  it("refuses an unreadable rate, a row before any market and a range ending before it starts, with their lines", () => {
    const variant = (from: string, to: string) => {
      expect(metaTiers).toContain(from);
      return parseRateCardCsv(metaTiers.replace(from, to));
    };
    expect(variant('India,USD,0,"25,000,000",List rate,0.0014', 'India,USD,0,"25,000,000",List rate,abc')).toEqual({
      ok: false,
      problems: [{ line: 19, code: "badAmount", values: { market: "India", column: "Utility", value: "abc" } }],
    });
    expect(variant('"25,000,001","50,000,000"', '"25,000,001","5,000,000"')).toEqual({
      ok: false,
      problems: [
        {
          line: 20,
          code: "badRange",
          values: { market: "India", column: "Utility", from: "25,000,001", to: "5,000,000" },
        },
      ],
    });
    expect(variant("\nArgentina,USD,", "\n,USD,")).toEqual({
      ok: false,
      problems: [7, 8, 9, 10, 11, 12].map((line) => ({ line, code: "noMarket" })),
    });
    expect(variant('"15,000,001","20,000,000",Tier rate,0.0268', '"750,001","20,000,000",Tier rate,0.0268')).toEqual({
      ok: false,
      problems: [{ line: 21, code: "duplicateTier", values: { market: "India" } }],
    });
  });
});

describe("a tier file", () => {
  it("reads a volume range however it is printed, as the messages of the month before the tier", () => {
    expect(tierStart("1:750000")).toBe(0);
    expect(tierStart("0 - 750K")).toBe(0);
    expect(tierStart("750,001 – 15M")).toBe(750_000);
    expect(tierStart("750K to 15M")).toBe(750_000);
    expect(tierStart("15,000,001:20,000,000")).toBe(15_000_000);
    expect(tierStart("100,000,001+")).toBe(100_000_000);
    expect(tierStart("100000001:")).toBe(100_000_000);
    expect(tierStart("2:2")).toBe(1);
    expect(tierStart("Above 100M")).toBe(100_000_000);
    expect(tierStart("1.5M and above")).toBe(1_500_000);
    expect(tierStart("Tier 2")).toBeNull();
    expect(tierStart("15M - 1M")).toBeNull();
  });

  it("gives one rate per market, category and tier, and says it is a tier file", () => {
    const parsed = parseRateCardCsv(
      [
        "WhatsApp volume tiers, USD",
        "Market,Volume,Currency,Utility,Authentication",
        "India,0 - 750K,USD,$0.0014,$0.0014",
        "India,750001 - 15M,USD,$0.0013,$0.0013",
        'India,"15,000,001+",USD,$0.0012,n/a',
      ].join("\n"),
    );
    expect(parsed).toEqual({
      ok: true,
      card: {
        currency: "USD",
        tiers: true,
        unknownMarkets: [],
        rates: [
          { market: "India", category: "UTILITY", fromVolume: 0, rateMicros: 1400 },
          { market: "India", category: "AUTHENTICATION", fromVolume: 0, rateMicros: 1400 },
          { market: "India", category: "UTILITY", fromVolume: 750_000, rateMicros: 1300 },
          { market: "India", category: "AUTHENTICATION", fromVolume: 750_000, rateMicros: 1300 },
          { market: "India", category: "UTILITY", fromVolume: 15_000_000, rateMicros: 1200 },
        ],
      },
    });
  });

  it("refuses an unreadable range or a tier twice, with the line", () => {
    const parsed = parseRateCardCsv(
      "Market,Volume,Utility\nIndia,0-750K,0.0014\nIndia,lots,0.0013\nIndia,1:750000,0.0013\n",
      "USD",
    );
    expect(parsed).toEqual({
      ok: false,
      problems: [
        { line: 3, code: "badVolume", values: { market: "India", value: "lots" } },
        { line: 4, code: "duplicateTier", values: { market: "India" } },
      ],
    });
  });

  it("leaves a file without a volume column a base card, as before", () => {
    const parsed = parseRateCardCsv("Market,Marketing\nSpain,0.0615\n", "USD");
    expect(parsed).toMatchObject({ ok: true, card: { tiers: false, rates: [{ market: "Spain", fromVolume: 0 }] } });
  });
});
