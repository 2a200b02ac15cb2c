"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { Send } from "lucide-react";
import { useForm } from "react-hook-form";
import { sendTestMessageAction } from "@/app/(dashboard)/settings/whatsapp/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { StatusMessage } from "@/components/ui/status-message";
import { FieldError, Input, Label, Select } from "@/components/ui/input";
import { testMessageSchema, type TestMessageInput } from "@/lib/whatsapp/account-schemas";

export function TestMessageForm({ templates }: { templates: { id: string; name: string; language: string }[] }) {
  const form = useForm<TestMessageInput>({
    resolver: zodResolver(testMessageSchema),
    defaultValues: { templateId: templates[0]?.id, to: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const { onSubmit, outcome } = useActionForm(form, sendTestMessageAction, {
    onSuccess: (data) => `Accepted by WhatsApp as ${data.wamid}. Watch its statuses arrive below.`,
  });

  return (
    <Card className="p-6">
      <h2 className="font-semibold">Send a test message</h2>
      <p className="mt-1 text-sm text-muted">
        One approved template, filled with its sample values, to one number. Only send to people who agreed to it.
      </p>
      <form onSubmit={onSubmit} noValidate className="mt-4 flex flex-wrap items-end gap-4">
        <div className="min-w-56">
          <Label htmlFor="test-to">Phone number</Label>
          <Input
            id="test-to"
            placeholder="+34 610 000 001"
            aria-invalid={Boolean(errors.to)}
            aria-describedby="test-to-error"
            {...form.register("to")}
          />
          <FieldError id="test-to-error" message={errors.to?.message} />
        </div>
        <div className="min-w-56">
          <Label htmlFor="test-template">Template</Label>
          <Select id="test-template" {...form.register("templateId")}>
            {templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name} ({t.language})
              </option>
            ))}
          </Select>
          <FieldError id="test-template-error" message={errors.templateId?.message} />
        </div>
        <Button type="submit" disabled={isSubmitting || templates.length === 0}>
          <Send className="size-4" aria-hidden /> {isSubmitting ? "Sending…" : "Send test"}
        </Button>
      </form>
      {templates.length === 0 && (
        <p className="mt-3 text-sm text-muted">
          No approved template yet: build one and wait for Meta&apos;s approval.
        </p>
      )}
      <StatusMessage outcome={outcome} boxed className="mt-4" />
    </Card>
  );
}
