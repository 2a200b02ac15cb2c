import { describe, expect, it } from "vitest";
import { nextAttemptAt, retryDelayMs, RETRY_WINDOW_MS } from "./backoff";

describe("webhook retry back-off", () => {
  it("doubles from 5 seconds up to an hour, with up to half of each wait as jitter", () => {
    expect(retryDelayMs(1, () => 1)).toBe(5_000);
    expect(retryDelayMs(1, () => 0)).toBe(2_500);
    expect(retryDelayMs(2, () => 1)).toBe(10_000);
    expect(retryDelayMs(5, () => 1)).toBe(80_000);
    expect(retryDelayMs(30, () => 1)).toBe(3_600_000);
    expect(retryDelayMs(30, () => 0)).toBe(1_800_000);
    for (let attempt = 1; attempt < 40; attempt++)
      expect(retryDelayMs(attempt + 1, () => 1)).toBeGreaterThanOrEqual(retryDelayMs(attempt, () => 1));
  });

  it("keeps trying for 24 hours, the last try at the 24-hour mark, then gives up", () => {
    const created = new Date("2026-01-01T00:00:00Z");
    let now = created;
    let attempt = 1;
    const tries: Date[] = [];
    for (;;) {
      const next = nextAttemptAt(created, attempt, now, () => 0.5);
      if (!next) break;
      tries.push(next);
      now = next;
      attempt++;
    }
    expect(tries.at(-1)!.getTime()).toBe(created.getTime() + RETRY_WINDOW_MS);
    expect(tries.length).toBeGreaterThan(20);
    expect(tries.length).toBeLessThan(80);
  });
});
