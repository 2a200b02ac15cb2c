"use client";
import { lazyZodResolver } from "@/components/forms/lazy-zod-resolver";
import { useTranslations } from "next-intl";
import { useForm, useWatch } from "react-hook-form";
import { saveWorkspaceRulesAction } from "@/app/(dashboard)/settings/workspace/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FieldError, Input, Label } from "@/components/ui/input";
import { FormSelect } from "@/components/ui/form-select";
import { StatusMessage } from "@/components/ui/status-message";
import type { TimeZoneChoice } from "@/lib/i18n/time-zones";
import type { WorkspaceRules, WorkspaceRulesForm as FormValues } from "@/lib/workspace/schemas";

/** The form's schema, and zod with it, download when it first validates (components/forms/lazy-zod-resolver). */
const workspaceRulesResolver = lazyZodResolver(() =>
  import("@/lib/workspace/schemas").then((m) => m.workspaceRulesSchema),
);

export function WorkspaceRulesForm({ defaults, timeZones }: { defaults: WorkspaceRules; timeZones: TimeZoneChoice[] }) {
  const t = useTranslations("settings.workspace.form");
  const form = useForm<FormValues, unknown, WorkspaceRules>({
    resolver: workspaceRulesResolver,
    defaultValues: defaults,
  });
  const { errors, isSubmitting } = form.formState;
  const quiet = useWatch({ control: form.control, name: "quietHours.enabled" });

  const { onSubmit, outcome } = useActionForm(form, saveWorkspaceRulesAction, {
    onSuccess: (_data, values) => {
      form.reset(values);
      return t("saved");
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <Card className="space-y-4 p-6">
        <h2 className="font-semibold">{t("launches")}</h2>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" className="mt-1" {...form.register("requireApproval")} />
          <span>
            <span className="font-medium">{t("requireApproval")}</span>
            <span className="block text-muted">{t("requireApprovalHint")}</span>
          </span>
        </label>
        <div className="max-w-xs">
          <Label htmlFor="marketingCapPer7Days">{t("cap")}</Label>
          <Input
            id="marketingCapPer7Days"
            type="number"
            min={1}
            max={100}
            inputMode="numeric"
            placeholder={t("capPlaceholder")}
            aria-invalid={Boolean(errors.marketingCapPer7Days)}
            aria-describedby="marketingCapPer7Days-hint marketingCapPer7Days-error"
            {...form.register("marketingCapPer7Days", {
              setValueAs: (v: string | number | null) => (v === "" || v === null ? null : Number(v)),
            })}
          />
          <p id="marketingCapPer7Days-hint" className="mt-1 text-xs text-muted">
            {t("capHint")}
          </p>
          <FieldError id="marketingCapPer7Days-error" message={errors.marketingCapPer7Days?.message} />
        </div>
      </Card>

      <Card className="space-y-4 p-6">
        <h2 className="font-semibold">{t("timeAndPlace")}</h2>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" {...form.register("quietHours.enabled")} /> {t("quietHours")}
        </label>
        {quiet && (
          <div className="flex flex-wrap gap-4">
            <div>
              <Label htmlFor="quiet-start">{t("quietFrom")}</Label>
              <Input
                id="quiet-start"
                type="time"
                aria-invalid={Boolean(errors.quietHours?.start)}
                {...form.register("quietHours.start")}
              />
              <FieldError id="quiet-start-error" message={errors.quietHours?.start?.message} />
            </div>
            <div>
              <Label htmlFor="quiet-end">{t("quietUntil")}</Label>
              <Input
                id="quiet-end"
                type="time"
                aria-invalid={Boolean(errors.quietHours?.end)}
                aria-describedby="quiet-end-error"
                {...form.register("quietHours.end")}
              />
              <FieldError id="quiet-end-error" message={errors.quietHours?.end?.message} />
            </div>
          </div>
        )}
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <Label htmlFor="defaultCountry">{t("country")}</Label>
            <Input
              id="defaultCountry"
              maxLength={2}
              autoComplete="country"
              aria-invalid={Boolean(errors.defaultCountry)}
              aria-describedby="defaultCountry-hint defaultCountry-error"
              {...form.register("defaultCountry")}
            />
            <p id="defaultCountry-hint" className="mt-1 text-xs text-muted">
              {t("countryHint")}
            </p>
            <FieldError id="defaultCountry-error" message={errors.defaultCountry?.message} />
          </div>
          <div>
            <Label htmlFor="timeZone">{t("timeZone")}</Label>
            <FormSelect
              control={form.control}
              name="timeZone"
              id="timeZone"
              aria-invalid={Boolean(errors.timeZone)}
              aria-describedby="timeZone-hint timeZone-error"
              choices={timeZones}
            />
            <p id="timeZone-hint" className="mt-1 text-xs text-muted">
              {t("timeZoneHint")}
            </p>
            <FieldError id="timeZone-error" message={errors.timeZone?.message} />
          </div>
        </div>
      </Card>

      <div className="flex items-center gap-4">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("saving") : t("save")}
        </Button>
        <StatusMessage outcome={outcome} />
      </div>
    </form>
  );
}
