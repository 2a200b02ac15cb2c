import { describe, expect, it } from "vitest";
import { messagingTier, qualityRating } from "./quality";

describe("qualityRating", () => {
  it("keeps Meta's ratings and calls anything else unknown", () => {
    expect(qualityRating("YELLOW")).toBe("YELLOW");
    expect(qualityRating("NA")).toBe("UNKNOWN");
    expect(qualityRating(null)).toBe("UNKNOWN");
  });
});

describe("messagingTier", () => {
  it("reads Meta's tier names as a number of people", () => {
    expect(messagingTier("TIER_250")).toBe(250);
    expect(messagingTier("TIER_10K")).toBe(10_000);
    expect(messagingTier("TIER_UNLIMITED")).toBe("unlimited");
    expect(messagingTier("TIER_SOMETHING")).toBeNull();
    expect(messagingTier(undefined)).toBeNull();
  });
});
