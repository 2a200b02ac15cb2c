"use client";
// An admin creates an API key: a name, its scopes and an optional expiry; the whole key is then shown
// once, with a way to copy it. Closing the dialog forgets it: the server keeps only its hash. (Loaded after the
// page is up: create-api-key-dialog.tsx.)
import { lazyZodResolver } from "@/components/forms/lazy-zod-resolver";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createApiKeyAction } from "@/app/(dashboard)/settings/api/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { FormDateField } from "@/components/ui/form-date-field";
import { FieldError, Input, Label } from "@/components/ui/input";
import type { CreateApiKeyInput } from "@/lib/api/schemas";
import { API_SCOPES } from "@/lib/api/scopes";
import { CopyButton } from "./copy-button";
import { CreateApiKeyButton } from "./create-api-key-dialog";

const today = () => new Date().toISOString().slice(0, 10);

/** The form's schema, and zod with it, download when it first validates (components/forms/lazy-zod-resolver). */
const createApiKeyResolver = lazyZodResolver(() => import("@/lib/api/schemas").then((m) => m.createApiKeySchema));

export default function CreateApiKeyDialogView() {
  const t = useTranslations("settings.api.create");
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const form = useForm<CreateApiKeyInput>({
    resolver: createApiKeyResolver,
    defaultValues: { name: "", scopes: [], expiresOn: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const { onSubmit, outcome, setOutcome } = useActionForm(form, createApiKeyAction, {
    onSuccess: (data) => {
      setCreated({ name: data.name, key: data.key });
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
          form.reset();
        }
      }}
    >
      <DialogTrigger asChild>
        <CreateApiKeyButton />
      </DialogTrigger>
      <DialogContent title={created ? t("copyTitle") : t("title")} description={created ? undefined : t("description")}>
        {created ? (
          <div className="space-y-4 text-sm">
            <p role="status">
              {t.rich("done", {
                name: created.name,
                header: "Authorization: Bearer <key>",
                strong: (chunks) => <strong>{chunks}</strong>,
                code: (chunks) => <code className="font-mono">{chunks}</code>,
              })}
            </p>
            <div>
              <Label htmlFor="new-api-key">{t("key")}</Label>
              <div className="flex gap-2">
                <Input
                  id="new-api-key"
                  readOnly
                  value={created.key}
                  className="font-mono text-xs"
                  data-testid="new-api-key"
                  onFocus={(e) => e.currentTarget.select()}
                />
                <CopyButton text={created.key} label={t("copy")} />
              </div>
            </div>
            <p className="rounded-md bg-amber-50 px-3 py-2 text-amber-900">{t("onlyOnce")}</p>
            <div className="flex justify-end">
              <DialogClose asChild>
                <Button variant="secondary">{t("copiedIt")}</Button>
              </DialogClose>
            </div>
          </div>
        ) : (
          <form onSubmit={onSubmit} noValidate className="space-y-4">
            {formError && (
              <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
                {formError}
              </p>
            )}
            <div>
              <Label htmlFor="api-key-name">{t("name")}</Label>
              <Input
                id="api-key-name"
                placeholder={t("namePlaceholder")}
                aria-invalid={Boolean(errors.name)}
                aria-describedby="api-key-name-error"
                {...form.register("name")}
              />
              <FieldError id="api-key-name-error" message={errors.name?.message} />
            </div>
            <fieldset aria-describedby="api-key-scopes-error">
              <legend className="mb-1 text-sm font-medium text-ink">{t("scopes")}</legend>
              <div className="space-y-1.5">
                {API_SCOPES.map((scope) => (
                  <label key={scope} className="flex items-start gap-2 text-sm">
                    <input
                      type="checkbox"
                      value={scope}
                      className="mt-0.5 size-4 accent-brand-600"
                      {...form.register("scopes")}
                    />
                    <span>
                      {t(`scope.${scope}`)} <code className="text-xs text-muted">{scope}</code>
                    </span>
                  </label>
                ))}
              </div>
              <FieldError id="api-key-scopes-error" message={errors.scopes?.message ?? errors.scopes?.root?.message} />
            </fieldset>
            <div>
              <Label htmlFor="api-key-expires">{t("expires")}</Label>
              <FormDateField
                control={form.control}
                name="expiresOn"
                id="api-key-expires"
                label={t("expires")}
                min={today()}
                optional
                className="w-48"
                aria-invalid={Boolean(errors.expiresOn)}
                aria-describedby="api-key-expires-hint api-key-expires-error"
              />
              <p id="api-key-expires-hint" className="mt-1 text-xs text-muted">
                {t("expiresHint")}
              </p>
              <FieldError id="api-key-expires-error" message={errors.expiresOn?.message} />
            </div>
            <div className="flex justify-end">
              <Button type="submit" disabled={isSubmitting}>
                {isSubmitting ? t("creating") : t("trigger")}
              </Button>
            </div>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
