"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { updateKeywordsAction } from "@/app/(dashboard)/audiences/consent-lists/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FieldError, Input, Label } from "@/components/ui/input";
import { StatusMessage } from "@/components/ui/status-message";
import { keywordSettingsSchema, type KeywordSettings, type KeywordSettingsInput } from "@/lib/consent/schemas";

export function KeywordSettingsForm({ initial }: { initial: KeywordSettings }) {
  const form = useForm<KeywordSettingsInput, unknown, KeywordSettings>({
    resolver: zodResolver(keywordSettingsSchema),
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
    { onSuccess: () => "Saved. New messages are checked against these keywords." },
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
      <h2 className="font-semibold">Keywords</h2>
      <p className="mt-1 text-sm text-muted">
        A message that is exactly one of these words opts the person out of every marketing list (or back in), and gets
        the reply below while WhatsApp&apos;s 24-hour window is open.
      </p>
      <form onSubmit={onSubmit} noValidate className="mt-5 grid gap-5 md:grid-cols-2">
        {field("optOutKeywords", "Opt-out keywords", "Comma-separated, any language: STOP, BAJA, ARRÊT…")}
        {field("optInKeywords", "Opt-in keywords", "Comma-separated: START, ALTA…")}
        {field("optOutReply", "Reply to an opt-out", "Sent once, in the conversation.")}
        {field("optInReply", "Reply to an opt-in", "Sent once, in the conversation.")}
        <div className="flex items-center gap-3 md:col-span-2">
          <Button type="submit" disabled={isSubmitting}>
            Save keywords
          </Button>
          <StatusMessage outcome={outcome} />
        </div>
      </form>
    </Card>
  );
}
