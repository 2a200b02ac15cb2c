"use client";
// When a scheduled campaign goes: a day from the translated date field and a time beside it, joined into the
// one "YYYY-MM-DDTHH:mm" the campaign schema takes (lib/campaigns/schemas.ts), as a datetime-local input gave
// it. A half-filled pair keeps both halves ("2026-12-05T" or "T09:30") so neither is lost, and the schema says
// what is missing.
import { useTranslations } from "next-intl";
import { DateField } from "@/components/ui/date-field";
import { Input, Label } from "@/components/ui/input";

export function ScheduleAtField({
  value,
  onChange,
  invalid,
  describedBy,
}: {
  value: string;
  onChange: (value: string) => void;
  invalid: boolean;
  describedBy: string;
}) {
  const t = useTranslations("campaigns.builder");
  const [day = "", time = ""] = value.split("T");
  const join = (nextDay: string, nextTime: string) => onChange(nextDay || nextTime ? `${nextDay}T${nextTime}` : "");
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div>
        <Label htmlFor="schedule-day">{t("day")}</Label>
        <DateField
          id="schedule-day"
          label={t("day")}
          value={day}
          onValueChange={(next) => join(next, time)}
          aria-invalid={invalid && !day}
          aria-describedby={describedBy}
        />
      </div>
      <div>
        <Label htmlFor="schedule-time">{t("time")}</Label>
        <Input
          id="schedule-time"
          type="time"
          className="w-32"
          value={time}
          onChange={(event) => join(day, event.target.value)}
          aria-invalid={invalid && !time}
          aria-describedby={describedBy}
        />
      </div>
    </div>
  );
}
