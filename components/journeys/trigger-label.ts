// What starts a journey, in a few words: the builder's trigger node and the journeys list say it with their own
// namespace's keys (the same names in both).
import type { Graph } from "@/lib/journeys/graph";

type Say = (
  key: "onEvent" | "onOptIn" | "onFlow" | "onKeyword" | "onButton",
  values?: Record<string, string>,
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
  }
}
