"use client";
import { Progress } from "radix-ui";
import { useId } from "react";

/** Progress of long work: a label with the percentage, and the bar (Radix: role, aria values). `value` is 0..1. */
export function ProgressBar({ label, value }: { label: string; value: number }) {
  const id = useId();
  const percent = Math.round(value * 100);
  return (
    <div>
      <p id={id} className="text-sm font-medium">
        {label} {percent}%
      </p>
      <Progress.Root value={percent} aria-labelledby={id} className="mt-2 h-3 overflow-hidden rounded bg-gray-100">
        <Progress.Indicator className="h-full bg-brand-600 transition-all" style={{ width: `${percent}%` }} />
      </Progress.Root>
    </div>
  );
}
