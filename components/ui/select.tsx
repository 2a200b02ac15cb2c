"use client";
// A select in the kit's look: its list is as wide as its longest choice rather than clipped to the trigger, it is
// searchable by typing, and it reads as a combobox with options to assistive technology. A <Label htmlFor={id}>
// names it, as it would a native select. Its button, showing the choice, is drawn with the page; the list's code
// (Radix Select, components/ui/select-view.tsx) loads after the page is up, the button inert until then.
import { ChevronDown } from "lucide-react";
import { useState } from "react";
import { cn } from "@/lib/utils";
import { deferred } from "./deferred";
import { fieldButtonClass } from "./field-button";

export type Choice = {
  value: string;
  label: string;
  /** The label's language where it is not the page's (a language named in itself), so it is read out in it. */
  lang?: string;
  /** A heading the choice is listed under (as an <optgroup>): consecutive choices with the same group share it. */
  group?: string;
};

export type SelectProps = {
  /** Named by a <Label htmlFor={id}>, or by aria-label where no label shows (a table row's role). */
  id?: string;
  "aria-label"?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
  /** Submitted under this name by a plain form (a list page's GET filters), from the page's first draw on. */
  name?: string;
  value: string;
  onValueChange: (value: string) => void;
  choices: Choice[];
  placeholder?: string;
  disabled?: boolean;
  className?: string;
};

/** The button's look, shared by the stand-in and the loaded select. */
export const selectTriggerClass = cn(
  fieldButtonClass,
  "w-full aria-invalid:border-red-500 data-[placeholder]:text-gray-500",
);

/**
 * The value a plain form submits. Radix's own hidden select would send its stand-in for "" (select-view.tsx), so
 * both the stand-in and the loaded select carry this instead; like a native select, a disabled one sends nothing.
 */
export function SubmittedValue({ name, value, disabled }: Pick<SelectProps, "name" | "value" | "disabled">) {
  return name && !disabled ? <input type="hidden" name={name} value={value} /> : null;
}

function SelectStandIn({
  id,
  name,
  value,
  choices,
  placeholder,
  disabled,
  className,
  "aria-label": ariaLabel,
  "aria-describedby": describedBy,
}: SelectProps) {
  const chosen = choices.find((c) => c.value === value);
  return (
    <>
      <button
        type="button"
        id={id}
        disabled
        aria-label={ariaLabel}
        aria-describedby={describedBy}
        data-placeholder={chosen ? undefined : ""}
        className={cn(selectTriggerClass, className)}
      >
        <span className="truncate" lang={chosen?.lang}>
          {chosen?.label ?? placeholder}
        </span>
        <ChevronDown className="size-4 shrink-0 text-gray-600" aria-hidden />
      </button>
      <SubmittedValue name={name} value={value} disabled={disabled} />
    </>
  );
}

export const ChoiceSelect = deferred(() => import("./select-view"), SelectStandIn);

/**
 * A ChoiceSelect in a plain form, a server page's GET filters: it keeps its own choice, starting from (and, when
 * the page is drawn again with other filters, going back to) the one the page passes.
 */
export function FilterSelect({
  defaultValue,
  ...props
}: Omit<SelectProps, "value" | "onValueChange"> & { name: string; defaultValue: string }) {
  const [value, setValue] = useState(defaultValue);
  const [given, setGiven] = useState(defaultValue);
  if (given !== defaultValue) {
    setGiven(defaultValue);
    setValue(defaultValue);
  }
  return <ChoiceSelect {...props} value={value} onValueChange={setValue} />;
}
