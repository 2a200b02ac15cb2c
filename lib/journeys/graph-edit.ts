// What the builder does with a journey's graph (add, link and remove steps) and the problems it shows on each
// step, apart from the graph's schema (graph.ts, zod), as the builder runs them in the browser.
import { messageKey } from "@/lib/i18n/message-key";
import type { Graph, Step, StepKind } from "./graph";

export const HOUR = 3600;
const EVENT_NAME = /^[A-Za-z0-9_.:-]{1,100}$/;
const ATTRIBUTE_KEY = /^[A-Za-z0-9_.-]{1,64}$/;

export const VARIABLE_SOURCES = ["event", "field", "attribute", "constant"] as const;

export const BRANCH_SIGNALS = [
  "delivered",
  "read",
  "replied",
  "button",
  "answered",
  "attribute",
  "window",
  "consent",
] as const;

export const STEP_KINDS: StepKind[] = ["send", "message", "wait", "branch", "split", "update", "handoff", "exit"];

/** The ids a step leads to, with the name of each way out. */
export function exitsOf(step: Step): { way: string; to: string | null }[] {
  switch (step.kind) {
    case "wait":
      return step.mode === "event"
        ? [
            { way: "arrived", to: step.next },
            { way: "timeout", to: step.timeout },
          ]
        : [{ way: "next", to: step.next }];
    case "branch":
      return [
        { way: "yes", to: step.yes },
        { way: "no", to: step.no },
      ];
    case "split":
      return step.paths.map((p) => ({ way: p.name, to: p.next }));
    case "exit":
      return [];
    default:
      return [{ way: "next", to: step.next }];
  }
}

/** A problem on a step (null: the trigger and rules); `message` is a catalog key (lib/i18n/message-key.ts). */
export type Problem = { stepId: string | null; message: string };

/** What the workspace has that a graph names: approved templates (with the slots they need filled), consent lists. */
export type GraphContext = {
  /** `mediaHeader`: its header is an image, a video or a document, which a send step gives by link. */
  templates: { name: string; category: string; slots: string[]; mediaHeader?: boolean }[];
  lists: { id: string; category: string }[];
  /** Published flows (a flow trigger names one). */
  flows?: { id: string }[];
  /** Campaigns with quick-reply buttons (a button trigger names one and a button's text). */
  campaigns?: { id: string; buttons: string[] }[];
  /** Saved segments (a segment trigger names one). */
  segments?: { id: string }[];
};

/**
 * What is wrong with a graph as drawn (the builder shows each on its step; publishing needs none). Without
 * `context`, only the drawing is checked.
 */
