// A journey's graph: what starts it, its steps and where each leads, its goal and its entry rule. One
// schema for the builder's form, the server action and the engine (which reads a published version's
// frozen copy). Steps name the next step by id; a step with no next ends the run there, as an exit does.
// The schema takes an unfinished draft (an empty template, a bad event name): `problems` (graph-edit.ts) is
// the validation the builder shows on each step, and publishing requires it to find nothing.
import { z } from "zod";
import { KEYWORD_MAX } from "@/lib/events/trigger-keys";
import { messageKey } from "@/lib/i18n/message-key";
import { BRANCH_SIGNALS, HOUR, VARIABLE_SOURCES } from "./graph-edit";

const id = z.string().regex(/^[a-z0-9_-]{1,40}$/);
const next = id.nullable().default(null);
/** A duration in seconds: one minute to 90 days. */
const duration = z
  .number()
  .int()
  .min(60, messageKey("journeys.errors.durationShort"))
  .max(90 * 24 * HOUR, messageKey("journeys.errors.durationLong"));
/** Hours before (negative) or after a date: up to 90 days either way. */
const offsetHours = z
  .number()
  .int()
  .min(-24 * 90)
  .max(24 * 90)
  .default(0);
const eventName = z.string().trim().max(100);
const position = z.object({ x: z.number().finite(), y: z.number().finite() }).optional();

export const triggerSchema = z.discriminatedUnion("kind", [
  /** An event from the business's systems (POST /api/public/v1/events); its properties feed the steps. */
  z.object({ kind: z.literal("event"), event: eventName }),
  /** An opt-in to a consent list. */
  z.object({ kind: z.literal("optIn"), consentListId: z.string().max(64) }),
  /** A completed WhatsApp Flow (its answers are the event's properties). */
  z.object({ kind: z.literal("flow"), flowId: z.string().max(64) }),
  /** A message whose whole text is this keyword, in any letter case ("JOIN"). */
  z.object({ kind: z.literal("keyword"), keyword: z.string().trim().max(KEYWORD_MAX) }),
  /** A tap on a quick-reply button (by its text) of a campaign's message. */
  z.object({ kind: z.literal("button"), campaignId: z.string().max(64), button: z.string().trim().max(100) }),
  /**
   * A date in a contact attribute, shifted by `offsetHours` (-24: a day before `appointment_at`); a date without
   * an offset is on the contact's clock (lib/journeys/date-trigger.ts).
   */
  /** Entering a saved segment (people already in it when the journey goes live do not enter). */
  z.object({ kind: z.literal("segment"), segmentId: z.string().max(64) }),
  z.object({
    kind: z.literal("date"),
    attribute: z.string().trim().max(64),
    offsetHours,
  }),
]);

export const journeyVariableSchema = z.object({
  /** "event": a property of the event that started the run; "field": a contact field; "attribute": a contact attribute. */
  source: z.enum(VARIABLE_SOURCES),
  value: z.string().trim().max(500),
  fallback: z.string().trim().max(500).default(""),
});
export type JourneyVariable = z.output<typeof journeyVariableSchema>;

const base = { id, label: z.string().trim().max(80).default(""), position };

export const stepSchema = z.discriminatedUnion("kind", [
  z.object({
    ...base,
    kind: z.literal("send"),
    /** An approved template by name; its language suits the contact (as the public API picks it). */
    template: z.string().trim().max(512),
    /** A media header's image, video or document: a public https address Meta fetches it from. */
    headerMedia: z
      .union([z.literal(""), z.url({ protocol: /^https$/, error: messageKey("journeys.errors.headerMediaLink") })])
      .default(""),
    /** Keyed by the template's slots, as a campaign's: "header", "body:1", "button:0"… */
    variables: z
      .record(z.string().regex(/^(header|body:[A-Za-z0-9_]+|button:\d|payload:\d)$/), journeyVariableSchema)
      .default({}),
    next,
  }),
  z.object({
    ...base,
    /** A session message: sent only while the person's 24-hour window is open (skipped otherwise). */
    kind: z.literal("message"),
    text: z.string().trim().max(4096),
    next,
  }),
  z.object({
    ...base,
    kind: z.literal("wait"),
    mode: z.enum(["duration", "until", "clock", "event"]),
    /** "clock": the next time the person's clock (their time zone, else the workspace's) shows this, HH:MM. */
    clock: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
      .default("09:00"),
    /** "duration": how long. "event": how long to wait for the event before taking `timeout`. */
    seconds: duration.default(HOUR),
    /** "until": a date in an event property or contact attribute, shifted by `offsetHours` (-24: a day before). */
    dateSource: z.enum(["event", "attribute"]).default("event"),
    dateKey: z.string().trim().max(100).default(""),
    offsetHours,
    /** "event": the event that ends the wait early. */
    event: eventName.default(""),
    next,
    timeout: next,
  }),
  z.object({
    ...base,
    kind: z.literal("branch"),
    /** On the run's last message (delivered, read, replied, a button tapped) within `seconds`, or on the contact now. */
    signal: z.enum(BRANCH_SIGNALS),
    /** "button": the tapped button's text. "attribute": the attribute whose value is compared. "consent": the list. */
    key: z.string().trim().max(100).default(""),
    /** "attribute": the value that takes the yes path. */
    value: z.string().trim().max(500).default(""),
    seconds: duration.default(24 * HOUR),
    yes: next,
    no: next,
  }),
  z.object({
    ...base,
    kind: z.literal("split"),
    /** A/B: each person takes one path at random by weight; a path with no next is a holdout. */
    paths: z
      .array(z.object({ name: z.string().trim().min(1).max(40), percent: z.number().int().min(0).max(100), next }))
      .min(2)
      .max(5),
  }),
  z.object({
    ...base,
    kind: z.literal("update"),
    addTags: z.array(z.string().trim().min(1).max(50)).max(20).default([]),
    removeTags: z.array(z.string().trim().min(1).max(50)).max(20).default([]),
    attributes: z.record(z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/), z.string().max(500)).default({}),
    /** An opt-in to, or opt-out of, a consent list, recorded with the journey as its source (lib/journeys/consent-step.ts). */
    consent: z
      .object({ listId: z.string().max(64), action: z.enum(["OPT_IN", "OPT_OUT"]) })
      .nullable()
      .default(null),
    next,
  }),
  z.object({
    ...base,
    kind: z.literal("handoff"),
    /** Sent as the `journey.handoff` webhook event, for a mail or SMS system to act on. */
    reason: z.string().trim().max(200),
    next,
  }),
  z.object({ ...base, kind: z.literal("exit") }),
]);
export type Step = z.output<typeof stepSchema>;
export type StepKind = Step["kind"];

export const graphSchema = z.object({
  trigger: triggerSchema,
  /** The step a run starts at. */
  start: next,
  steps: z.array(stepSchema).max(100),
  /** The conversion: this event within `seconds` of entering ends the run as converted. */
  goal: z.object({ event: eventName, seconds: duration }).nullable().default(null),
  entry: z
    .object({ rule: z.enum(["once", "again", "always"]), days: z.number().int().min(1).max(365).default(30) })
    .default({ rule: "once", days: 30 }),
});
export type Graph = z.output<typeof graphSchema>;

export const journeyName = z
  .string()
  .trim()
  .min(1, messageKey("journeys.errors.nameRequired"))
  .max(120, messageKey("journeys.errors.nameLong"));
