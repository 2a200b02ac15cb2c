"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { changePasswordAction } from "@/app/(dashboard)/account/actions";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label } from "@/components/ui/input";
import { setServerErrors } from "@/components/ui/server-errors";
import { StatusMessage, type Outcome } from "@/components/ui/status-message";
import { changePasswordSchema, type ChangePasswordInput } from "@/lib/users/schemas";

const FIELDS: { name: keyof ChangePasswordInput; label: string; autoComplete: string }[] = [
  { name: "currentPassword", label: "Current password", autoComplete: "current-password" },
  { name: "newPassword", label: "New password", autoComplete: "new-password" },
  { name: "confirmPassword", label: "New password again", autoComplete: "new-password" },
];

export function ChangePasswordForm() {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const form = useForm<ChangePasswordInput>({
    resolver: zodResolver(changePasswordSchema),
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setOutcome(null);
    const result = await changePasswordAction(values);
    if (!result.ok) {
      setServerErrors(form, result.error);
      return setOutcome({ ok: false, text: result.error.message });
    }
    form.reset();
    setOutcome({ ok: true, text: "Password changed. You stay signed in here; every other session was signed out." });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-sm space-y-4">
      {FIELDS.map((f) => (
        <div key={f.name}>
          <Label htmlFor={f.name}>{f.label}</Label>
          <Input
            id={f.name}
            type="password"
            autoComplete={f.autoComplete}
            aria-invalid={Boolean(errors[f.name])}
            aria-describedby={`${f.name}-error`}
            {...form.register(f.name)}
          />
          <FieldError id={`${f.name}-error`} message={errors[f.name]?.message} />
        </div>
      ))}
      <StatusMessage outcome={outcome} boxed />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
