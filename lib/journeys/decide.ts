// The engine's decisions that need no database: when a wait ends, which way a branch goes, which path of a
// split a person takes. Each takes the time it decides at, so the tests pick it.
import { createHash } from "node:crypto";
import { untilClockMs } from "@/lib/campaigns/quiet-hours";
import type { Step } from "./graph";

type Wait = Extract<Step, { kind: "wait" }>;
type Branch = Extract<Step, { kind: "branch" }>;
type Split = Extract<Step, { kind: "split" }>;

/** Own keys only: "__proto__" must not read Object.prototype. */
export function ownValue(record: unknown, key: string): unknown {
  return record && typeof record === "object" && Object.hasOwn(record, key)
    ? (record as Record<string, unknown>)[key]
    : undefined;
}

/**
 * When a "duration", "until" or "clock" wait is over; null when an "until" has no usable date (the step is
 * skipped). `stepAt`: when the run reached the step; `zone`: the person's time zone (else the workspace's).
 */
export function waitEnds(
  step: Wait,
  stepAt: Date,
  values: { properties: unknown; attributes: unknown; zone?: string },
): Date | null {
  if (step.mode === "clock") return new Date(stepAt.getTime() + untilClockMs(stepAt, values.zone ?? "UTC", step.clock));
  if (step.mode !== "until") return new Date(stepAt.getTime() + step.seconds * 1000);
  const raw = ownValue(step.dateSource === "event" ? values.properties : values.attributes, step.dateKey);
  if (typeof raw !== "string" && typeof raw !== "number") return null;
  const date = new Date(raw);
  if (Number.isNaN(date.getTime())) return null;
  return new Date(date.getTime() + step.offsetHours * 3_600_000);
}

/** What the run's last message shows (null: the send step queued nothing). */
export type MessageSignals = {
  deliveredAt: Date | null;
  readAt: Date | null;
  repliedAt: Date | null;
  clickedButton: string | null;
  /** Its WhatsApp Flow was completed. */
  answered?: boolean;
  failed: boolean;
} | null;

/**
 * A branch's way: "yes", "no", or "wait" until `deadline` for a signal on the last message that has not
 * come yet. A message that failed, or none, gives "no" at once; so does a different button.
 */
export function branchWay(
  step: Branch,
  stepAt: Date,
  now: Date,
  facts: { message: MessageSignals; attributes: unknown; windowOpen: boolean; optedIn?: boolean },
): { way: "yes" | "no" } | { way: "wait"; deadline: Date } {
  switch (step.signal) {
    case "attribute": {
      const value = ownValue(facts.attributes, step.key);
      return { way: value !== undefined && value !== null && String(value) === step.value ? "yes" : "no" };
    }
    case "window":
      return { way: facts.windowOpen ? "yes" : "no" };
    case "consent":
      return { way: facts.optedIn ? "yes" : "no" };
  }
  const m = facts.message;
  if (!m || m.failed) return { way: "no" };
  const seen =
    step.signal === "delivered"
      ? Boolean(m.deliveredAt ?? m.readAt)
      : step.signal === "read"
        ? Boolean(m.readAt)
        : step.signal === "replied"
          ? Boolean(m.repliedAt)
          : step.signal === "answered"
            ? Boolean(m.answered)
            : m.clickedButton !== null && m.clickedButton.trim().toLowerCase() === step.key.trim().toLowerCase();
  if (seen) return { way: "yes" };
  if (step.signal === "button" && m.clickedButton !== null) return { way: "no" };
  const deadline = new Date(stepAt.getTime() + step.seconds * 1000);
  return deadline <= now ? { way: "no" } : { way: "wait", deadline };
}

/** The split path a run takes: by weight, from a hash of the run and step, so a retried step picks the same. */
export function splitPath(step: Split, runId: string): Split["paths"][number] {
  const hash = createHash("sha256").update(`${runId}\0${step.id}`).digest();
  const roll = hash.readUInt32BE(0) % 100;
  let sum = 0;
  for (const path of step.paths) {
    sum += path.percent;
    if (roll < sum) return path;
  }
  return step.paths[step.paths.length - 1]!;
}
