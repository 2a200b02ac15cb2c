"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch } from "react-hook-form";
import { saveWorkspaceRulesAction } from "@/app/(dashboard)/settings/workspace/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FieldError, Input, Label, Select } from "@/components/ui/input";
import { StatusMessage } from "@/components/ui/status-message";
import {
  workspaceRulesSchema,
  type WorkspaceRules,
  type WorkspaceRulesForm as FormValues,
} from "@/lib/workspace/schemas";

export function WorkspaceRulesForm({ defaults, timeZones }: { defaults: WorkspaceRules; timeZones: string[] }) {
  const form = useForm<FormValues, unknown, WorkspaceRules>({
    resolver: zodResolver(workspaceRulesSchema),
    defaultValues: defaults,
  });
  const { errors, isSubmitting } = form.formState;
  const quiet = useWatch({ control: form.control, name: "quietHours.enabled" });

  const { onSubmit, outcome } = useActionForm(form, saveWorkspaceRulesAction, {
    onSuccess: (_data, values) => {
      form.reset(values);
      return "Saved. New launches follow these rules.";
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <Card className="space-y-4 p-6">
        <h2 className="font-semibold">Launches</h2>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" className="mt-1" {...form.register("requireApproval")} />
          <span>
            <span className="font-medium">Campaigns need approval before they launch</span>
            <span className="block text-muted">
              A manager or an admin approves, and never someone who created, edited or submitted the campaign: four eyes
              means four.
            </span>
          </span>
        </label>
        <div className="max-w-xs">
          <Label htmlFor="marketingCapPer7Days">Marketing messages per person in 7 days</Label>
          <Input
            id="marketingCapPer7Days"
            type="number"
            min={1}
            max={100}
            inputMode="numeric"
            placeholder="No cap"
            aria-invalid={Boolean(errors.marketingCapPer7Days)}
            aria-describedby="marketingCapPer7Days-hint marketingCapPer7Days-error"
            {...form.register("marketingCapPer7Days", {
              setValueAs: (v: string | number | null) => (v === "" || v === null ? null : Number(v)),
            })}
          />
          <p id="marketingCapPer7Days-hint" className="mt-1 text-xs text-muted">
            Across all campaigns. People who reached it are skipped, with that reason, until a week has passed. Empty:
            no cap.
          </p>
          <FieldError id="marketingCapPer7Days-error" message={errors.marketingCapPer7Days?.message} />
        </div>
      </Card>

      <Card className="space-y-4 p-6">
        <h2 className="font-semibold">Time and place</h2>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" {...form.register("quietHours.enabled")} /> New campaigns start with quiet hours: hold
          messages while it is night where the recipient is
        </label>
        {quiet && (
          <div className="flex flex-wrap gap-4">
            <div>
              <Label htmlFor="quiet-start">Quiet from</Label>
              <Input
                id="quiet-start"
                type="time"
                aria-invalid={Boolean(errors.quietHours?.start)}
                {...form.register("quietHours.start")}
              />
              <FieldError id="quiet-start-error" message={errors.quietHours?.start?.message} />
            </div>
            <div>
              <Label htmlFor="quiet-end">until</Label>
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
            <Label htmlFor="defaultCountry">Country</Label>
            <Input
              id="defaultCountry"
              maxLength={2}
              autoComplete="country"
              aria-invalid={Boolean(errors.defaultCountry)}
              aria-describedby="defaultCountry-hint defaultCountry-error"
              {...form.register("defaultCountry")}
            />
            <p id="defaultCountry-hint" className="mt-1 text-xs text-muted">
              Two letters (ES, GB, BR…): phone numbers written without a country code are read as this country&apos;s.
            </p>
            <FieldError id="defaultCountry-error" message={errors.defaultCountry?.message} />
          </div>
          <div>
            <Label htmlFor="timeZone">Time zone</Label>
            <Select
              id="timeZone"
              aria-invalid={Boolean(errors.timeZone)}
              aria-describedby="timeZone-hint timeZone-error"
              {...form.register("timeZone")}
            >
              {timeZones.map((zone) => (
                <option key={zone} value={zone}>
                  {zone.replaceAll("_", " ")}
                </option>
              ))}
            </Select>
            <p id="timeZone-hint" className="mt-1 text-xs text-muted">
              For scheduled launches, and for contacts whose own time zone is unknown.
            </p>
            <FieldError id="timeZone-error" message={errors.timeZone?.message} />
          </div>
        </div>
      </Card>

      <div className="flex items-center gap-4">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save rules"}
        </Button>
        <StatusMessage outcome={outcome} />
      </div>
    </form>
  );
}
