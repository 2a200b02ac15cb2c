"use client";
// The date field's popover (components/ui/date-field.tsx): Radix Popover gives the keyboard its due (Enter or
// Space on the button opens it, Escape closes it and focus goes back to the button). The calendar inside loads
// the first time it opens; the pointer resting on the button, or focus reaching it, fetches it a moment early.
import { Popover } from "radix-ui";
import { useTranslations } from "next-intl";
import { lazy, Suspense, useState } from "react";
import { Button } from "./button";
import { DateFieldButton, SubmittedDay, type DateFieldProps } from "./date-field";
import { disabledFieldClass } from "./field-button";

const loadCalendar = () => import("./date-calendar");
const DateCalendar = lazy(loadCalendar);
const preload = () => void loadCalendar();

/** Loaded after the page is up: components/ui/date-field.tsx draws a stand-in until then. */
export default function DateFieldView(props: DateFieldProps) {
  const { value, onValueChange, min, max, optional, label, name, disabled } = props;
  const t = useTranslations("common.dateField");
  const [open, setOpen] = useState(false);
  const choose = (day: string) => {
    onValueChange(day);
    setOpen(false);
  };
  return (
    <>
      <Popover.Root open={open} onOpenChange={setOpen}>
        <Popover.Trigger asChild>
          <DateFieldButton field={props} onPointerEnter={preload} onFocus={preload} className={disabledFieldClass} />
        </Popover.Trigger>
        <Popover.Portal>
          <Popover.Content
            aria-label={t("calendar", { label })}
            // The calendar puts the focus on the chosen day (or today) itself; Radix would put it on the first
            // button, the month arrows, once the calendar's code is cached.
            onOpenAutoFocus={(event) => event.preventDefault()}
            align="start"
            sideOffset={4}
            collisionPadding={8}
            className="z-50 rounded-md border border-line bg-white p-3 shadow-lg"
          >
            <Suspense
              fallback={
                <p role="status" className="flex h-72 w-64 items-center justify-center text-sm text-muted">
                  {t("loading")}
                </p>
              }
            >
              <DateCalendar value={value} min={min} max={max} onChoose={choose} />
            </Suspense>
            {optional && value && (
              <div className="mt-2 flex justify-end border-t border-line pt-2">
                <Button type="button" variant="ghost" size="sm" onClick={() => choose("")}>
                  {t("clear")}
                </Button>
              </div>
            )}
          </Popover.Content>
        </Popover.Portal>
      </Popover.Root>
      <SubmittedDay name={name} value={value} disabled={disabled} />
    </>
  );
}
