import { describe, expect, it } from "vitest";
import { parseRateCardCsv, tierStart } from "./rate-card-csv";

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
