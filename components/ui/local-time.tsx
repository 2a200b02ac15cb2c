"use client";
import { useTimeZone, useTranslations } from "next-intl";
import { useFormat } from "@/lib/i18n/format";

/** A UTC timestamp shown in the reader's language and time zone (lib/i18n/request.ts chooses both). */
export function LocalTime({ value, dateOnly = false }: { value: Date | string; dateOnly?: boolean }) {
  const t = useTranslations("common");
  const format = useFormat();
  const zone = useTimeZone() ?? "UTC";
  const date = new Date(value);
  const iso = date.toISOString();
  return (
    <time dateTime={iso} title={t("shownIn", { iso, zone })}>
      {dateOnly ? format.date(date) : format.dateTime(date)}
    </time>
  );
}
