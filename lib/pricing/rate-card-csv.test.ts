import { describe, expect, it } from "vitest";
import { parseRateCardCsv, tierStart } from "./rate-card-csv";

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
