"use client";
import { lazyZodResolver } from "@/components/forms/lazy-zod-resolver";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { changePasswordAction } from "@/app/(dashboard)/account/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label } from "@/components/ui/input";
import { StatusMessage } from "@/components/ui/status-message";
import type { ChangePasswordInput } from "@/lib/users/schemas";

/** The form's schema, and zod with it, download when it first validates (components/forms/lazy-zod-resolver). */
const changePasswordResolver = lazyZodResolver(() => import("@/lib/users/schemas").then((m) => m.changePasswordSchema));

const FIELDS: { name: keyof ChangePasswordInput; autoComplete: string }[] = [
  { name: "currentPassword", autoComplete: "current-password" },
  { name: "newPassword", autoComplete: "new-password" },
  { name: "confirmPassword", autoComplete: "new-password" },
];

export function ChangePasswordForm() {
  const t = useTranslations("settings.users.changePassword");
  const form = useForm<ChangePasswordInput>({
    resolver: changePasswordResolver,
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const { onSubmit, outcome } = useActionForm(form, changePasswordAction, {
    onSuccess: () => {
      form.reset();
      return t("done");
    },
  });

  return (
    // POST, not the browser's GET, should it be sent before React has it: passwords never go into the address.
    <form method="post" onSubmit={onSubmit} noValidate className="max-w-sm space-y-4">
      {FIELDS.map((f) => (
        <div key={f.name}>
          <Label htmlFor={f.name}>{t(`fields.${f.name}`)}</Label>
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
        {isSubmitting ? t("pending") : t("submit")}
      </Button>
    </form>
  );
}
