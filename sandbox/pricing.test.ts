import { describe, expect, it } from "vitest";
import { createLedger, pricingAnalyticsRange, pricingFor } from "./pricing";

describe("the sandbox's billing", () => {
  it("prices messages as Meta does: free inside the window unless the scenario bills it", () => {
    expect(pricingFor("MARKETING", true, false)).toEqual({ type: "regular", category: "marketing" });
    expect(pricingFor("UTILITY", true, false)).toEqual({ type: "free_customer_service", category: "utility" });
    expect(pricingFor("UTILITY", false, false)).toEqual({ type: "regular", category: "utility" });
    expect(pricingFor(undefined, true, false)).toEqual({ type: "free_customer_service", category: "service" });
    expect(pricingFor(undefined, true, true)).toEqual({ type: "regular", category: "service" });
  });

  it("answers pricing_analytics from what was delivered by now, in daily buckets", () => {
    const ledger = createLedger();
    const at = (iso: string) => new Date(iso);
    ledger.record("34610000301", { type: "regular", category: "marketing" }, at("2026-11-30T10:00:00Z"));
    ledger.record("34610000302", { type: "regular", category: "marketing" }, at("2026-11-30T23:59:59Z"));
    ledger.record("447400900555", { type: "free_customer_service", category: "service" }, at("2026-12-01T08:00:00Z"));
    ledger.record("34610000303", { type: "regular", category: "marketing" }, at("2026-12-01T12:00:00Z"));
    const range = pricingAnalyticsRange(
      `pricing_analytics.start(${Date.parse("2026-11-30T00:00:00Z") / 1000}).end(${Date.parse("2026-12-02T00:00:00Z") / 1000}).granularity(DAILY)`,
    )!;
    const points = ledger.analytics(range.start, range.end, Date.parse("2026-12-01T09:00:00Z")).data[0]!.data_points;
    expect(points).toEqual([
      {
        start: Date.parse("2026-11-30T00:00:00Z") / 1000,
        end: Date.parse("2026-12-01T00:00:00Z") / 1000,
        country: "ES",
        pricing_category: "MARKETING",
        pricing_type: "REGULAR",
        volume: 2,
        cost: 0.1414,
      },
      {
        start: Date.parse("2026-12-01T00:00:00Z") / 1000,
        end: Date.parse("2026-12-02T00:00:00Z") / 1000,
        country: "GB",
        pricing_category: "SERVICE",
        pricing_type: "FREE_CUSTOMER_SERVICE",
        volume: 1,
        cost: 0,
      },
    ]);
    expect(pricingAnalyticsRange("id,name")).toBeNull();
  });
});
