"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { saveConnectionAction } from "@/app/(dashboard)/settings/whatsapp/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { StatusMessage } from "@/components/ui/status-message";
import { FieldError, Input, Label } from "@/components/ui/input";
import { accountSchema, type AccountInput } from "@/lib/whatsapp/account-schemas";

const FIELDS: { name: keyof AccountInput; label: string; hint: string; secret?: boolean }[] = [
  {
    name: "wabaId",
    label: "WhatsApp Business Account id",
    hint: "WhatsApp Manager → Account tools → the account's id.",
  },
  { name: "phoneNumberId", label: "Phone number id", hint: "Meta app → WhatsApp → API setup, under the number." },
  {
    name: "appId",
    label: "App id (optional)",
    hint: "Needed to upload image, video or document samples for templates.",
  },
  {
    name: "graphApiBase",
    label: "API base URL (optional)",
    hint: "Leave empty for https://graph.facebook.com/v23.0. Meta's address, or one the server allows; a change asks for the access token again.",
  },
  {
    name: "accessToken",
    label: "Access token",
    hint: "A system user's permanent token with whatsapp_business_messaging.",
    secret: true,
  },
  {
    name: "appSecret",
    label: "App secret",
    hint: "Meta app → Settings → Basic. Used to check webhook signatures.",
    secret: true,
  },
  {
    name: "verifyToken",
    label: "Verify token",
    hint: "Any phrase; enter the same one in the app's webhook settings.",
    secret: true,
  },
];

export function AccountForm({ defaults, connected }: { defaults: Partial<AccountInput>; connected: boolean }) {
  const form = useForm<AccountInput>({ resolver: zodResolver(accountSchema), defaultValues: defaults });
  const { errors, isSubmitting } = form.formState;

  const { onSubmit, outcome } = useActionForm(form, saveConnectionAction, {
    onSuccess: (_data, values) => {
      form.reset({ ...values, accessToken: "", appSecret: "", verifyToken: "" });
      return "Saved. Use “Test connection” to check it with Meta.";
    },
  });

  return (
    <Card className="p-6">
      <h2 className="font-semibold">{connected ? "Change the connection" : "Connect your WhatsApp number"}</h2>
      <p className="mt-1 text-sm text-muted">
        {connected
          ? "Leave a secret empty to keep the stored one."
          : "All fields come from Meta's developer dashboard and WhatsApp Manager."}
      </p>
      <form onSubmit={onSubmit} noValidate className="mt-6 grid gap-5 md:grid-cols-2">
        {FIELDS.map((field) => {
          const id = `account-${field.name}`;
          const error = errors[field.name]?.message;
          return (
            <div key={field.name}>
              <Label htmlFor={id}>{field.label}</Label>
              <Input
                id={id}
                type={field.secret ? "password" : "text"}
                autoComplete="off"
                placeholder={field.secret && connected ? "Stored — leave empty to keep" : undefined}
                aria-invalid={Boolean(error)}
                aria-describedby={`${id}-hint ${error ? `${id}-error` : ""}`}
                {...form.register(field.name)}
              />
              <p id={`${id}-hint`} className="mt-1 text-xs text-muted">
                {field.hint}
              </p>
              <FieldError id={`${id}-error`} message={error} />
            </div>
          );
        })}
        <div className="flex items-center gap-4 md:col-span-2">
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? "Saving…" : "Save connection"}
          </Button>
          <StatusMessage outcome={outcome} />
        </div>
      </form>
    </Card>
  );
}
