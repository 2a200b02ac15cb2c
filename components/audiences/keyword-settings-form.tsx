"use client";
import { lazyZodResolver } from "@/components/forms/lazy-zod-resolver";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { updateKeywordsAction } from "@/app/(dashboard)/audiences/consent-lists/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FieldError, Input, Label } from "@/components/ui/input";
import { StatusMessage } from "@/components/ui/status-message";
import type { KeywordSettings, KeywordSettingsInput } from "@/lib/consent/schemas";

/** The form's schema, and zod with it, download when it first validates (components/forms/lazy-zod-resolver). */
const keywordSettingsResolver = lazyZodResolver(() =>
  import("@/lib/consent/schemas").then((m) => m.keywordSettingsSchema),
);

export function KeywordSettingsForm({ initial }: { initial: KeywordSettings }) {
  const t = useTranslations("audiences.keywords");
  const form = useForm<KeywordSettingsInput, unknown, KeywordSettings>({
    resolver: keywordSettingsResolver,
    defaultValues: {
      ...initial,
      optOutKeywords: initial.optOutKeywords.join(", "),
      optInKeywords: initial.optInKeywords.join(", "),
    },
  });
  const { errors, isSubmitting } = form.formState;
  const { onSubmit, outcome } = useActionForm(
    form,
    (values) =>
      updateKeywordsAction({
        ...values,
        optOutKeywords: values.optOutKeywords.join(","),
        optInKeywords: values.optInKeywords.join(","),
      }),
    { onSuccess: () => t("saved") },
  );
  const field = (name: keyof KeywordSettingsInput, label: string, hint: string) => (
    <div>
      <Label htmlFor={`kw-${name}`}>{label}</Label>
      <Input
        id={`kw-${name}`}
        aria-invalid={Boolean(errors[name])}
        aria-describedby={`kw-${name}-hint kw-${name}-error`}
        {...form.register(name)}
      />
      <p id={`kw-${name}-hint`} className="mt-1 text-xs text-muted">
        {hint}
      </p>
      <FieldError id={`kw-${name}-error`} message={errors[name]?.message} />
    </div>
  );
  return (
    <Card className="p-6">
      <h2 className="font-semibold">{t("title")}</h2>
      <p className="mt-1 text-sm text-muted">{t("description")}</p>
      <form onSubmit={onSubmit} noValidate className="mt-5 grid gap-5 md:grid-cols-2">
        {field("optOutKeywords", t("optOut"), t("optOutHint"))}
        {field("optInKeywords", t("optIn"), t("optInHint"))}
        {field("optOutReply", t("optOutReply"), t("replyHint"))}
        {field("optInReply", t("optInReply"), t("replyHint"))}
        <div className="flex items-center gap-3 md:col-span-2">
          <Button type="submit" disabled={isSubmitting}>
            {t("save")}
          </Button>
          <StatusMessage outcome={outcome} />
        </div>
      </form>
    </Card>
  );
}
