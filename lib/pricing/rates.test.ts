import { describe, expect, it } from "vitest";
import { parseRateCardCsv } from "./rate-card-csv";
import {
  cardAt,
  estimateWithCard,
  KNOWN_MARKETS,
  layTiers,
  marketOf,
  marketOfCountry,
  priceMessage,
  SHIPPED_CARDS,
  type RateCard,
} from "./rates";

const card = (over: Partial<RateCard> & Pick<RateCard, "id" | "effectiveFrom">): RateCard => ({
  workspaceId: null,
  currency: "USD",
  rates: [],
  ...over,
});

describe("markets", () => {
  it("finds the market by the longest calling code, a BSUID's country, or an ISO country", () => {
    expect(marketOf("+2348012345678")).toBe("Nigeria");
    expect(marketOf("14155550123")).toBe("North America");
    expect(marketOf("+3546123456")).toBe("Other");
    expect(marketOf("ES.13491208655302741918")).toBe("Spain");
    expect(marketOfCountry("br")).toBe("Brazil");
    expect(marketOfCountry("IS")).toBe("Other");
  });

  it("knows every market of Meta's rate card, its regional groups by country and NANP area code", () => {
    expect([...KNOWN_MARKETS].sort()).toEqual(
      [
        "Argentina",
        "Brazil",
        "Chile",
        "Colombia",
        "Egypt",
        "France",
        "Germany",
        "India",
        "Indonesia",
        "Israel",
        "Italy",
        "Malaysia",
        "Mexico",
        "Netherlands",
        "Nigeria",
        "Pakistan",
        "Peru",
        "Russia",
        "Saudi Arabia",
        "South Africa",
        "Spain",
        "Turkey",
        "United Arab Emirates",
        "United Kingdom",
        "North America",
        "Rest of Africa",
        "Rest of Asia Pacific",
        "Rest of Central & Eastern Europe",
        "Rest of Latin America",
        "Rest of Middle East",
        "Rest of Western Europe",
        "Other",
        // Their own markets from 1 July 2026.
        "Hong Kong",
        "Singapore",
        "Hungary",
        "Poland",
        "Romania",
        "Qatar",
        // Their own markets from 1 October 2026.
        "Bangladesh",
        "Nepal",
        "Sri Lanka",
        "Iraq",
        "Kuwait",
        "Oman",
        "Kazakhstan",
        "Ukraine",
        "Morocco",
      ].sort(),
    );
    expect(marketOf("+17875550123")).toBe("Rest of Latin America"); // Puerto Rico
    expect(marketOf("+18095550123")).toBe("Rest of Latin America"); // Dominican Republic
    expect(marketOf("+12125550123")).toBe("North America");
    expect(marketOf("+351912345678")).toBe("Rest of Western Europe");
    expect(marketOf("+420601123456")).toBe("Rest of Central & Eastern Europe"); // Czech Republic
    expect(marketOf("+48601234567")).toBe("Poland"); // left that group on 1 July 2026
    expect(marketOf("+85291234567")).toBe("Hong Kong");
    expect(marketOf("+6581234567")).toBe("Singapore");
    expect(marketOf("+97433123456")).toBe("Qatar");
    expect(marketOf("+77011234567")).toBe("Kazakhstan"); // shares +7 with Russia
    expect(marketOf("+8801712345678")).toBe("Bangladesh");
    expect(marketOf("+79161234567")).toBe("Russia");
    expect(marketOf("+963912345678")).toBe("Other"); // Syria: in no group
    expect(marketOfCountry("CL")).toBe("Chile");
    expect(marketOfCountry("JO")).toBe("Rest of Middle East");
    expect(marketOfCountry("ZW")).toBe("Rest of Africa"); // moved from Other on 1 October 2025
  });

  it("prices a market an older card lacks as the group it was in, and one in no group at Other", () => {
    const older = card({
      id: "older",
      effectiveFrom: "2026-07-01",
      rates: [
        { market: "Rest of Asia Pacific", category: "UTILITY", fromVolume: 0, rateMicros: 11300 },
        { market: "Other", category: "UTILITY", fromVolume: 0, rateMicros: 7700 },
      ],
    });
    const utility = (recipient: string) =>
      priceMessage({ pricing: { type: "regular", category: "utility" }, recipient, at: new Date("2026-08-01") }, [
        older,
      ]);
    expect(utility("+8801712345678")).toMatchObject({ market: "Bangladesh", costMicros: 11300 });
    expect(utility("+85291234567")).toMatchObject({ market: "Hong Kong", costMicros: 11300 });
    expect(utility("+963912345678")).toMatchObject({ market: "Other", costMicros: 7700 });
    // Kazakhstan was in none of Meta's groups before it became a market of its own.
    expect(utility("+77011234567")).toMatchObject({ market: "Kazakhstan", costMicros: 7700 });
  });

  it("prices a market the shipped card has no rates for at its Other rate", () => {
    const other = priceMessage(
      { pricing: { type: "regular", category: "marketing" }, recipient: "+56912345678", at: new Date("2026-01-01") },
      SHIPPED_CARDS,
    );
    expect(other).toMatchObject({ market: "Chile", costMicros: 60400 });
  });
});

