"use client";
// A select in the kit's look: its list is as wide as its longest choice rather than clipped to the trigger, it is
// searchable by typing, and it reads as a combobox with options to assistive technology. A <Label htmlFor={id}>
// names it, as it would a native select. Its button, showing the choice, is drawn with the page; the list's code
// (Radix Select, components/ui/select-view.tsx) loads after the page is up, the button inert until then.
import { ChevronDown } from "lucide-react";
import { cn } from "@/lib/utils";
import { deferred } from "./deferred";

export type Choice = { value: string; label: string };

export type SelectProps = {
  /** Named by a <Label htmlFor={id}>, or by aria-label where no label shows (a table row's role). */
  id?: string;
  "aria-label"?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
  value: string;
  onValueChange: (value: string) => void;
  choices: Choice[];
  placeholder?: string;
  disabled?: boolean;
  className?: string;
};

/** The button's look, shared by the stand-in and the loaded select. */
export const selectTriggerClass = cn(
  "flex h-9 w-full items-center justify-between gap-2 rounded-md border border-line bg-white px-3 text-left text-sm shadow-xs",
  "focus:border-brand-600 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600/30",
  "aria-invalid:border-red-500 data-[placeholder]:text-gray-500",
);

function SelectStandIn({
  id,
  value,
  choices,
  placeholder,
  className,
  "aria-label": ariaLabel,
  "aria-describedby": describedBy,
}: SelectProps) {
  const chosen = choices.find((c) => c.value === value);
  return (
    <button
      type="button"
      id={id}
      disabled
      aria-label={ariaLabel}
      aria-describedby={describedBy}
      data-placeholder={chosen ? undefined : ""}
      className={cn(selectTriggerClass, className)}
    >
      <span className="truncate">{chosen?.label ?? placeholder}</span>
      <ChevronDown className="size-4 shrink-0 text-gray-600" aria-hidden />
    </button>
  );
}

export const ChoiceSelect = deferred(() => import("./select-view"), SelectStandIn);
