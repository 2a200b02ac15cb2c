import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FilterDateField } from "@/components/ui/date-field";
import { Label } from "@/components/ui/input";
import { MAX_RANGE_DAYS, shiftDay, type DateRange, type RangeError } from "@/lib/analytics/dashboard";

const PRESETS = [7, 30, 90] as const;

/** The period of the dashboard: two dates (a GET form, so the URL can be shared) and the usual presets. */
export function DateRangeForm({ range, today, error }: { range: DateRange; today: string; error: RangeError | null }) {
  const t = useTranslations("analytics.range");
  return (
    <form aria-label={t("label")} className="mb-6 flex flex-wrap items-end gap-3">
      <div>
        <Label htmlFor="range-from">{t("from")}</Label>
        <FilterDateField
          id="range-from"
          name="from"
          label={t("from")}
          defaultValue={range.from}
          max={today}
          aria-describedby={error ? "range-error" : undefined}
        />
      </div>
      <div>
        <Label htmlFor="range-to">{t("to")}</Label>
        <FilterDateField id="range-to" name="to" label={t("to")} defaultValue={range.to} max={today} />
      </div>
      <Button type="submit" variant="secondary">
        {t("show")}
      </Button>
      <nav aria-label={t("presets")} className="flex flex-wrap gap-2 pb-1 text-sm">
        {PRESETS.map((days) => {
          const from = shiftDay(today, 1 - days);
          const current = range.from === from && range.to === today;
          return (
            <Link
              key={days}
              href={`/analytics?from=${from}&to=${today}`}
              aria-current={current ? "page" : undefined}
              className={`rounded-full border px-3 py-1 ${current ? "border-brand-600 bg-brand-50 text-brand-900" : "border-line bg-white"}`}
            >
              {t("lastDays", { days })}
            </Link>
          );
        })}
      </nav>
      {error && (
        <p id="range-error" role="alert" className="w-full text-sm text-red-700">
          {t(`errors.${error}`, { max: MAX_RANGE_DAYS })} {t("fallback")}
        </p>
      )}
    </form>
  );
}
