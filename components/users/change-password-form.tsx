"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { changePasswordAction } from "@/app/(dashboard)/account/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label } from "@/components/ui/input";
import { StatusMessage } from "@/components/ui/status-message";
import { changePasswordSchema, type ChangePasswordInput } from "@/lib/users/schemas";

const FIELDS: { name: keyof ChangePasswordInput; label: string; autoComplete: string }[] = [
  { name: "currentPassword", label: "Current password", autoComplete: "current-password" },
  { name: "newPassword", label: "New password", autoComplete: "new-password" },
  { name: "confirmPassword", label: "New password again", autoComplete: "new-password" },
];

export function ChangePasswordForm() {
  const form = useForm<ChangePasswordInput>({
    resolver: zodResolver(changePasswordSchema),
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const { onSubmit, outcome } = useActionForm(form, changePasswordAction, {
    onSuccess: () => {
      form.reset();
      return "Password changed. You stay signed in here; every other session was signed out.";
    },
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
