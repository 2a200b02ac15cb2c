import { describe, expect, it } from "vitest";
import { Pacer } from "./pacer";

describe("pacer", () => {
  it("spaces sends evenly at the rate and saves no burst from idle time", () => {
    const pacer = new Pacer(80);
    const waits = Array.from({ length: 81 }, () => pacer.reserve(1_000));
    expect(waits[0]).toBe(0);
    expect(waits[1]).toBeCloseTo(12.5);
    expect(waits[80]).toBeCloseTo(1_000); // 81 sends take one second: never more than 80 in any second
    // After ten idle seconds the next send goes at once, the one after it a slot later.
    expect(pacer.reserve(12_000)).toBe(0);
    expect(pacer.reserve(12_000)).toBeCloseTo(12.5);
  });

  it("backs off on 130429, then climbs back to the target but not beyond", () => {
    const pacer = new Pacer(100);
    pacer.backOff(0, 1_000);
    expect(pacer.rate).toBe(90);
    expect(pacer.reserve(0)).toBe(1_000);
    for (let i = 0; i < 10; i++) pacer.recover();
    expect(pacer.rate).toBe(100);
    pacer.setTarget(50);
    expect(pacer.rate).toBe(50);
  });
});
