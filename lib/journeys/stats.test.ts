import { describe, expect, it } from "vitest";
import { significance } from "./stats";

describe("split significance", () => {
  it("calls a large difference on many people significant", () => {
    expect(significance({ entered: 1000, converted: 100 }, { entered: 1000, converted: 150 })).toMatchObject({
      significant: true,
      enough: true,
    });
  });

  it("does not call a small difference significant", () => {
    expect(significance({ entered: 1000, converted: 100 }, { entered: 1000, converted: 105 }).significant).toBe(false);
  });

  it("says there are not enough people yet rather than guess", () => {
    expect(significance({ entered: 10, converted: 1 }, { entered: 10, converted: 9 })).toMatchObject({
      significant: false,
      enough: false,
    });
  });
});
