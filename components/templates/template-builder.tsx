"use client";
// The template builder: the form on the left, the live phone preview on the right, Meta's review status
// on top (polled while Meta decides). One zod schema checks every limit as you type and again on the server.
import { lazyZodResolver } from "@/components/forms/lazy-zod-resolver";
import { useQuery } from "@tanstack/react-query";
import { AlertTriangle } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { lazy, Suspense, useState, useTransition } from "react";
import { FormProvider, useForm, useFormContext, useWatch } from "react-hook-form";
import { saveTemplateDraftAction, submitTemplateAction } from "@/app/(dashboard)/templates/actions";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { StatusMessage } from "@/components/ui/status-message";
import { FieldError, Input, Label } from "@/components/ui/input";
import { FormSelect } from "@/components/ui/form-select";
import { ChoiceSelect } from "@/components/ui/select";
import { setServerErrors } from "@/components/ui/server-errors";
import type { TemplateStatus } from "@/lib/db/generated/enums";
import { translateMessage } from "@/lib/i18n/message-key";
import { LANGUAGES } from "@/lib/templates/languages";
import { contentAdvice } from "@/lib/templates/channel-advice";
import { rejectionMessage } from "@/lib/templates/rejection";
import { hiddenOnDesktop, looksPromotional } from "@/lib/templates/rules";
import { TEMPLATE_FORMATS, TTL, type TemplateFormat } from "@/lib/templates/limits";
import type { TemplateInput } from "@/lib/templates/schemas";
import { startCards } from "@/lib/templates/cards";
import { BodyFields, HeaderFields, useFieldError } from "./builder-fields";
import { ButtonEditor, type FlowChoice } from "./button-editor";
import { PhonePreview } from "./phone-preview";
import { TemplateStatusBadge } from "./template-status-badge";
import { templateKeys } from "@/lib/templates/query-keys";
import { useFormat } from "@/lib/i18n/format";
import { useLanguageName } from "./use-language-name";

// A limited-time offer's and a carousel's fields load when that format is chosen (most templates are neither).
const OfferFields = lazy(() => import("./format-fields").then((module) => ({ default: module.OfferFields })));
const CardFields = lazy(() => import("./format-fields").then((module) => ({ default: module.CardFields })));

type Existing = {
  id: string;
  status: TemplateStatus;
  rejectionReason: string | null;
  submitted: boolean;
  editsLeft: { in30Days: number; nextEditAt: Date | null } | null;
};

function useReviewStatus(existing?: Existing) {
  const t = useTranslations("templates.builder");
  return useQuery({
    queryKey: templateKeys.status(existing?.id ?? "new"),
    enabled: Boolean(existing),
    initialData: existing ? { status: existing.status, rejectionReason: existing.rejectionReason } : undefined,
    queryFn: async () => {
      const response = await fetch(`/api/v1/templates/${existing!.id}`, { cache: "no-store" });
      if (!response.ok) throw new Error(t("statusLoadFailed"));
      return (await response.json()) as { status: TemplateStatus; rejectionReason: string | null };
    },
    refetchInterval: (query) => (query.state.data?.status === "PENDING" ? 2000 : false),
  });
}

function Warnings() {
  const t = useTranslations("templates.builder");
  const buttons = useWatch<TemplateInput, "buttons">({ name: "buttons" });
  const category = useWatch<TemplateInput, "category">({ name: "category" });
  const body = useWatch<TemplateInput, "body">({ name: "body" });
  const format = useWatch<TemplateInput, "format">({ name: "format" });
  const warnings = [
    format === "LIMITED_TIME_OFFER" && t("hiddenOnDesktopOffer"),
    format === "STANDARD" && hiddenOnDesktop(buttons.map((b) => b.type)) && t("hiddenOnDesktop"),
    looksPromotional(category, body.text) && t("looksPromotional"),
  ].filter(Boolean) as string[];
  if (!warnings.length) return null;
  return (
    <ul className="space-y-2" aria-label={t("warnings")}>
      {warnings.map((w) => (
        <li key={w} className="flex gap-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden /> {w}
        </li>
      ))}
    </ul>
  );
}

