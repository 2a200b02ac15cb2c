"use client";
// Create or edit a webhook endpoint: its URL, what it is for, and the events it receives (loaded after the page
// is up: endpoint-form-dialog.tsx).
import { lazyZodResolver } from "@/components/forms/lazy-zod-resolver";
import { useTranslations } from "next-intl";
import { useState, type ReactElement } from "react";
import { useForm } from "react-hook-form";
import { createEndpointAction, updateEndpointAction } from "@/app/(dashboard)/settings/webhooks/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { FieldError, Input, Label } from "@/components/ui/input";
import { OUTBOUND_EVENT_TYPES, type OutboundEventType } from "@/lib/outbound-webhooks/event-types";
import type { ActionResult } from "@/lib/actions/action";
import type { EndpointInput } from "@/lib/outbound-webhooks/schemas";

/** The form's schema, and zod with it, download when it first validates (components/forms/lazy-zod-resolver). */
const endpointInputResolver = lazyZodResolver(() =>
  import("@/lib/outbound-webhooks/schemas").then((m) => m.endpointInputSchema),
);

/** Message keys cannot hold a dot: "message.read" is described under eventDescription.message_read. */
type Dotless<T extends string> = T extends `${infer A}.${infer B}` ? `${A}_${B}` : T;
const eventKey = (type: OutboundEventType) => type.replace(".", "_") as Dotless<OutboundEventType>;

type Existing = { id: string; url: string; description: string | null; eventTypes: string[] };
export type EndpointFormDialogProps = { endpoint?: Existing; trigger: ReactElement };

export default function EndpointFormDialogView({ endpoint, trigger }: EndpointFormDialogProps) {
  const t = useTranslations("settings.webhooks.form");
  const [open, setOpen] = useState(false);
  const idPrefix = endpoint ? `endpoint-${endpoint.id}` : "new-endpoint";
  const defaults: EndpointInput = {
    url: endpoint?.url ?? "",
    description: endpoint?.description ?? "",
    eventTypes: (endpoint?.eventTypes ?? [
      "message.delivered",
      "message.read",
      "message.failed",
    ]) as OutboundEventType[],
  };
  const form = useForm<EndpointInput>({ resolver: endpointInputResolver, defaultValues: defaults });
  const { errors, isSubmitting } = form.formState;

  const { onSubmit, outcome, setOutcome } = useActionForm(
    form,
    async (values: EndpointInput): Promise<ActionResult<unknown>> =>
      endpoint ? updateEndpointAction({ ...values, id: endpoint.id }) : createEndpointAction(values),
    {
      onSuccess: () => {
        setOpen(false);
        if (!endpoint) form.reset(defaults);
      },
    },
  );
  const formError = outcome?.ok === false ? outcome.text : null;

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) {
          setOutcome(null);
          form.reset(defaults);
        }
      }}
    >
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent title={endpoint ? t("editTitle") : t("addTitle")} description={t("description")}>
        <form onSubmit={onSubmit} noValidate className="max-h-[70vh] space-y-4 overflow-y-auto pr-1">
          {formError && (
            <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
              {formError}
            </p>
          )}
          <div>
            <Label htmlFor={`${idPrefix}-url`}>{t("url")}</Label>
            <Input
              id={`${idPrefix}-url`}
              type="url"
              inputMode="url"
              placeholder={t("urlPlaceholder")}
              aria-invalid={Boolean(errors.url)}
              aria-describedby={`${idPrefix}-url-hint ${idPrefix}-url-error`}
              {...form.register("url")}
            />
            <p id={`${idPrefix}-url-hint`} className="mt-1 text-xs text-muted">
              {t("urlHint")}
            </p>
            <FieldError id={`${idPrefix}-url-error`} message={errors.url?.message} />
          </div>
          <div>
            <Label htmlFor={`${idPrefix}-description`}>{t("descriptionLabel")}</Label>
            <Input
              id={`${idPrefix}-description`}
              placeholder={t("descriptionPlaceholder")}
              aria-invalid={Boolean(errors.description)}
              aria-describedby={`${idPrefix}-description-error`}
              {...form.register("description")}
            />
            <FieldError id={`${idPrefix}-description-error`} message={errors.description?.message} />
          </div>
          <fieldset aria-describedby={`${idPrefix}-types-error`}>
            <legend className="mb-1 text-sm font-medium text-ink">{t("events")}</legend>
            <div className="space-y-2">
              {OUTBOUND_EVENT_TYPES.map((type) => (
                <label key={type} className="flex items-start gap-2 text-sm">
                  <input
                    type="checkbox"
                    value={type}
                    className="mt-0.5 size-4 accent-brand-600"
                    {...form.register("eventTypes")}
                  />
                  <span>
                    <code className="font-mono text-xs font-medium">{type}</code>
                    <span className="block text-muted">{t(`eventDescription.${eventKey(type)}`)}</span>
                  </span>
                </label>
              ))}
            </div>
            <FieldError
              id={`${idPrefix}-types-error`}
              message={errors.eventTypes?.message ?? errors.eventTypes?.root?.message}
            />
          </fieldset>
          <div className="flex justify-end">
            <Button type="submit" disabled={isSubmitting}>
              {isSubmitting ? t("saving") : endpoint ? t("save") : t("add")}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
