"use client";
// A new consent list: its name, what people receive and its purpose (loaded after the page is up:
// create-consent-list-dialog.tsx).
import { lazyZodResolver } from "@/components/forms/lazy-zod-resolver";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createConsentListAction } from "@/app/(dashboard)/audiences/consent-lists/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { FieldError, Input, Label } from "@/components/ui/input";
import { FormSelect } from "@/components/ui/form-select";
import { StatusMessage } from "@/components/ui/status-message";
import { CreateConsentListButton } from "./create-consent-list-dialog";
import type { ConsentListInput } from "@/lib/consent/schemas";

/** The form's schema, and zod with it, download when it first validates (components/forms/lazy-zod-resolver). */
const consentListResolver = lazyZodResolver(() => import("@/lib/consent/schemas").then((m) => m.consentListSchema));

export default function CreateConsentListDialogView() {
  const t = useTranslations("audiences.consentLists");
  const [open, setOpen] = useState(false);
  const form = useForm<ConsentListInput>({
    resolver: consentListResolver,
    defaultValues: { name: "", description: "", category: "MARKETING" },
  });
  const { errors, isSubmitting } = form.formState;
  const { onSubmit, outcome } = useActionForm(form, createConsentListAction, {
    onSuccess: () => {
      form.reset();
      setOpen(false);
    },
  });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <CreateConsentListButton />
      </DialogTrigger>
      <DialogContent title={t("create.button")} description={t("create.description")}>
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          <div>
            <Label htmlFor="list-name">{t("create.name")}</Label>
            <Input
              id="list-name"
              aria-invalid={Boolean(errors.name)}
              aria-describedby="list-name-error"
              {...form.register("name")}
            />
            <FieldError id="list-name-error" message={errors.name?.message} />
          </div>
          <div>
            <Label htmlFor="list-description">{t("create.receive")}</Label>
            <Input
              id="list-description"
              placeholder={t("create.receivePlaceholder")}
              aria-describedby="list-description-error"
              {...form.register("description")}
            />
            <FieldError id="list-description-error" message={errors.description?.message} />
          </div>
          <div>
            <Label htmlFor="list-category">{t("create.purpose")}</Label>
            <FormSelect
              id="list-category"
              control={form.control}
              name="category"
              choices={[
                { value: "MARKETING", label: t("create.marketing") },
                { value: "UTILITY", label: t("create.utility") },
              ]}
            />
          </div>
          <div className="flex items-center justify-end gap-3">
            <StatusMessage outcome={outcome} />
            <Button type="submit" disabled={isSubmitting}>
              {t("create.submit")}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