export function problems(graph: Graph, context: GraphContext | null = null): Problem[] {
  const out: Problem[] = [];
  const templates = context?.templates;
  // An opt-in journey speaks to the purpose of its list: a template of another category needs an opt-in
  // the person may not have given, and the consent check would skip every send.
  let purpose: string | null = null;
  if (context && graph.trigger.kind === "optIn") {
    const { consentListId } = graph.trigger;
    const list = context.lists.find((l) => l.id === consentListId);
    if (!list) out.push({ stepId: null, message: messageKey("journeys.problems.listMissing") });
    purpose = list?.category ?? null;
  }
  if (
    context &&
    graph.trigger.kind === "flow" &&
    !context.flows?.some((f) => f.id === (graph.trigger as { flowId: string }).flowId)
  )
    out.push({ stepId: null, message: messageKey("journeys.problems.flowMissing") });
  if (context && graph.trigger.kind === "segment") {
    const { segmentId } = graph.trigger;
    if (!context.segments?.some((s) => s.id === segmentId))
      out.push({ stepId: null, message: messageKey("journeys.problems.segmentMissing") });
  }
  if (graph.trigger.kind === "date" && !ATTRIBUTE_KEY.test(graph.trigger.attribute))
    out.push({ stepId: null, message: messageKey("journeys.problems.dateAttribute") });
  if (graph.trigger.kind === "keyword" && !graph.trigger.keyword)
    out.push({ stepId: null, message: messageKey("journeys.problems.keywordMissing") });
  if (context && graph.trigger.kind === "button") {
    const { campaignId, button } = graph.trigger;
    if (!context.campaigns?.find((c) => c.id === campaignId)?.buttons.includes(button))
      out.push({ stepId: null, message: messageKey("journeys.problems.buttonMissing") });
  }
  const byId = new Map(graph.steps.map((s) => [s.id, s]));
  if (byId.size !== graph.steps.length)
    out.push({ stepId: null, message: messageKey("journeys.problems.duplicateId") });
  if (!graph.start) out.push({ stepId: null, message: messageKey("journeys.problems.noStart") });
  if (graph.trigger.kind === "event" && !EVENT_NAME.test(graph.trigger.event))
    out.push({ stepId: null, message: messageKey("journeys.errors.eventName") });
  if (graph.goal && !EVENT_NAME.test(graph.goal.event))
    out.push({ stepId: null, message: messageKey("journeys.problems.goalEvent") });
  const missing = (to: string | null) => to !== null && !byId.has(to);
  if (missing(graph.start)) out.push({ stepId: null, message: messageKey("journeys.problems.unknownStep") });

  // Reachable from the start, and which steps are on a cycle with no wait (a loop that would never stop).
  const reachable = new Set<string>();
  const queue = graph.start ? [graph.start] : [];
  while (queue.length) {
    const at = queue.shift()!;
    if (reachable.has(at) || !byId.has(at)) continue;
    reachable.add(at);
    for (const e of exitsOf(byId.get(at)!)) if (e.to) queue.push(e.to);
  }
  for (const step of graph.steps) {
    const exits = exitsOf(step);
    if (!reachable.has(step.id)) out.push({ stepId: step.id, message: messageKey("journeys.problems.unreachable") });
    if (exits.some((e) => missing(e.to)))
      out.push({ stepId: step.id, message: messageKey("journeys.problems.unknownStep") });
    if (exits.some((e) => e.to === step.id))
      out.push({ stepId: step.id, message: messageKey("journeys.problems.selfLoop") });
    if (step.kind === "wait" && step.mode === "until" && !step.dateKey)
      out.push({ stepId: step.id, message: messageKey("journeys.problems.untilNoDate") });
    if (step.kind === "wait" && step.mode === "event") {
      if (!EVENT_NAME.test(step.event))
        out.push({ stepId: step.id, message: messageKey("journeys.problems.waitNoEvent") });
      if (!step.next && !step.timeout)
        out.push({ stepId: step.id, message: messageKey("journeys.problems.waitNoExit") });
    }
    if (step.kind === "branch" && !step.yes && !step.no)
      out.push({ stepId: step.id, message: messageKey("journeys.problems.branchNoExit") });
    if (step.kind === "branch" && (step.signal === "button" || step.signal === "attribute") && !step.key)
      out.push({ stepId: step.id, message: messageKey("journeys.problems.branchNoKey") });
    const consentList =
      step.kind === "branch" && step.signal === "consent"
        ? step.key
        : step.kind === "update" && step.consent
          ? step.consent.listId
          : null;
    if (consentList !== null && (!consentList || (context && !context.lists.some((l) => l.id === consentList))))
      out.push({ stepId: step.id, message: messageKey("journeys.problems.consentList") });
    if (step.kind === "split" && step.paths.reduce((sum, p) => sum + p.percent, 0) !== 100)
      out.push({ stepId: step.id, message: messageKey("journeys.problems.splitTotal") });
    if (step.kind === "message" && !step.text.trim())
      out.push({ stepId: step.id, message: messageKey("journeys.errors.text") });
    if (step.kind === "handoff" && !step.reason.trim())
      out.push({ stepId: step.id, message: messageKey("journeys.errors.reason") });
    if (step.kind === "send" && !step.template)
      out.push({ stepId: step.id, message: messageKey("journeys.errors.pickTemplate") });
    if (step.kind === "send" && step.template && templates) {
      const template = templates.find((t) => t.name === step.template);
      if (!template) out.push({ stepId: step.id, message: messageKey("journeys.problems.templateMissing") });
      else {
        if (purpose && template.category !== purpose)
          out.push({ stepId: step.id, message: messageKey("journeys.problems.purposeMismatch") });
        if (template.mediaHeader && !step.headerMedia)
          out.push({ stepId: step.id, message: messageKey("journeys.problems.headerMedia") });
        const unset = template.slots.filter((slot) => !step.variables[slot]?.value.trim());
        if (unset.length)
          out.push({
            stepId: step.id,
            message: messageKey("journeys.problems.variablesUnset", { slots: unset.join(", ") }),
          });
      }
    }
  }
  return out;
}

/** A step of this kind as the builder adds it: every field at its default, leading nowhere yet. */
export function newStep(kind: StepKind, id: string, position?: { x: number; y: number }): Step {
  const common = { id, label: "", position };
  const hour = HOUR;
  switch (kind) {
    case "send":
      return { ...common, kind, template: "", headerMedia: "", variables: {}, next: null };
    case "message":
      return { ...common, kind, text: "", next: null };
    case "wait":
      return {
        ...common,
        kind,
        mode: "duration",
        seconds: hour,
        clock: "09:00",
        dateSource: "event",
        dateKey: "",
        offsetHours: 0,
        event: "",
        next: null,
        timeout: null,
      };
    case "branch":
      return { ...common, kind, signal: "read", key: "", value: "", seconds: 24 * hour, yes: null, no: null };
    case "split":
      return {
        ...common,
        kind,
        paths: [
          { name: "A", percent: 50, next: null },
          { name: "B", percent: 50, next: null },
        ],
      };
    case "update":
      return { ...common, kind, addTags: [], removeTags: [], attributes: {}, consent: null, next: null };
    case "handoff":
      return { ...common, kind, reason: "", next: null };
    case "exit":
      return { ...common, kind };
  }
}

/** The graph with the step's `way` out (as exitsOf names it) leading to `to`. */
export function linkStep(step: Step, way: string, to: string | null): Step {
  switch (step.kind) {
    case "exit":
      return step;
    case "branch":
      return way === "yes" ? { ...step, yes: to } : way === "no" ? { ...step, no: to } : step;
    case "split":
      return { ...step, paths: step.paths.map((p) => (p.name === way ? { ...p, next: to } : p)) };
    case "wait":
      return way === "timeout" ? { ...step, timeout: to } : { ...step, next: to };
    default:
      return { ...step, next: to };
  }
}

/** A new step id not yet in the graph ("send_2", "wait_1"…). */
export function newStepId(graph: Pick<Graph, "steps">, kind: StepKind): string {
  for (let n = 1; ; n++) if (!graph.steps.some((s) => s.id === `${kind}_${n}`)) return `${kind}_${n}`;
}

/** The graph without a step: every way that led to it now leads nowhere (the builder flags the dead end). */
export function removeStep(graph: Graph, id: string): Graph {
  const steps = graph.steps
    .filter((s) => s.id !== id)
    .map((s) => exitsOf(s).reduce((step, e) => (e.to === id ? linkStep(step, e.way, null) : step), s));
  return { ...graph, steps, start: graph.start === id ? null : graph.start };
}