describe("the card in effect", () => {
  const shipped = card({ id: "a", effectiveFrom: "2025-07-01" });
  const later = card({ id: "b", effectiveFrom: "2026-10-01" });
  const own = card({ id: "c", effectiveFrom: "2026-10-01", workspaceId: "ws" });
  it("is the latest effective by the message's day, a workspace's own before a shipped one of the same date", () => {
    expect(cardAt([shipped, later], new Date("2026-09-30T23:59:59Z"))?.id).toBe("a");
    expect(cardAt([shipped, later], new Date("2026-10-01T00:00:00Z"))?.id).toBe("b");
    expect(cardAt([later, own, shipped], new Date("2026-11-01T00:00:00Z"))?.id).toBe("c");
    expect(cardAt([later], new Date("2026-01-01T00:00:00Z"))).toBeNull();
  });
});

describe("a message's cost from its pricing object", () => {
  const at = new Date("2026-11-02T10:00:00Z");
  it("prices regular messages with the shipped card, by market and category", () => {
    const spain = priceMessage(
      { pricing: { type: "regular", category: "marketing" }, recipient: "34600111222", at },
      SHIPPED_CARDS,
    );
    expect(spain).toMatchObject({ market: "Spain", costMicros: 70700, currency: "USD", cardId: "shipped-2026-10-01" });
    const lite = priceMessage(
      { pricing: { type: "regular", category: "marketing_lite" }, recipient: "34600111222", at },
      SHIPPED_CARDS,
    );
    expect(lite.costMicros).toBe(70700);
  });
  it("costs nothing when Meta says it is free: service and utility inside the window, free entry points", () => {
    for (const pricing of [
      { type: "free_customer_service", category: "service" },
      { type: "free_customer_service", category: "utility" },
      { type: "free_entry_point", category: "marketing" },
      { billable: false, category: "utility" },
    ])
      expect(priceMessage({ pricing, recipient: "34600111222", at }, SHIPPED_CARDS).costMicros).toBe(0);
  });
  it("bills service at the utility rate from 1 October 2026 only", () => {
    const service = { pricing: { type: "regular", category: "service" }, recipient: "+447700900123" };
    expect(priceMessage({ ...service, at }, SHIPPED_CARDS).costMicros).toBe(22000);
    expect(priceMessage({ ...service, at: new Date("2026-09-01T00:00:00Z") }, SHIPPED_CARDS).costMicros).toBe(0);
  });
  it("bills authentication at the utility rate on the card from 1 October 2026, and prices more markets on their own", () => {
    const regular = (category: string, recipient: string, when = at) =>
      priceMessage({ pricing: { type: "regular", category }, recipient, at: when }, SHIPPED_CARDS);
    expect(regular("authentication", "+12025550123")).toMatchObject({ market: "North America", costMicros: 3400 });
    expect(regular("utility", "+12025550123").costMicros).toBe(3400);
    // Chile had no rates before (priced at Other); it has its own from 1 October 2026.
    expect(regular("marketing", "+56912345678", new Date("2026-09-30T12:00:00Z")).costMicros).toBe(60400);
    expect(regular("marketing", "+56912345678")).toMatchObject({ market: "Chile", costMicros: 88900 });
    // Every market of Meta's card has its own rates, the regional groups too.
    expect(regular("utility", "+212612345678")).toMatchObject({ market: "Morocco", costMicros: 23000 });
    expect(regular("marketing", "+81901234567")).toMatchObject({ market: "Rest of Asia Pacific", costMicros: 84200 });
    // Nigeria has an authentication-international rate; a market without one falls back to authentication.
    expect(regular("authentication_international", "+2348031234567").costMicros).toBe(75000);
    expect(regular("authentication_international", "+5511912345678").costMicros).toBe(6800);
  });
  it("applies volume tiers and falls back from authentication-international to authentication", () => {
    const tiered = card({
      id: "t",
      effectiveFrom: "2025-01-01",
      rates: [
        { market: "India", category: "UTILITY", fromVolume: 0, rateMicros: 1400 },
        { market: "India", category: "UTILITY", fromVolume: 100_000, rateMicros: 1100 },
        { market: "India", category: "AUTHENTICATION", fromVolume: 0, rateMicros: 1400 },
        { market: "Other", category: "UTILITY", fromVolume: 0, rateMicros: 7700 },
      ],
    });
    const utility = { pricing: { type: "regular", category: "utility" }, recipient: "+919812345678", at };
    expect(priceMessage(utility, [tiered], 100_000).costMicros).toBe(1400);
    expect(priceMessage(utility, [tiered], 100_001).costMicros).toBe(1100);
    const auth = {
      pricing: { type: "regular", category: "authentication_international" },
      recipient: "+919812345678",
      at,
    };
    expect(priceMessage(auth, [tiered]).costMicros).toBe(1400);
    // A market missing from the card is priced at "Other".
    expect(priceMessage({ ...utility, recipient: "+4915112345678" }, [tiered]).costMicros).toBe(7700);
  });
  it("estimates a campaign per market at the base rate", () => {
    const { lines, total } = estimateWithCard(
      [
        { prefix: "+3461", count: 100 },
        { prefix: "+3462", count: 100 },
        { prefix: "+4915", count: 10 },
      ],
      "MARKETING",
      cardAt(SHIPPED_CARDS, at),
    );
    expect(lines.map((l) => [l.market, l.recipients])).toEqual([
      ["Spain", 200],
      ["Germany", 10],
    ]);
    expect(total).toBeCloseTo(200 * 0.0707 + 10 * 0.1365);
  });
  it("estimates tier by tier from the month's next message where the card has volume tiers", () => {
    const tiered = card({
      id: "t",
      effectiveFrom: "2025-01-01",
      rates: [
        { market: "India", category: "UTILITY", fromVolume: 0, rateMicros: 1400 },
        { market: "India", category: "UTILITY", fromVolume: 100, rateMicros: 1100 },
        { market: "India", category: "UTILITY", fromVolume: 1000, rateMicros: 900 },
        { market: "Other", category: "UTILITY", fromVolume: 0, rateMicros: 7700 },
      ],
    });
    const recipients = [
      { prefix: "+9198", count: 50 },
      { prefix: "+4915", count: 10 },
    ];
    // Nothing known of the month: from its first message (50 at the first tier).
    expect(estimateWithCard(recipients, "UTILITY", tiered).lines).toEqual([
      { market: "Germany", recipients: 10, unitPrice: 0.0077, cost: expect.closeTo(0.077) },
      { market: "India", recipients: 50, unitPrice: 0.0014, cost: expect.closeTo(0.07) },
    ]);
    // From the 81st message: 20 at the first tier, 30 at the second; a market without tiers is unchanged.
    const { lines } = estimateWithCard(recipients, "UTILITY", tiered, (market) => (market === "India" ? 81 : 5000));
    expect(lines).toEqual([
      { market: "Germany", recipients: 10, unitPrice: 0.0077, cost: expect.closeTo(0.077) },
      { market: "India", recipients: 50, unitPrice: 0.0014, cost: expect.closeTo(20 * 0.0014 + 30 * 0.0011) },
    ]);
    // Past the last tier's start: every message at its rate.
    expect(estimateWithCard(recipients, "UTILITY", tiered, () => 5000).lines[1]).toEqual({
      market: "India",
      recipients: 50,
      unitPrice: 0.0009,
      cost: expect.closeTo(50 * 0.0009),
    });
  });
});

