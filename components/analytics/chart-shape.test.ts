import { describe, expect, it } from "vitest";
import { chartShape, FEW_POINTS } from "./chart-shape";

describe("chartShape", () => {
  it("says there is nothing to draw before the first point", () => {
    expect(chartShape(0)).toBe("empty");
  });
  it("draws one to a few points as bars, not a dot or a diagonal", () => {
    expect(chartShape(1)).toBe("bars");
    expect(chartShape(2)).toBe("bars");
    expect(chartShape(FEW_POINTS - 1)).toBe("bars");
  });
  it("draws a longer series as a line", () => {
    expect(chartShape(FEW_POINTS)).toBe("line");
    expect(chartShape(500)).toBe("line");
  });
});