/** When WhatsApp is the wrong channel for this text (lib/templates/channel-advice): advice, never a block. */
function ChannelAdvice() {
  const t = useTranslations("templates.builder.channel");
  const format = useFormat();
  const header = useWatch<TemplateInput, "header">({ name: "header" });
  const body = useWatch<TemplateInput, "body">({ name: "body" });
  const advice = contentAdvice({ header: header.type === "TEXT" ? header.text : null, body: body.text });
  if (!advice.length) return null;
  return (
    <section aria-labelledby="channel-advice-title" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
      <h2 id="channel-advice-title" className="font-medium">
        {t("title")}
      </h2>
      <ul className="mt-1 space-y-1">
        {advice.map((a) => (
          <li key={a.code} className="flex gap-2">
            <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden />
            {a.code === "tooLong"
              ? t("tooLong", { length: format.number(a.values.length), limit: format.number(a.values.limit) })
              : a.code === "urgent"
                ? t("urgent", { word: a.values.word })
                : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A duration in words: the largest whole unit ("12 hours", "3 days", "5 minutes"). */
function useDuration() {
  const t = useTranslations("templates.ttl");
  return (seconds: number) => {
    const [unit, size] =
      seconds % 86_400 === 0
        ? (["day", 86_400] as const)
        : seconds % 3_600 === 0
          ? (["hour", 3_600] as const)
          : (["minute", 60] as const);
    return t("duration", { unit, n: seconds / size });
  };
}

/** How long WhatsApp tries to deliver, within Meta's range for the category (lib/templates/schemas TTL). */
function TtlField() {
  const t = useTranslations("templates.ttl");
  const duration = useDuration();
  const { setValue } = useFormContext<TemplateInput>();
  const category = useWatch<TemplateInput, "category">({ name: "category" });
  const ttl = useWatch<TemplateInput, "ttlSeconds">({ name: "ttlSeconds" });
  const error = useFieldError();
  const choices: readonly number[] = TTL[category].choices;
  return (
    <div className="sm:col-span-2">
      <Label htmlFor="ttl">{t("label")}</Label>
      <ChoiceSelect
        id="ttl"
        aria-describedby="ttl-help ttl-error"
        aria-invalid={Boolean(error("ttlSeconds"))}
        value={ttl === null ? "" : String(ttl)}
        onValueChange={(v) => setValue("ttlSeconds", v ? Number(v) : null, { shouldValidate: true, shouldDirty: true })}
        choices={[
          { value: "", label: t("default", { category }) },
          ...[...new Set([...choices, ...(ttl === null ? [] : [ttl])])].map((seconds) => ({
            value: String(seconds),
            label: duration(seconds),
          })),
        ]}
      />
      <p id="ttl-help" className="mt-1 text-xs text-muted">
        {t("help", { category })}
      </p>
      <FieldError id="ttl-error" message={error("ttlSeconds")} />
    </div>
  );
}

function Basics({ locked }: { locked: boolean }) {
  const t = useTranslations("templates");
  const languageName = useLanguageName();
  const { control, register, setValue, getValues } = useFormContext<TemplateInput>();
  const format = useWatch<TemplateInput, "format">({ name: "format" });
  const category = useWatch<TemplateInput, "category">({ name: "category" });
  const error = useFieldError();
  /** Another format: what it cannot have goes (a carousel's header, footer and buttons move to its cards). */
  const changeFormat = (next: TemplateFormat) => {
    const options = { shouldValidate: true, shouldDirty: true };
    setValue("format", next, options);
    if (next === "STANDARD") return;
    setValue("category", "MARKETING", options);
    setValue("footer", "", options);
    const header = getValues("header").type;
    if (next === "CAROUSEL" || !["NONE", "IMAGE", "VIDEO"].includes(header))
      setValue("header", { type: "NONE" }, options);
    if (next === "CAROUSEL") {
      setValue("buttons", [], options);
      if (getValues("cards").length === 0) setValue("cards", startCards(), options);
    }
  };
  return (
    <fieldset className="grid gap-4 sm:grid-cols-2">
      <legend className="sr-only">{t("builder.basics")}</legend>
      <div className="sm:col-span-2">
        <Label htmlFor="name">{t("builder.name")}</Label>
        <Input
          id="name"
          disabled={locked}
          aria-describedby="name-error"
          aria-invalid={Boolean(error("name"))}
          placeholder={t("builder.namePlaceholder")}
          {...register("name")}
        />
        <FieldError id="name-error" message={error("name")} />
      </div>
      <div>
        <Label htmlFor="category">{t("builder.category")}</Label>
        <ChoiceSelect
          id="category"
          value={category}
          onValueChange={(v) => {
            const options = { shouldValidate: true, shouldDirty: true };
            setValue("category", v as TemplateInput["category"], options);
            // Each category has its own delivery window range: a change starts again from Meta's default.
            setValue("ttlSeconds", null, options);
          }}
          choices={(["MARKETING", "UTILITY", "AUTHENTICATION"] as const).map((c) => ({
            value: c,
            label: t(`category.${c}`),
          }))}
        />
      </div>
      <div>
        <Label htmlFor="language">{t("builder.language")}</Label>
        <FormSelect
          control={control}
          name="language"
          id="language"
          disabled={locked}
          choices={LANGUAGES.map(([code]) => ({
            value: code,
            label: t("actions.languageOption", { name: languageName(code), code }),
          }))}
        />
      </div>
      <TtlField />
      <div className="sm:col-span-2">
        <Label htmlFor="format">{t("format.label")}</Label>
        <ChoiceSelect
          id="format"
          disabled={locked}
          aria-describedby="format-help format-error"
          value={format}
          onValueChange={(v) => changeFormat(v as TemplateFormat)}
          choices={TEMPLATE_FORMATS.map((f) => ({ value: f, label: t(`format.${f}`) }))}
        />
        <p id="format-help" className="mt-1 text-xs text-muted">
          {t("format.help", { format })}
        </p>
        <FieldError id="format-error" message={error("format")} />
      </div>
      <div className="sm:col-span-2">
        <Label htmlFor="parameter-format">{t("builder.variables")}</Label>
        <FormSelect
          control={control}
          name="parameterFormat"
          id="parameter-format"
          choices={[
            { value: "POSITIONAL", label: t("builder.numbered", { example: "{{1}}, {{2}}" }) },
            { value: "NAMED", label: t("builder.named", { example: "{{first_name}}" }) },
          ]}
        />
      </div>
    </fieldset>
  );
}

/** The builder validates as you type with the server's own schema, which loads after the page. */
const templateResolver = lazyZodResolver(() => import("@/lib/templates/schemas").then((m) => m.templateInputSchema));

export function TemplateBuilder({
  initial,
  existing,
  canEdit,
  trackedLinkBase,
  flows = [],
}: {
  /** Published flows a FLOW button can open. */
  flows?: FlowChoice[];
  initial: TemplateInput;
  existing?: Existing;
  canEdit: boolean;
  /** Parley's tracked redirect (lib/campaigns/links.ts): a URL button that counts clicks starts with it. */
  trackedLinkBase: string;
}) {
  const router = useRouter();
  const t = useTranslations("templates.builder");
  const tAll = useTranslations();
  const format = useFormat();
  const form = useForm<TemplateInput>({
    resolver: templateResolver,
    mode: "onChange",
    defaultValues: initial,
  });
  const values = useWatch({ control: form.control }) as TemplateInput;
  const review = useReviewStatus(existing);
  const status = review.data?.status ?? "DRAFT";
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  const editable = canEdit && status !== "PENDING";

  const after = (result: Awaited<ReturnType<typeof saveTemplateDraftAction>>, ok: string) => {
    if (!result.ok) {
      setServerErrors(form, result.error);
      setMessage({ ok: false, text: result.error.message });
      return;
    }
    setMessage({ ok: true, text: ok });
    if (!existing) router.replace(`/templates/${result.data.id}`);
    else void review.refetch();
    router.refresh();
  };

  const saveDraft = () =>
    start(async () =>
      after(await saveTemplateDraftAction({ id: existing?.id, input: form.getValues() }), t("draftSaved")),
    );
  const submit = form.handleSubmit((input) =>
    start(async () => after(await submitTemplateAction({ id: existing?.id, input }), t("submitted"))),
  );

  return (
    <FormProvider {...form}>
      <div className="grid grid-cols-1 gap-8 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <form onSubmit={submit} noValidate className="space-y-6">
          {existing && (
            <Card className="flex flex-wrap items-center gap-3 p-4" aria-live="polite">
              <span className="text-sm text-muted">{t("status")}</span>
              <TemplateStatusBadge status={status} />
              {status === "PENDING" && <span className="text-sm text-muted">{t("reviewing")}</span>}
              {status === "REJECTED" && review.data && (
                <span role="alert" className="text-sm text-red-800">
                  {t("rejected", { reason: translateMessage(tAll, rejectionMessage(review.data.rejectionReason)) })}
                </span>
              )}
              {existing.editsLeft && (
                <span className="text-sm text-muted">
                  {existing.editsLeft.nextEditAt
                    ? t("editsLeftNext", {
                        count: format.number(existing.editsLeft.in30Days),
                        time: format.dateTime(existing.editsLeft.nextEditAt),
                      })
                    : t("editsLeft", { count: format.number(existing.editsLeft.in30Days) })}
                </span>
              )}
            </Card>
          )}
          <fieldset disabled={!editable || pending} className="space-y-6">
            <Card className="space-y-6 p-6">
              <Basics locked={Boolean(existing?.submitted)} />
            </Card>
            <Card className="space-y-6 p-6">
              {values.format !== "CAROUSEL" && <HeaderFields />}
              {values.format === "LIMITED_TIME_OFFER" && (
                <Suspense>
                  <OfferFields />
                </Suspense>
              )}
              <BodyFields footer={values.format === "STANDARD"} />
            </Card>
            <Card className="p-6">
              {values.format === "CAROUSEL" ? (
                <Suspense>
                  <CardFields trackedLinkBase={trackedLinkBase} />
                </Suspense>
              ) : (
                <ButtonEditor trackedLinkBase={trackedLinkBase} flows={flows} />
              )}
            </Card>
          </fieldset>
          <Warnings />
          <ChannelAdvice />
          {canEdit && (
            <div className="flex flex-wrap items-center gap-3">
              <Button type="submit" disabled={!editable || pending}>
                {pending ? t("working") : status === "APPROVED" ? t("submitEdit") : t("submit")}
              </Button>
              <Button type="button" variant="secondary" onClick={saveDraft} disabled={!editable || pending}>
                {t("saveDraft")}
              </Button>
              <StatusMessage outcome={message} />
            </div>
          )}
        </form>
        <aside className="lg:sticky lg:top-6 lg:self-start" aria-labelledby="template-preview-heading">
          <h2 id="template-preview-heading" className="mb-3 text-sm font-semibold">
            {t("preview")}
          </h2>
          <PhonePreview template={values} />
        </aside>
      </div>
    </FormProvider>
  );
}
