"use client";
import { lazyZodResolver } from "@/components/forms/lazy-zod-resolver";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { recordConsentAction } from "@/app/(dashboard)/audiences/contacts/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label } from "@/components/ui/input";
import { FormSelect } from "@/components/ui/form-select";
import { StatusMessage } from "@/components/ui/status-message";
import type { RecordConsentInput } from "@/lib/consent/schemas";
import { MANUAL_SOURCES } from "@/lib/consent/sources";

/** The form's schema, and zod with it, download when it first validates (components/forms/lazy-zod-resolver). */
const recordConsentResolver = lazyZodResolver(() => import("@/lib/consent/schemas").then((m) => m.recordConsentSchema));

export function RecordConsentForm({ contactId, lists }: { contactId: string; lists: { id: string; name: string }[] }) {
  const t = useTranslations("audiences");
  const form = useForm<RecordConsentInput>({
    resolver: recordConsentResolver,
    defaultValues: { contactId, consentListId: lists[0]?.id ?? "", action: "OPT_IN", source: "PAPER", proof: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const { onSubmit, outcome } = useActionForm(form, recordConsentAction, {
    onSuccess: (_data, values) => {
      form.reset({ ...values, proof: "" });
      return t("recordConsent.recorded");
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2">
      <div>
        <Label htmlFor="consent-list">{t("recordConsent.list")}</Label>
        <FormSelect
          id="consent-list"
          control={form.control}
          name="consentListId"
          choices={lists.map((l) => ({ value: l.id, label: l.name }))}
        />
      </div>
      <div>
        <Label htmlFor="consent-action">{t("recordConsent.change")}</Label>
        <FormSelect
          id="consent-action"
          control={form.control}
          name="action"
          choices={[
            { value: "OPT_IN", label: t("consent.optedIn") },
            { value: "OPT_OUT", label: t("consent.optedOut") },
          ]}
        />
      </div>
      <div>
        <Label htmlFor="consent-source">{t("recordConsent.source")}</Label>
        <FormSelect
          id="consent-source"
          control={form.control}
          name="source"
          choices={MANUAL_SOURCES.map((s) => ({ value: s, label: t(`consentSource.${s}`) }))}
        />
      </div>
      <div className="sm:col-span-2">
        <Label htmlFor="consent-proof">{t("recordConsent.proof")}</Label>
        <Input
          id="consent-proof"
          placeholder={t("recordConsent.proofPlaceholder")}
          aria-invalid={Boolean(errors.proof)}
          aria-describedby="consent-proof-error"
          {...form.register("proof")}
        />
        <FieldError id="consent-proof-error" message={errors.proof?.message} />
      </div>
      <div className="flex items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={isSubmitting}>
          {t("recordConsent.submit")}
        </Button>
        <StatusMessage outcome={outcome} />
      </div>
    </form>
  );
}
