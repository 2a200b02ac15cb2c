"use client";
// A new journey: a name and a starter from the gallery (each an ordinary draft once created), then the builder.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useForm, useWatch } from "react-hook-form";
import { createJourneyAction } from "@/app/(dashboard)/journeys/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FieldError, Input, Label } from "@/components/ui/input";
import { StatusMessage } from "@/components/ui/status-message";
import { newJourneySchema, STARTER_IDS, type NewJourney } from "@/lib/journeys/starters";
import { cn } from "@/lib/utils";

export function StarterGallery() {
  const t = useTranslations("journeys.new");
  const router = useRouter();
  const form = useForm<NewJourney>({
    resolver: zodResolver(newJourneySchema),
    defaultValues: { name: "", starter: "orderShipped" },
  });
  const { errors, isSubmitting } = form.formState;
  const chosen = useWatch({ control: form.control, name: "starter" });
  const { onSubmit, outcome } = useActionForm(form, createJourneyAction, {
    onSuccess: ({ id }) => router.push(`/journeys/${id}`),
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <Card className="max-w-xl p-5">
        <Label htmlFor="journey-name">{t("name")}</Label>
        <Input
          id="journey-name"
          placeholder={t("namePlaceholder")}
          aria-invalid={Boolean(errors.name)}
          aria-describedby="journey-name-error"
          {...form.register("name")}
        />
        <FieldError id="journey-name-error" message={errors.name?.message} />
      </Card>
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-ink">{t("starter")}</legend>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {STARTER_IDS.map((id) => (
            <label
              key={id}
              className={cn(
                "flex cursor-pointer gap-3 rounded-lg border bg-white p-4 shadow-xs focus-within:ring-2 focus-within:ring-brand-600",
                chosen === id ? "border-brand-600" : "border-line",
              )}
            >
              <input type="radio" value={id} className="mt-1 size-4 accent-brand-600" {...form.register("starter")} />
              <span>
                <span className="block font-medium">{t(`starters.${id}.name`)}</span>
                <span className="mt-1 block text-sm text-muted">{t(`starters.${id}.description`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("creating") : t("create")}
        </Button>
        <StatusMessage outcome={outcome} />
      </div>
    </form>
  );
}
