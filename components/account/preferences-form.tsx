"use client";
import { lazyZodResolver } from "@/components/forms/lazy-zod-resolver";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { savePreferencesAction } from "@/app/(dashboard)/account/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FormSelect } from "@/components/ui/form-select";
import { FieldError, Label } from "@/components/ui/input";
import { StatusMessage } from "@/components/ui/status-message";
import { localeNames, locales } from "@/lib/i18n/config";
import type { TimeZoneChoice } from "@/lib/i18n/time-zones";
import type { PreferencesInput } from "@/lib/users/schemas";

/** The form's schema, and zod with it, download when it first validates (components/forms/lazy-zod-resolver). */
const preferencesResolver = lazyZodResolver(() => import("@/lib/users/schemas").then((m) => m.preferencesSchema));

/** The member's language and zone; saving refreshes the page, which then renders in them. */
export function PreferencesForm({ saved, zones }: { saved: PreferencesInput; zones: TimeZoneChoice[] }) {
  const t = useTranslations("account.preferences");
  const router = useRouter();
  const form = useForm<PreferencesInput>({ resolver: preferencesResolver, defaultValues: saved });
  const { errors, isSubmitting } = form.formState;
  const { onSubmit, outcome } = useActionForm(form, savePreferencesAction, {
    onSuccess: () => {
      router.refresh();
      return t("done");
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-sm space-y-4">
      <div>
        <Label htmlFor="locale">{t("language")}</Label>
        <FormSelect
          id="locale"
          aria-describedby="locale-error"
          control={form.control}
          name="locale"
          choices={[
            { value: "", label: t("browserLanguage") },
            // Each language in its own name, read out in that language.
            ...locales.map((locale) => ({ value: locale, label: localeNames[locale], lang: locale })),
          ]}
        />
        <FieldError id="locale-error" message={errors.locale?.message} />
      </div>
      <div>
        <Label htmlFor="timeZone">{t("timeZone")}</Label>
        <FormSelect
          control={form.control}
          name="timeZone"
          id="timeZone"
          aria-invalid={Boolean(errors.timeZone)}
          aria-describedby="timeZone-error"
          choices={[{ value: "", label: t("browserZone") }, ...zones]}
        />
        <FieldError id="timeZone-error" message={errors.timeZone?.message} />
      </div>
      <StatusMessage outcome={outcome} boxed />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("pending") : t("submit")}
      </Button>
    </form>
  );
}
