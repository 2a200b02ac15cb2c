// Where the canvas puts steps and what it calls their ways out, apart from the canvas itself (React Flow), which
// loads after the builder is up.
import type { useTranslations } from "next-intl";
import type { Step } from "@/lib/journeys/graph";

export const TRIGGER_NODE = "__trigger";
const SPACING = 130;

export const positionOf = (step: Step, index: number) => step.position ?? { x: 0, y: (index + 1) * SPACING };

/** "yes", "no", "arrived", "timeout" in the reader's words; a split's path by its own name. */
export function wayLabel(t: ReturnType<typeof useTranslations<"journeys.builder">>, way: string): string {
  return way === "yes" || way === "no" || way === "arrived" || way === "timeout" || way === "next"
    ? t(`way.${way}`)
    : way;
}
