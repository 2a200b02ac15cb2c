"use client";
import { lazyZodResolver } from "@/components/forms/lazy-zod-resolver";
import { Send } from "lucide-react";
import { useLanguageName } from "@/components/templates/use-language-name";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { sendTestMessageAction } from "@/app/(dashboard)/settings/whatsapp/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { StatusMessage } from "@/components/ui/status-message";
import { FieldError, Input, Label } from "@/components/ui/input";
import { FormSelect } from "@/components/ui/form-select";
import type { TestMessageInput } from "@/lib/whatsapp/account-schemas";
import { TestMessageStatuses } from "./test-message-statuses";

/** The form's schema, and zod with it, download when it first validates (components/forms/lazy-zod-resolver). */
const testMessageResolver = lazyZodResolver(() =>
  import("@/lib/whatsapp/account-schemas").then((m) => m.testMessageSchema),
);

export function TestMessageForm({ templates }: { templates: { id: string; name: string; language: string }[] }) {
  const t = useTranslations("settings.whatsapp.testMessage");
  const languageName = useLanguageName();
  const form = useForm<TestMessageInput>({
    resolver: testMessageResolver,
    defaultValues: { templateId: templates[0]?.id, to: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const [wamid, setWamid] = useState<string>();

  const { onSubmit, outcome } = useActionForm(form, sendTestMessageAction, {
    onSuccess: (data) => (setWamid(data.wamid), t("accepted", { wamid: data.wamid })),
  });

  return (
    <Card className="p-6">
      <h2 className="font-semibold">{t("title")}</h2>
      <p className="mt-1 text-sm text-muted">{t("description")}</p>
      <form onSubmit={onSubmit} noValidate className="mt-4 flex flex-wrap items-end gap-4">
        <div className="min-w-56">
          <Label htmlFor="test-to">{t("to")}</Label>
          <Input
            id="test-to"
            placeholder={t("toPlaceholder")}
            aria-invalid={Boolean(errors.to)}
            aria-describedby="test-to-error"
            {...form.register("to")}
          />
          <FieldError id="test-to-error" message={errors.to?.message} />
        </div>
        <div className="min-w-56">
          <Label htmlFor="test-template">{t("template")}</Label>
          <FormSelect
            id="test-template"
            control={form.control}
            name="templateId"
            choices={templates.map((template) => ({
              value: template.id,
              label: t("templateOption", { name: template.name, language: languageName(template.language) }),
            }))}
          />
          <FieldError id="test-template-error" message={errors.templateId?.message} />
        </div>
        <Button type="submit" disabled={isSubmitting || templates.length === 0}>
          <Send className="size-4" aria-hidden /> {isSubmitting ? t("sending") : t("send")}
        </Button>
      </form>
      {templates.length === 0 && <p className="mt-3 text-sm text-muted">{t("noTemplates")}</p>}
      <StatusMessage outcome={outcome} boxed className="mt-4" />
      {wamid && <TestMessageStatuses key={wamid} wamid={wamid} />}
    </Card>
  );
}