describe("Meta's rate-card file", () => {
  it("reads markets and categories as Meta prints them, after a title", () => {
    const csv = [
      "WhatsApp Business Platform rate card,,,,,,",
      "Effective October 1 2026,,,,,,",
      "Market,Currency,Marketing,Utility,Authentication,Authentication-International,Service",
      "Brazil,USD,$0.0625,$0.0068,$0.0068,n/a,$0.0068",
      "India,USD,$0.0118,$0.0014,$0.0014,$0.0280,Free",
      "Rest of Africa,USD,0.0225,0.0040,0.0040,,0.0040",
    ].join("\n");
    const parsed = parseRateCardCsv(csv);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.card.currency).toBe("USD");
    expect(parsed.card.rates).toContainEqual({
      market: "India",
      category: "AUTHENTICATION_INTERNATIONAL",
      fromVolume: 0,
      rateMicros: 28000,
    });
    expect(parsed.card.rates).toContainEqual({ market: "India", category: "SERVICE", fromVolume: 0, rateMicros: 0 });
    expect(parsed.card.rates.filter((r) => r.market === "Brazil")).toHaveLength(4);
    // Meta's regional groups are markets Parley knows by their countries' calling codes.
    expect(parsed.card.unknownMarkets).toEqual([]);
    expect(parsed.card.rates).toContainEqual({
      market: "Rest of Africa",
      category: "UTILITY",
      fromVolume: 0,
      rateMicros: 4000,
    });
  });
  it("names each problem with its line, and imports nothing", () => {
    expect(parseRateCardCsv("")).toEqual({ ok: false, problems: [{ line: null, code: "empty" }] });
    expect(parseRateCardCsv("a,b\n1,2")).toEqual({ ok: false, problems: [{ line: null, code: "noHeader" }] });
    const bad = parseRateCardCsv("Market,Marketing\nSpain,abc\nSpain,0.06", "eur");
    expect(bad).toEqual({
      ok: false,
      problems: [
        { line: 2, code: "badAmount", values: { market: "Spain", column: "Marketing", value: "abc" } },
        { line: 3, code: "duplicateMarket", values: { market: "Spain" } },
      ],
    });
    expect(parseRateCardCsv("Market,Marketing\nSpain,99999", "USD")).toMatchObject({
      ok: false,
      problems: [{ line: 2, code: "badAmount" }],
    });
    expect(parseRateCardCsv("Market,Marketing\nSpain,0.06")).toEqual({
      ok: false,
      problems: [{ line: null, code: "noCurrency" }],
    });
    expect(parseRateCardCsv('Market,Marketing\n"Spain,0.06')).toEqual({
      ok: false,
      problems: [{ line: null, code: "unreadable" }],
    });
  });
});

