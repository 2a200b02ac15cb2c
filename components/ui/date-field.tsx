"use client";
// A date a person picks, shown and chosen in their own language: a native <input type="date"> is drawn in the
// browser's language instead (a Swedish marketer on an English Chrome saw mm/dd/yyyy). The closed field is a
// button showing the day as the rest of the page writes days (lib/i18n/format.ts), named by a
// <Label htmlFor={id}> and carrying the day in its accessible name. Its popover (Radix, date-field-view.tsx)
// loads after the page is up, the button inert until then; the calendar itself (react-day-picker and its
// locales, date-calendar.tsx) loads only when the popover first opens, so neither is in any page's first load.
import { CalendarDays } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, type ComponentProps } from "react";
import { useFormat } from "@/lib/i18n/format";
import { cn } from "@/lib/utils";
import { deferred } from "./deferred";
import { fieldButtonClass } from "./field-button";

export type DateFieldProps = {
  id: string;
  /** The field's label as its <Label> shows it: the button's accessible name says it with the chosen day. */
  label: string;
  /** Submitted under this name, as YYYY-MM-DD ("" for none), by a plain form (a page's GET filters). */
  name?: string;
  /** A calendar day, YYYY-MM-DD, or "" for none. */
  value: string;
  onValueChange: (value: string) => void;
  /** The first and last day that may be picked (YYYY-MM-DD); the days outside are shown but disabled. */
  min?: string;
  max?: string;
  /** The field may be left empty: the calendar offers to clear it. */
  optional?: boolean;
  disabled?: boolean;
  className?: string;
  "aria-describedby"?: string;
  /** Drawn in red; the error the field is described by says what is wrong. */
  "aria-invalid"?: boolean;
};

const buttonClass = cn(fieldButtonClass, "w-44 data-[invalid]:border-red-500");

/** A real calendar day written YYYY-MM-DD (a hand-edited URL may carry anything). */
export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** The button showing the chosen day; the loaded view makes it the popover's trigger (Radix passes the rest). */
export function DateFieldButton({ field, className, ...button }: ComponentProps<"button"> & { field: DateFieldProps }) {
  const t = useTranslations("common.dateField");
  const format = useFormat();
  const shown = isDay(field.value) ? format.day(field.value) : null;
  return (
    <button
      type="button"
      id={field.id}
      disabled={field.disabled}
      aria-label={shown ? t("named", { label: field.label, date: shown }) : t("unset", { label: field.label })}
      aria-describedby={field["aria-describedby"]}
      // A button takes no aria-invalid: the error it is described by says it, the red border shows it.
      data-invalid={field["aria-invalid"] || undefined}
      className={cn(buttonClass, field.className, className)}
      {...button}
    >
      <span className={cn("truncate", !shown && "text-gray-500")}>{shown ?? t("choose")}</span>
      <CalendarDays className="size-4 shrink-0 text-gray-600" aria-hidden />
    </button>
  );
}

/** The value a plain form submits; like a native input, a disabled field sends nothing. */
export function SubmittedDay({ name, value, disabled }: Pick<DateFieldProps, "name" | "value" | "disabled">) {
  return name && !disabled ? <input type="hidden" name={name} value={value} /> : null;
}

function DateFieldStandIn(props: DateFieldProps) {
  return (
    <>
      <DateFieldButton field={props} disabled />
      <SubmittedDay name={props.name} value={props.value} disabled={props.disabled} />
    </>
  );
}

export const DateField = deferred(() => import("./date-field-view"), DateFieldStandIn);

/**
 * A DateField in a plain form, a server page's GET filters: it keeps its own day, starting from (and, when the
 * page is drawn again with other filters, going back to) the one the page passes.
 */
export function FilterDateField({
  defaultValue,
  ...props
}: Omit<DateFieldProps, "value" | "onValueChange"> & { name: string; defaultValue: string }) {
  const [value, setValue] = useState(defaultValue);
  const [given, setGiven] = useState(defaultValue);
  if (given !== defaultValue) {
    setGiven(defaultValue);
    setValue(defaultValue);
  }
  return <DateField {...props} value={value} onValueChange={setValue} />;
}
