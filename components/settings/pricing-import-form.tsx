"use client";
// Importing Meta's rate-card file (Settings → Pricing): the file is read in the browser and sent as text with
// its effective date; a file with problems comes back with each one's line and reason, and nothing changes.
import { lazyZodResolver } from "@/components/forms/lazy-zod-resolver";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { importRateCardAction } from "@/app/(dashboard)/settings/pricing/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FileDropZone } from "@/components/ui/file-drop-zone";
import { FormDateField } from "@/components/ui/form-date-field";
import { FieldError, Input, Label } from "@/components/ui/input";
import { StatusMessage } from "@/components/ui/status-message";
import type { CsvProblem } from "@/lib/pricing/rate-card-csv";
import { MAX_RATE_CARD_BYTES } from "@/lib/pricing/limits";
import type { ImportRateCardInput } from "@/lib/pricing/schemas";

export function PricingImportForm({ today }: { today: string }) {
  const t = useTranslations("settings.pricing");
  const [problems, setProblems] = useState<CsvProblem[]>([]);
  const form = useForm<ImportRateCardInput>({
    resolver: lazyZodResolver(() => import("@/lib/pricing/schemas").then((m) => m.importRateCardSchema)),
    defaultValues: { fileName: "", text: "", effectiveFrom: today, currency: "" },
  });
  const fileName = useWatch({ control: form.control, name: "fileName" });
  const { errors, isSubmitting } = form.formState;
  const { onSubmit, outcome, setOutcome } = useActionForm(form, importRateCardAction, {
    onSuccess: (result) => {
      if (!result.ok) {
        setProblems(result.problems);
        return;
      }
      setProblems([]);
      form.reset({ fileName: "", text: "", effectiveFrom: today, currency: "" });
      return [
        t("import.done", { count: result.rates }),
        result.unknownMarkets.length ? t("import.unknownMarkets", { markets: result.unknownMarkets.join(", ") }) : "",
      ]
        .filter(Boolean)
        .join(" ");
    },
  });
  const problemText = (p: CsvProblem) => {
    const text = t(`problems.${p.code}`, p.values ?? {});
    return p.line === null ? text : t("import.line", { line: p.line, problem: text });
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <Card className="space-y-4 p-6">
        <h2 className="font-semibold">{t("import.heading")}</h2>
        <div id="rate-card-hint" className="space-y-1 text-sm text-muted">
          <p>{t("import.explain")}</p>
          <p>{t("import.tiers")}</p>
        </div>
        <div>
          <FileDropZone
            id="rate-card-file"
            label={t("import.file")}
            accept=".csv,text/csv"
            describedBy="rate-card-hint"
            fileName={fileName || null}
            onFile={(file) => {
              setProblems([]);
              setOutcome(null);
              if (file.size > MAX_RATE_CARD_BYTES) {
                form.setValue("fileName", "");
                setProblems([{ line: null, code: "tooLarge" }]);
                return;
              }
              void file.text().then((text) => {
                form.setValue("text", text);
                form.setValue("fileName", file.name, { shouldValidate: true });
              });
            }}
          />
          <FieldError id="rate-card-file-error" message={errors.fileName?.message} />
        </div>
        <div className="grid max-w-xl grid-cols-1 gap-4 sm:grid-cols-2">
          <div>
            <Label htmlFor="rate-card-effective">{t("import.effectiveFrom")}</Label>
            <FormDateField
              control={form.control}
              name="effectiveFrom"
              id="rate-card-effective"
              label={t("import.effectiveFrom")}
              className="w-full"
              aria-invalid={Boolean(errors.effectiveFrom)}
              aria-describedby="rate-card-effective-error"
            />
            <FieldError id="rate-card-effective-error" message={errors.effectiveFrom?.message} />
          </div>
          <div>
            <Label htmlFor="rate-card-currency">{t("import.currency")}</Label>
            <Input
              id="rate-card-currency"
              maxLength={3}
              className="uppercase"
              aria-invalid={Boolean(errors.currency)}
              aria-describedby="rate-card-currency-error"
              {...form.register("currency")}
            />
            <FieldError id="rate-card-currency-error" message={errors.currency?.message} />
          </div>
        </div>
        {problems.length > 0 && (
          <div role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-900">
            <p className="font-medium">{t("import.problems")}</p>
            <ul className="mt-1 list-disc pl-5">
              {problems.map((p, i) => (
                <li key={i}>{problemText(p)}</li>
              ))}
            </ul>
          </div>
        )}
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={isSubmitting}>
            {t("import.submit")}
          </Button>
          <StatusMessage outcome={outcome} />
        </div>
      </Card>
    </form>
  );
}
