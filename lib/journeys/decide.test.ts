import { describe, expect, it } from "vitest";
import { branchWay, splitPath, waitEnds } from "./decide";
import type { Step } from "./graph";
import { newStep } from "./graph-edit";

const at = new Date("2026-12-02T10:00:00Z");
const wait = (patch: object) => ({ ...newStep("wait", "wait_1"), ...patch }) as Extract<Step, { kind: "wait" }>;
const branch = (patch: object) => ({ ...newStep("branch", "branch_1"), ...patch }) as Extract<Step, { kind: "branch" }>;
const message = (patch: object = {}) => ({
  deliveredAt: null,
  readAt: null,
  repliedAt: null,
  clickedButton: null,
  failed: false,
  ...patch,
});

describe("waits", () => {
  it("ends a duration after the step was reached", () => {
    expect(waitEnds(wait({ seconds: 7200 }), at, { properties: {}, attributes: {} })).toEqual(
      new Date("2026-12-02T12:00:00Z"),
    );
  });

  it("ends a set time before a date in the event or an attribute, and skips when there is none", () => {
    const step = wait({ mode: "until", dateKey: "appointment_at", offsetHours: -24 });
    expect(waitEnds(step, at, { properties: { appointment_at: "2026-12-05T09:30:00+01:00" }, attributes: {} })).toEqual(
      new Date("2026-12-04T08:30:00Z"),
    );
    const fromAttribute = { ...step, dateSource: "attribute" as const };
    expect(
      waitEnds(fromAttribute, at, { properties: {}, attributes: { appointment_at: "2026-12-05T09:30:00Z" } }),
    ).toEqual(new Date("2026-12-04T09:30:00Z"));
    expect(waitEnds(step, at, { properties: { appointment_at: "next week" }, attributes: {} })).toBeNull();
    expect(waitEnds(step, at, { properties: {}, attributes: {} })).toBeNull();
    expect(waitEnds({ ...step, dateKey: "__proto__" }, at, { properties: {}, attributes: {} })).toBeNull();
  });

  it("ends at the next time of day on the person's clock", () => {
    const nine = wait({ mode: "clock", clock: "09:00" });
    // 10:00 UTC is 11:00 in Madrid (winter): 09:00 there is tomorrow at 08:00 UTC.
    expect(waitEnds(nine, at, { properties: {}, attributes: {}, zone: "Europe/Madrid" })).toEqual(
      new Date("2026-12-03T08:00:00Z"),
    );
    // and 05:00 in New York: today at 14:00 UTC.
    expect(waitEnds(nine, at, { properties: {}, attributes: {}, zone: "America/New_York" })).toEqual(
      new Date("2026-12-02T14:00:00Z"),
    );
    // An unknown zone is read as UTC.
    expect(waitEnds(nine, at, { properties: {}, attributes: {}, zone: "Mars/Base" })).toEqual(
      new Date("2026-12-03T09:00:00Z"),
    );
  });
});

describe("branches", () => {
  const before = new Date(at.getTime() + 1000);
  const after = new Date(at.getTime() + 25 * 3600 * 1000);
  const facts = (m: ReturnType<typeof message> | null) => ({ message: m, attributes: {}, windowOpen: false });

  it("goes yes as soon as the signal is there, waits until the deadline, then goes no", () => {
    const read = branch({ signal: "read", seconds: 24 * 3600 });
    expect(branchWay(read, at, before, facts(message({ readAt: at })))).toEqual({ way: "yes" });
    expect(branchWay(read, at, before, facts(message()))).toEqual({
      way: "wait",
      deadline: new Date(at.getTime() + 24 * 3600 * 1000),
    });
    expect(branchWay(read, at, after, facts(message()))).toEqual({ way: "no" });
    expect(branchWay(branch({ signal: "delivered" }), at, before, facts(message({ readAt: at })))).toEqual({
      way: "yes",
    });
  });

  it("goes no at once when the message failed or was never sent, or another button was tapped", () => {
    const tap = branch({ signal: "button", key: "Reschedule" });
    expect(branchWay(tap, at, before, facts(null))).toEqual({ way: "no" });
    expect(branchWay(tap, at, before, facts(message({ failed: true })))).toEqual({ way: "no" });
    expect(branchWay(tap, at, before, facts(message({ clickedButton: "Confirm" })))).toEqual({ way: "no" });
    expect(branchWay(tap, at, before, facts(message({ clickedButton: "reschedule" })))).toEqual({ way: "yes" });
  });

  it("decides on the contact at once for an attribute or the window", () => {
    const tier = branch({ signal: "attribute", key: "tier", value: "gold" });
    expect(branchWay(tier, at, before, { message: null, attributes: { tier: "gold" }, windowOpen: false })).toEqual({
      way: "yes",
    });
    expect(branchWay(tier, at, before, { message: null, attributes: { tier: "silver" }, windowOpen: false })).toEqual({
      way: "no",
    });
    expect(
      branchWay(branch({ signal: "window" }), at, before, { message: null, attributes: {}, windowOpen: true }),
    ).toEqual({ way: "yes" });
    const consent = branch({ signal: "consent", key: "list_1" });
    const facts = { message: null, attributes: {}, windowOpen: false };
    expect(branchWay(consent, at, before, { ...facts, optedIn: true })).toEqual({ way: "yes" });
    expect(branchWay(consent, at, before, { ...facts, optedIn: false })).toEqual({ way: "no" });
  });
});

describe("random split", () => {
  it("picks the same path for the same run, and follows the weights", () => {
    const split = {
      ...newStep("split", "split_1"),
      paths: [
        { name: "A", percent: 80, next: null },
        { name: "B", percent: 20, next: null },
      ],
    } as Extract<Step, { kind: "split" }>;
    expect(splitPath(split, "run-1")).toEqual(splitPath(split, "run-1"));
    const picks = Array.from({ length: 2000 }, (_, i) => splitPath(split, `run-${i}`).name);
    const share = picks.filter((p) => p === "A").length / picks.length;
    expect(share).toBeGreaterThan(0.75);
    expect(share).toBeLessThan(0.85);
  });
});
