"use client";
// An admin adds a member: their name, email and role (loaded after the page is up: create-user-dialog.tsx).
import { lazyZodResolver } from "@/components/forms/lazy-zod-resolver";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createUserAction } from "@/app/(dashboard)/settings/users/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { FieldError, Input, Label } from "@/components/ui/input";
import { FormSelect } from "@/components/ui/form-select";
import { ROLES } from "@/lib/auth/permissions";
import type { CreateUserInput } from "@/lib/users/schemas";
import { CreateUserButton } from "./create-user-dialog";

/** The form's schema, and zod with it, download when it first validates (components/forms/lazy-zod-resolver). */
const createUserResolver = lazyZodResolver(() => import("@/lib/users/schemas").then((m) => m.createUserSchema));

export default function CreateUserDialogView() {
  const t = useTranslations("settings.users");
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<{ email: string; password: string | null } | null>(null);
  const form = useForm<CreateUserInput>({
    resolver: createUserResolver,
    defaultValues: { role: "MARKETER" },
  });
  const { errors, isSubmitting } = form.formState;

  const { onSubmit, outcome, setOutcome } = useActionForm(form, createUserAction, {
    onSuccess: (data, values) => {
      setCreated({ email: values.email, password: data.temporaryPassword });
      form.reset();
    },
  });
  const formError = outcome?.ok === false ? outcome.text : null;

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) {
          setCreated(null);
          setOutcome(null);
        }
      }}
    >
      <DialogTrigger asChild>
        <CreateUserButton />
      </DialogTrigger>
      <DialogContent title={t("create.title")} description={t("create.description")}>
        {created ? (
          <div role="status" className="space-y-3 text-sm">
            <p>{t.rich("create.done", { email: created.email, strong: (chunks) => <strong>{chunks}</strong> })}</p>
            {created.password ? (
              <p>
                {t("create.password")}{" "}
                <code className="rounded bg-gray-100 px-2 py-1 font-mono" data-testid="temporary-password">
                  {created.password}
                </code>
              </p>
            ) : (
              <p>{t("create.existing")}</p>
            )}
            <Button variant="secondary" onClick={() => setCreated(null)}>
              {t("create.another")}
            </Button>
          </div>
        ) : (
          <form onSubmit={onSubmit} noValidate className="space-y-4">
            {formError && (
              <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
                {formError}
              </p>
            )}
            <div>
              <Label htmlFor="new-user-name">{t("create.name")}</Label>
              <Input
                id="new-user-name"
                aria-invalid={Boolean(errors.name)}
                aria-describedby="new-user-name-error"
                {...form.register("name")}
              />
              <FieldError id="new-user-name-error" message={errors.name?.message} />
            </div>
            <div>
              <Label htmlFor="new-user-email">{t("create.email")}</Label>
              <Input
                id="new-user-email"
                type="email"
                aria-invalid={Boolean(errors.email)}
                aria-describedby="new-user-email-error"
                {...form.register("email")}
              />
              <FieldError id="new-user-email-error" message={errors.email?.message} />
            </div>
            <div>
              <Label htmlFor="new-user-role">{t("create.role")}</Label>
              <FormSelect
                id="new-user-role"
                control={form.control}
                name="role"
                choices={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
              />
              <FieldError id="new-user-role-error" message={errors.role?.message} />
            </div>
            <div className="flex justify-end">
              <Button type="submit" disabled={isSubmitting}>
                {isSubmitting ? t("create.adding") : t("create.submit")}
              </Button>
            </div>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
