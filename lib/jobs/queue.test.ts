import { describe, expect, it } from "vitest";
import { retryDelaySeconds } from "./queue";

describe("retryDelaySeconds", () => {
  it("doubles with each attempt and stops at an hour", () => {
    expect([1, 2, 3, 4].map(retryDelaySeconds)).toEqual([2, 4, 8, 16]);
    expect(retryDelaySeconds(30)).toBe(3600);
  });
});
