import { describe, expect, it } from "vitest";
import { Pacer } from "./pacer";

describe("pacer", () => {
  it("spaces sends evenly at the rate and makes up at most a tenth of a second of idle time", () => {
    const pacer = new Pacer(80);
    const waits = Array.from({ length: 89 }, () => pacer.reserve(1_000));
    // The first 8 slots (100 ms) go at once, then one every 12.5 ms: 89 sends take one second.
    expect(waits.slice(0, 9)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(waits[9]).toBeCloseTo(12.5);
    expect(waits[88]).toBeCloseTo(1_000);
    // After ten idle seconds, again only 8 go at once.
    const after = Array.from({ length: 10 }, () => pacer.reserve(12_000));
    expect(after.filter((w) => w === 0)).toHaveLength(9);
    expect(after[9]).toBeCloseTo(12.5);
  });

  it("backs off on 130429, then climbs back to the target but not beyond", () => {
    const pacer = new Pacer(100);
    pacer.backOff(0, 1_000);
    pacer.backOff(10, 1_000); // the same burst's other errors
    expect(pacer.rate).toBe(50);
    expect(pacer.reserve(0)).toBe(1_000);
    expect(pacer.reserve(0)).toBeCloseTo(1_020);
    for (let i = 0; i < 15; i++) pacer.recover();
    expect(pacer.rate).toBe(100);
    pacer.setTarget(50);
    expect(pacer.rate).toBe(50);
    pacer.setTarget(1000); // a faster campaign starts at its own rate at once
    expect(pacer.rate).toBe(1000);
  });
});