describe("a tier file laid over the card in effect", () => {
  const base = [
    { market: "India", category: "UTILITY", fromVolume: 0, rateMicros: 1400 },
    { market: "India", category: "MARKETING", fromVolume: 0, rateMicros: 11000 },
    { market: "Spain", category: "UTILITY", fromVolume: 0, rateMicros: 20000 },
  ];

  it("replaces the file's markets and categories and keeps every other rate", () => {
    const tiers = [
      { market: "India", category: "UTILITY", fromVolume: 0, rateMicros: 1300 },
      { market: "India", category: "UTILITY", fromVolume: 100_000, rateMicros: 1100 },
    ];
    const { rates, unpriced } = layTiers(base, tiers);
    expect(unpriced).toEqual([]);
    expect(rates).toEqual([base[1], base[2], ...tiers]);
  });

  it("keeps the card's rate for the messages before tiers that start past the month's first", () => {
    const discounts = [{ market: "India", category: "UTILITY", fromVolume: 100_000, rateMicros: 1100 }];
    const { rates, unpriced } = layTiers(base, discounts);
    expect(unpriced).toEqual([]);
    const india = card({ id: "c", effectiveFrom: "2026-10-01", rates });
    const utility = { pricing: { category: "utility" }, recipient: "+919812345678", at: new Date("2026-11-01") };
    expect(priceMessage(utility, [india], 1).costMicros).toBe(1400);
    expect(priceMessage(utility, [india], 100_001).costMicros).toBe(1100);
  });

  it("names the markets and categories whose first messages would have no rate", () => {
    const tiers = [
      { market: "India", category: "AUTHENTICATION", fromVolume: 100_000, rateMicros: 900 },
      { market: "Brazil", category: "UTILITY", fromVolume: 0, rateMicros: 800 },
    ];
    expect(layTiers(base, tiers).unpriced).toEqual([{ market: "India", category: "AUTHENTICATION" }]);
    expect(layTiers([], [tiers[0]!]).unpriced).toEqual([{ market: "India", category: "AUTHENTICATION" }]);
  });
});
