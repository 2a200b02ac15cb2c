"use client";
// The booking Flow's availability: each weekday open or closed with its hours, the slot length and the seats
// per slot. Weekday names come from Intl in the reader's language.
import { lazyZodResolver } from "@/components/forms/lazy-zod-resolver";
import { useLocale, useTranslations } from "next-intl";
import { useForm, useWatch } from "react-hook-form";
import { saveAvailabilityAction } from "@/app/(dashboard)/settings/flows/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FieldError, Input, Label } from "@/components/ui/input";
import { StatusMessage } from "@/components/ui/status-message";
import type { AvailabilityForm as FormValues, AvailabilityInput } from "@/lib/flows/endpoint-schemas";

/** The form's schema, and zod with it, download when it first validates (components/forms/lazy-zod-resolver). */
const availabilityResolver = lazyZodResolver(() =>
  import("@/lib/flows/endpoint-schemas").then((m) => m.availabilitySchema),
);

/** 2024-01-01 was a Monday: weekday n (1-7) is that date plus n - 1 days. */
const weekdayName = (locale: string, weekday: number) =>
  new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2024, 0, weekday)));

const wholeNumber = (v: string | number) => (v === "" ? Number.NaN : Number(v));

export function AvailabilityForm({ defaults, timeZone }: { defaults: AvailabilityInput; timeZone: string }) {
  const t = useTranslations("flowEndpoint.availability");
  const locale = useLocale();
  const form = useForm<FormValues, unknown, AvailabilityInput>({
    resolver: availabilityResolver,
    defaultValues: defaults,
  });
  const { errors, isSubmitting } = form.formState;
  const days = useWatch({ control: form.control, name: "days" });
  const { onSubmit, outcome } = useActionForm(form, saveAvailabilityAction, {
    onSuccess: (_data, values) => {
      form.reset(values);
      return t("saved");
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Card className="space-y-4 p-6">
        <h2 className="font-semibold">{t("heading")}</h2>
        <p className="text-sm text-muted">{t("explain", { timeZone })}</p>
        <table className="text-sm">
          <thead>
            <tr className="text-left">
              <th scope="col" className="pr-4 pb-2 font-medium">
                {t("day")}
              </th>
              <th scope="col" className="pr-4 pb-2 font-medium">
                {t("open")}
              </th>
              <th scope="col" className="pr-4 pb-2 font-medium">
                {t("opens")}
              </th>
              <th scope="col" className="pb-2 font-medium">
                {t("closes")}
              </th>
            </tr>
          </thead>
          <tbody>
            {defaults.days.map((day, i) => {
              const name = weekdayName(locale, day.weekday);
              const open = days?.[i]?.open ?? day.open;
              const error = errors.days?.[i]?.to?.message ?? errors.days?.[i]?.from?.message;
              return (
                <tr key={day.weekday} className="align-top">
                  <th scope="row" className="pr-4 py-1 text-left font-normal">
                    {name}
                  </th>
                  <td className="pr-4 py-1">
                    <input
                      type="checkbox"
                      className="mt-2"
                      aria-label={t("openOn", { day: name })}
                      {...form.register(`days.${i}.open`)}
                    />
                  </td>
                  <td className="pr-4 py-1">
                    <Input
                      type="time"
                      disabled={!open}
                      aria-label={t("opensOn", { day: name })}
                      aria-invalid={Boolean(errors.days?.[i]?.from)}
                      {...form.register(`days.${i}.from`)}
                    />
                  </td>
                  <td className="py-1">
                    <Input
                      type="time"
                      disabled={!open}
                      aria-label={t("closesOn", { day: name })}
                      aria-invalid={Boolean(errors.days?.[i]?.to)}
                      aria-describedby={`day-${day.weekday}-error`}
                      {...form.register(`days.${i}.to`)}
                    />
                    <FieldError id={`day-${day.weekday}-error`} message={error} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div className="grid max-w-md gap-4 sm:grid-cols-2">
          <div>
            <Label htmlFor="slotMinutes">{t("slotMinutes")}</Label>
            <Input
              id="slotMinutes"
              type="number"
              min={5}
              max={480}
              inputMode="numeric"
              aria-invalid={Boolean(errors.slotMinutes)}
              aria-describedby="slotMinutes-error"
              {...form.register("slotMinutes", { setValueAs: wholeNumber })}
            />
            <FieldError id="slotMinutes-error" message={errors.slotMinutes?.message} />
          </div>
          <div>
            <Label htmlFor="capacity">{t("capacity")}</Label>
            <Input
              id="capacity"
              type="number"
              min={1}
              max={1000}
              inputMode="numeric"
              aria-invalid={Boolean(errors.capacity)}
              aria-describedby="capacity-hint capacity-error"
              {...form.register("capacity", { setValueAs: wholeNumber })}
            />
            <p id="capacity-hint" className="mt-1 text-xs text-muted">
              {t("capacityHint")}
            </p>
            <FieldError id="capacity-error" message={errors.capacity?.message} />
          </div>
        </div>
      </Card>
      <div className="mt-5 flex items-center gap-4">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("saving") : t("save")}
        </Button>
        <StatusMessage outcome={outcome} />
      </div>
    </form>
  );
}
