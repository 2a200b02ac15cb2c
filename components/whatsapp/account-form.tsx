"use client";
import { lazyZodResolver } from "@/components/forms/lazy-zod-resolver";
import { useTranslations } from "next-intl";
import { Fragment } from "react";
import { useForm } from "react-hook-form";
import { saveConnectionAction } from "@/app/(dashboard)/settings/whatsapp/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { StatusMessage } from "@/components/ui/status-message";
import { FieldError, Input, Label } from "@/components/ui/input";
import { FormSelect } from "@/components/ui/form-select";
import { useFormat } from "@/lib/i18n/format";
import type { AccountInput } from "@/lib/whatsapp/account-schemas";
import { graphVersion, selectableVersions } from "@/lib/whatsapp/graph-versions";

/** The form's schema, and zod with it, download when it first validates (components/forms/lazy-zod-resolver). */
const accountResolver = lazyZodResolver(() => import("@/lib/whatsapp/account-schemas").then((m) => m.accountSchema));

/** The connection's fields, in order; their labels and hints are settings.whatsapp.account.fields.<name>. */
const FIELDS: { name: Exclude<keyof AccountInput, "graphApiVersion">; secret?: boolean }[] = [
  { name: "wabaId" },
  { name: "phoneNumberId" },
  { name: "appId" },
  { name: "graphApiBase" },
  { name: "accessToken", secret: true },
  { name: "appSecret", secret: true },
  { name: "verifyToken", secret: true },
];

export function AccountForm({
  defaults,
  connected,
  now,
}: {
  defaults: Partial<AccountInput>;
  connected: boolean;
  /** The instant the page was made: which versions may still be chosen. */
  now: string;
}) {
  const t = useTranslations("settings.whatsapp.account");
  const format = useFormat();
  const form = useForm<AccountInput>({ resolver: accountResolver, defaultValues: defaults });
  const { errors, isSubmitting } = form.formState;
  // The versions Meta still answers, and the account's own even when it has ended (so the select shows it).
  const versions: string[] = selectableVersions(new Date(now)).map((v) => v.id);
  if (defaults.graphApiVersion && !versions.includes(defaults.graphApiVersion)) versions.push(defaults.graphApiVersion);
  const versionChoices = versions.map((id) => {
    const endsOn = graphVersion(id)?.endsOn;
    return {
      value: id,
      label: endsOn
        ? t("version.choice", { version: id, date: format.day(endsOn) })
        : t("version.choiceOpen", { version: id }),
    };
  });
  const versionError = errors.graphApiVersion?.message;
  // Chosen right after the address it completes.
  const versionField = (
    <div>
      <Label htmlFor="account-graphApiVersion">{t("version.label")}</Label>
      <FormSelect
        control={form.control}
        name="graphApiVersion"
        id="account-graphApiVersion"
        choices={versionChoices}
        aria-invalid={Boolean(versionError)}
        aria-describedby={`account-graphApiVersion-hint ${versionError ? "account-graphApiVersion-error" : ""}`}
      />
      <p id="account-graphApiVersion-hint" className="mt-1 text-xs text-muted">
        {t("version.hint")}
      </p>
      <FieldError id="account-graphApiVersion-error" message={versionError} />
    </div>
  );

  const { onSubmit, outcome } = useActionForm(form, saveConnectionAction, {
    onSuccess: (_data, values) => {
      form.reset({ ...values, accessToken: "", appSecret: "", verifyToken: "" });
      return t("saved");
    },
  });

  return (
    <Card className="p-6">
      <h2 className="font-semibold">{connected ? t("changeTitle") : t("connectTitle")}</h2>
      <p className="mt-1 text-sm text-muted">{connected ? t("changeHint") : t("connectHint")}</p>
      {/* POST, not the browser's GET, should it be sent before React has it: the token never goes into the address. */}
      <form method="post" onSubmit={onSubmit} noValidate className="mt-6 grid gap-5 md:grid-cols-2">
        {FIELDS.map((field) => {
          const id = `account-${field.name}`;
          const error = errors[field.name]?.message;
          return (
            <Fragment key={field.name}>
              <div>
                <Label htmlFor={id}>{t(`fields.${field.name}.label`)}</Label>
                <Input
                  id={id}
                  type={field.secret ? "password" : "text"}
                  autoComplete="off"
                  placeholder={field.secret && connected ? t("storedPlaceholder") : undefined}
                  aria-invalid={Boolean(error)}
                  aria-describedby={`${id}-hint ${error ? `${id}-error` : ""}`}
                  {...form.register(field.name)}
                />
                <p id={`${id}-hint`} className="mt-1 text-xs text-muted">
                  {t(`fields.${field.name}.hint`)}
                </p>
                <FieldError id={`${id}-error`} message={error} />
              </div>
              {field.name === "graphApiBase" && versionField}
            </Fragment>
          );
        })}
        <div className="flex items-center gap-4 md:col-span-2">
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? t("saving") : t("save")}
          </Button>
          <StatusMessage outcome={outcome} />
        </div>
      </form>
    </Card>
  );
}
