// What starts a journey, in a few words: the builder's trigger node and the journeys list say it with their own
// namespace's keys (the same names in both).
import type { Graph } from "@/lib/journeys/graph";

type Say = (
  key: "onEvent" | "onOptIn" | "onFlow" | "onKeyword" | "onButton" | "onDate" | "onSegment",
  values?: Record<string, string | number>,
) => string;

export function triggerLabel(say: Say, trigger: Graph["trigger"]): string {
  switch (trigger.kind) {
    case "event":
      return say("onEvent", { event: trigger.event });
    case "optIn":
      return say("onOptIn");
    case "flow":
      return say("onFlow");
    case "keyword":
      return say("onKeyword", { keyword: trigger.keyword });
    case "button":
      return say("onButton", { button: trigger.button });
    case "segment":
      return say("onSegment");
    case "date": {
      const when = trigger.offsetHours < 0 ? "before" : trigger.offsetHours > 0 ? "after" : "at";
      return say("onDate", { when, hours: Math.abs(trigger.offsetHours), attribute: trigger.attribute });
    }
  }
}
