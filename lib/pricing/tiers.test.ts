import { describe, expect, it } from "vitest";
import { marketOfRegion, parseTier, readTierInfo, tierFloor, type KnownTier } from "./tiers";

describe("Meta's volume tier announcement", () => {
  it("reads a tier as the messages of the month it covers", () => {
    expect(parseTier("25000001:50000000")).toEqual({ fromVolume: 25_000_000, toVolume: 50_000_000 });
    expect(parseTier("1:750000")).toEqual({ fromVolume: 0, toVolume: 750_000 });
    expect(parseTier("100000001:")).toEqual({ fromVolume: 100_000_000, toVolume: null });
    expect(parseTier("100000001:-1")).toEqual({ fromVolume: 100_000_000, toVolume: null });
    expect(parseTier("TIER_2")).toBeNull();
    expect(parseTier("50:10")).toBeNull();
  });

  it("names the rate-card market of Meta's region however Meta spells it", () => {
    expect(marketOfRegion("INDIA")).toBe("India");
    expect(marketOfRegion("NORTH_AMERICA")).toBe("North America");
    expect(marketOfRegion("united arab emirates")).toBe("United Arab Emirates");
    expect(marketOfRegion("REST_OF_CENTRAL_AND_EASTERN_EUROPE")).toBe("Rest of Central & Eastern Europe");
    expect(marketOfRegion("IN")).toBe("India");
    expect(marketOfRegion("PT")).toBe("Rest of Western Europe");
    expect(marketOfRegion("ATLANTIS")).toBeNull();
    expect(marketOfRegion("XX")).toBeNull();
  });

  it("turns Meta's payload into a tier from its effective month and the time it was reached", () => {
    const read = readTierInfo(
      {
        effective_month: "2026-11",
        pricing_category: "UTILITY",
        region: "INDIA",
        tier: "25000001:50000000",
        tier_update_time: 1_794_000_000,
      },
      new Date("2026-11-20T00:00:00Z"),
    );
    expect(read).toEqual({
      ok: true,
      announcement: {
        month: "2026-11-01",
        market: "India",
        knownMarket: true,
        category: "UTILITY",
        fromVolume: 25_000_000,
        toVolume: 50_000_000,
        tier: "25000001:50000000",
        reachedAt: new Date(1_794_000_000 * 1000),
      },
    });
    // A region Parley does not know is kept as Meta wrote it; what cannot price anything is refused with a reason.
    expect(readTierInfo({ pricing_category: "UTILITY", region: "ATLANTIS", tier: "1:2" }, new Date())).toMatchObject({
      ok: true,
      announcement: { market: "ATLANTIS", knownMarket: false },
    });
    expect(readTierInfo({ pricing_category: "UTILITY", region: "INDIA", tier: "x" }, new Date())).toEqual({
      ok: false,
      reason: "unreadable tier x",
    });
    expect(readTierInfo(undefined, new Date())).toEqual({ ok: false, reason: "no volume_tier_info" });
  });

  it("reads Meta's payload defensively: a bare number as an open tier, seconds as a string; a malformed one has a reason", () => {
    const read = readTierInfo(
      { pricing_category: "utility", region: "INDIA", tier: 25000001, tier_update_time: "1794000000" },
      new Date("2026-11-20T00:00:00Z"),
    );
    expect(read).toMatchObject({
      ok: true,
      announcement: {
        month: "2026-11-01",
        fromVolume: 25_000_000,
        toVolume: null,
        reachedAt: new Date(1_794_000_000 * 1000),
      },
    });
    for (const malformed of [
      "25000001:50000000",
      [],
      { pricing_category: "UTILITY", region: "INDIA", tier: { from: 1 } },
      { pricing_category: "UTILITY", tier: "1:2" },
      { pricing_category: 7, region: "INDIA", tier: "1:2" },
    ])
      expect(readTierInfo(malformed, new Date())).toMatchObject({
        ok: false,
        reason: expect.stringMatching(/^malformed volume_tier_info/),
      });
  });
});

describe("the tier floor of a message", () => {
  const tiers: KnownTier[] = [
    {
      month: "2026-11-01",
      market: "India",
      category: "UTILITY",
      fromVolume: 750_000,
      reachedAt: new Date("2026-11-10T00:00:00Z"),
    },
    {
      month: "2026-11-01",
      market: "India",
      category: "UTILITY",
      fromVolume: 15_000_000,
      reachedAt: new Date("2026-11-20T00:00:00Z"),
    },
  ];
  it("is past the highest tier Meta said was reached by the message's time, in its month, market and category", () => {
    expect(tierFloor(tiers, "India", "UTILITY", new Date("2026-11-09T00:00:00Z"))).toBe(1);
    expect(tierFloor(tiers, "India", "UTILITY", new Date("2026-11-10T00:00:00Z"))).toBe(750_001);
    expect(tierFloor(tiers, "India", "UTILITY", new Date("2026-11-25T00:00:00Z"))).toBe(15_000_001);
    expect(tierFloor(tiers, "India", "AUTHENTICATION", new Date("2026-11-25T00:00:00Z"))).toBe(1);
    expect(tierFloor(tiers, "Brazil", "UTILITY", new Date("2026-11-25T00:00:00Z"))).toBe(1);
    expect(tierFloor(tiers, "India", "UTILITY", new Date("2026-12-01T00:00:00Z"))).toBe(1); // a new month starts over
  });
});
