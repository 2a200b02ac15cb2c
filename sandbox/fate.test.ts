import { describe, expect, it } from "vitest";
import { sandboxConfigSchema } from "./config";
import { faultOf, fateOf, type OutgoingMessage } from "./fate";

const config = sandboxConfigSchema.parse({ accessToken: "t", appSecret: "s", seed: 7 });
const message = (to: string, extra: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  to,
  ordinal: 0,
  type: "template",
  category: "MARKETING",
  quickReplies: [{ payload: "DEALS", text: "Show me deals" }],
  replyButtons: [],
  trackedUrls: [],
  windowOpen: false,
  optedOut: false,
  ...extra,
});

describe("fateOf", () => {
  it("is the same for the same seed and message, and differs with the seed", () => {
    const phones = Array.from({ length: 200 }, (_, i) => `3461${String(i).padStart(7, "0")}`);
    const once = phones.map((p) => fateOf(config, message(p)));
    expect(phones.map((p) => fateOf(config, message(p)))).toEqual(once);
    expect(phones.map((p) => fateOf({ ...config, seed: 8 }, message(p)))).not.toEqual(once);
  });

  it("follows the configured shares over many recipients", () => {
    const phones = Array.from({ length: 4000 }, (_, i) => `3462${String(i).padStart(7, "0")}`);
    const fates = phones.map((p) =>
      fateOf({ ...config, readShare: 0.5, notOnWhatsAppShare: 0, stoppedMarketingShare: 0 }, message(p)),
    );
    const read = fates.filter((f) => f.some((x) => x.kind === "status" && x.status === "read")).length / phones.length;
    expect(read).toBeGreaterThan(0.45);
    expect(read).toBeLessThan(0.55);
  });

  it("applies Meta's rules before any delivery", () => {
    expect(fateOf(config, message("34610000000"))[0]).toMatchObject({ kind: "failed", code: 131026 });
    expect(fateOf(config, message("34610000001"))[0]).toMatchObject({ kind: "failed", code: 131050 });
    expect(fateOf(config, message("34610009999", { optedOut: true }))[0]).toMatchObject({
      kind: "failed",
      code: 131050,
    });
    expect(fateOf(config, message("14155550123"))[0]).toMatchObject({ kind: "failed", code: 131049 });
    expect(fateOf(config, message("34610009999", { type: "text", category: undefined }))[0]).toMatchObject({
      kind: "failed",
      code: 131047,
    });
    expect(fateOf(config, message("34610009999", { category: "UTILITY", optedOut: true }))[0]).toMatchObject({
      kind: "status",
      status: "sent",
    });
  });

  it("answers an interactive reply-button message by tapping one of its buttons", () => {
    const fates = fateOf(
      config,
      message("34610009998", {
        type: "interactive",
        category: undefined,
        windowOpen: true,
        replyButtons: [
          { id: "yes", title: "Yes" },
          { id: "no", title: "No" },
        ],
      }),
    );
    expect(fates.find((f) => f.kind === "interactive_reply")).toMatchObject({
      kind: "interactive_reply",
      id: expect.stringMatching(/^(yes|no)$/),
    });
  });
});

describe("faultOf", () => {
  const phones = Array.from({ length: 4000 }, (_, i) => `3463${String(i).padStart(7, "0")}`);
  const faulty = { ...config, faults: { failShare: 0.06, hangShare: 0.04, hangMs: 20_000 } };

  it("is off unless the scenario asks for faults", () => {
    expect(phones.map((p) => faultOf(config, p, 0)).filter(Boolean)).toEqual([]);
  });

  it("fails and holds back the configured shares of calls, with Meta's transient codes", () => {
    const faults = phones.map((p) => faultOf(faulty, p, 0));
    const failed = faults.filter((f) => f?.kind === "fail");
    const held = faults.filter((f) => f?.kind === "hang");
    expect(failed.length / phones.length).toBeGreaterThan(0.05);
    expect(failed.length / phones.length).toBeLessThan(0.07);
    expect(held.length / phones.length).toBeGreaterThan(0.03);
    expect(held.length / phones.length).toBeLessThan(0.05);
    expect(new Set(failed.map((f) => f?.kind === "fail" && f.code))).toEqual(new Set([1, 2, 131000]));
    expect(held.every((f) => f?.kind === "hang" && f.ms === 20_000)).toBe(true);
  });

  it("repeats with the seed, and rolls again for each call to the same recipient", () => {
    expect(phones.map((p) => faultOf(faulty, p, 0))).toEqual(phones.map((p) => faultOf(faulty, p, 0)));
    expect(phones.map((p) => faultOf({ ...faulty, seed: 8 }, p, 0))).not.toEqual(
      phones.map((p) => faultOf(faulty, p, 0)),
    );
    const failedFirst = phones.filter((p) => faultOf(faulty, p, 0)?.kind === "fail");
    const failedAgain = failedFirst.filter((p) => faultOf(faulty, p, 1)?.kind === "fail");
    expect(failedAgain.length).toBeLessThan(failedFirst.length / 4);
  });
});
