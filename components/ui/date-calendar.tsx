"use client";
// The calendar in the date field's popover (components/ui/date-field-view.tsx), loaded the first time it opens.
// react-day-picker draws an accessible grid (arrows move by day and week, Page Up/Down by month, Home/End to the
// week's ends); its locales name the months, weekdays and buttons in the reader's language and start the week as
// that language does (Sunday in American English and Brazilian Portuguese, Monday in the others).
import { useLocale, useNow, useTimeZone } from "next-intl";
import { DayPicker, type Locale as CalendarLocale, type Matcher } from "react-day-picker";
import { enUS, es, fr, it, ptBR, sv } from "react-day-picker/locale";
import type { Locale } from "@/lib/i18n/config";
import { isDay } from "./date-field";

/** Parley's languages as the calendar knows them: "en" is read as American English, as Intl reads it. */
const CALENDAR_LOCALES: Record<Locale, CalendarLocale> = { en: enUS, es, pt: ptBR, it, fr, sv };

const pad = (n: number) => String(n).padStart(2, "0");
/** A calendar day as the calendar holds it: midnight in the browser's zone, which it never shifts. */
const toDate = (day: string) => {
  const [year, month, date] = day.split("-").map(Number);
  return new Date(year!, month! - 1, date!);
};
const toDay = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** Today where the reader is (their saved zone, as the server counts days), not where the browser thinks it is. */
function todayIn(zone: string, now: Date) {
  const parts = new Intl.DateTimeFormat("en", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" })
    .formatToParts(now)
    .reduce<Record<string, string>>((all, p) => ({ ...all, [p.type]: p.value }), {});
  return `${parts.year}-${parts.month}-${parts.day}`;
}

const dayButton =
  "flex size-9 items-center justify-center rounded-md text-sm outline-none hover:bg-brand-50 focus-visible:ring-2 focus-visible:ring-brand-600 disabled:cursor-not-allowed disabled:text-gray-400 disabled:hover:bg-transparent";
const navButton =
  "absolute top-0 inline-flex size-9 items-center justify-center rounded-md text-gray-700 hover:bg-gray-100 aria-disabled:cursor-not-allowed aria-disabled:opacity-40";

export default function DateCalendar({
  value,
  min,
  max,
  onChoose,
}: {
  value: string;
  min?: string;
  max?: string;
  onChoose: (day: string) => void;
}) {
  const locale = useLocale() as Locale;
  const zone = useTimeZone() ?? "UTC";
  const today = toDate(todayIn(zone, useNow()));
  const selected = isDay(value) ? toDate(value) : undefined;
  const first = min ? toDate(min) : undefined;
  const last = max ? toDate(max) : undefined;
  const disabled: Matcher[] = [];
  if (first) disabled.push({ before: first });
  if (last) disabled.push({ after: last });
  // Open on the chosen day's month, else this month kept within the days that may be picked.
  const month = selected ?? (last && today > last ? last : first && today < first ? first : today);
  return (
    <DayPicker
      mode="single"
      required
      autoFocus
      selected={selected}
      onSelect={(date: Date) => onChoose(toDay(date))}
      defaultMonth={month}
      startMonth={first}
      endMonth={last}
      disabled={disabled}
      today={today}
      locale={CALENDAR_LOCALES[locale] ?? enUS}
      navLayout="around"
      classNames={{
        root: "w-fit",
        months: "relative",
        month: "relative",
        month_caption: "flex h-9 items-center justify-center px-10 text-sm font-semibold",
        button_previous: `${navButton} left-0`,
        button_next: `${navButton} right-0`,
        chevron: "size-4 fill-current",
        month_grid: "mt-2 border-collapse",
        weekdays: "",
        weekday: "size-9 p-0 text-xs font-medium text-muted",
        week: "",
        day: "p-0 text-center data-[selected]:[&>button]:bg-brand-600 data-[selected]:[&>button]:text-white data-[today]:[&>button]:font-bold data-[today]:[&>button]:underline",
        day_button: dayButton,
        outside: "text-gray-500",
      }}
    />
  );
}
