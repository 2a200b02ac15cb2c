"use client";
import { lazyZodResolver } from "@/components/forms/lazy-zod-resolver";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Controller, useForm, useWatch, type UseFormReturn } from "react-hook-form";
import { saveCampaignAction } from "@/app/(dashboard)/campaigns/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FieldError, Input, Label } from "@/components/ui/input";
import { FormSelect } from "@/components/ui/form-select";
import { ChoiceSelect } from "@/components/ui/select";
import { StatusMessage } from "@/components/ui/status-message";
import { useFormat } from "@/lib/i18n/format";
import { cardMediaKind, carouselCards, headerMediaKind, type Slot } from "@/lib/campaigns/render";
import { CONTACT_FIELDS } from "@/lib/campaigns/contact-fields";
import type { CampaignFormValues, CampaignInput } from "@/lib/campaigns/schemas";
import { mediaUrl } from "@/lib/media/urls";
import { useSlotLabel } from "./use-slot-label";
import { useLanguageLabel } from "@/components/templates/use-language-name";
import { ScheduleAtField } from "./schedule-at-field";

/** A link button, the message's own or a carousel card's, whose template address is Parley's redirect ("Count clicks"). */
const trackable = (slot: Slot, base: string) => slot.kind === "link" && slot.url === `${base}{{1}}`;

type Choices = {
  templates: {
    name: string;
    category: string;
    languages: string[];
    slots: Slot[];
    components: unknown;
    headerMediaId: string | null;
    cardMediaIds: string[];
  }[];
  lists: { id: string; name: string; category: string }[];
  segments: { id: string; name: string }[];
  media: { id: string; kind: string; fileName: string }[];
  account: { displayPhoneNumber: string | null; throughputPerSecond: number } | null;
  timeZone: string;
  /** Template link addresses starting with this (then {{1}}) can be tracked. */
  trackedLinkBase: string;
};
type Form = UseFormReturn<CampaignFormValues, unknown, CampaignInput>;

function Section({ title, description, children }: { title: string; description?: string; children: React.ReactNode }) {
  return (
    <Card className="space-y-4 p-5">
      <div>
        <h2 className="font-semibold">{title}</h2>
        {description && <p className="text-sm text-muted">{description}</p>}
      </div>
      {children}
    </Card>
  );
}

export function CampaignBuilder({
  id,
  initial,
  choices,
}: {
  id?: string;
  initial: CampaignFormValues;
  choices: Choices;
}) {
  const router = useRouter();
  const t = useTranslations("campaigns");
  const format = useFormat();
  const languageLabel = useLanguageLabel();
  const category = (value: string) => {
    const key = `category.${value}` as "category.MARKETING";
    return t.has(key) ? t(key) : value.toLowerCase();
  };
  const form: Form = useForm<CampaignFormValues, unknown, CampaignInput>({
    resolver: lazyZodResolver(() => import("@/lib/campaigns/schemas").then((m) => m.campaignInputSchema)),
    defaultValues: initial,
  });
  const { errors, isSubmitting } = form.formState;
  const templateName = useWatch({ control: form.control, name: "templateName" });
  const mode = useWatch({ control: form.control, name: "schedule.mode" });
  const quiet = useWatch({ control: form.control, name: "quietHours.enabled" });
  const scheduleError = (errors.schedule as { at?: { message?: string } } | undefined)?.at?.message;
  const template = choices.templates.find((t) => t.name === templateName);
  const mediaKind = template ? headerMediaKind(template.components) : null;
  const headerMediaId = useWatch({ control: form.control, name: "headerMediaId" });
  const cardKind = template ? cardMediaKind(template.components) : null;
  const cardCount = template ? carouselCards(template.components).length : 0;
  // Consent is by purpose (lib/consent): only lists of the template's category are offered.
  const lists = template ? choices.lists.filter((l) => l.category === template.category) : [];
  const mediaChoices = (kind: string) =>
    choices.media.filter((m) => m.kind === kind).map((m) => ({ value: m.id, label: m.fileName }));

  const { onSubmit, outcome } = useActionForm(form, (campaign) => saveCampaignAction({ id, campaign }), {
    fieldPrefix: "campaign.",
    onSuccess: (data) => router.push(`/campaigns/${data.id}`),
  });

  const pickTemplate = (name: string) => {
    const next = choices.templates.find((t) => t.name === name);
    form.setValue("templateName", name, { shouldValidate: Boolean(errors.templateName) });
    form.setValue("fallbackLanguage", next?.languages.includes("en_US") ? "en_US" : (next?.languages[0] ?? ""));
    // The template's own header file, and its click-counting links as tracked links (the marketer adds
    // where each leads): what the template was approved with is where the campaign starts.
    form.setValue("headerMediaId", next?.headerMediaId ?? "");
    form.setValue("cardMediaIds", next?.cardMediaIds ?? []);
    form.setValue(
      "variables",
      Object.fromEntries(
        (next?.slots ?? [])
          .filter((slot) => trackable(slot, choices.trackedLinkBase))
          .map((slot) => [slot.key, { source: "tracked" as const, value: "", fallback: "" }]),
      ),
    );
    const list = choices.lists.find((l) => l.id === form.getValues("consentListId"));
    if (list && list.category !== next?.category) form.setValue("consentListId", "");
  };

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-3xl space-y-5">
      <Section title={t("builder.campaign")}>
        <div>
          <Label htmlFor="name">{t("builder.name")}</Label>
          <Input
            id="name"
            aria-invalid={Boolean(errors.name)}
            aria-describedby="name-error"
            placeholder={t("builder.namePlaceholder")}
            {...form.register("name")}
          />
          <FieldError id="name-error" message={errors.name?.message} />
        </div>
      </Section>

      <Section title={t("builder.message")} description={t("builder.messageDescription")}>
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <Label htmlFor="templateName">{t("builder.template")}</Label>
            <ChoiceSelect
              id="templateName"
              aria-invalid={Boolean(errors.templateName)}
              aria-describedby="templateName-error"
              value={templateName}
              onValueChange={pickTemplate}
              placeholder={t("builder.pickTemplate")}
              choices={choices.templates.map((tpl) => ({
                value: tpl.name,
                label: t("builder.templateOption", {
                  name: tpl.name,
                  category: category(tpl.category),
                  languages: tpl.languages.map((l) => languageLabel(l, tpl.languages)).join(", "),
                }),
              }))}
            />
            <FieldError id="templateName-error" message={errors.templateName?.message} />
            {choices.templates.length === 0 && <p className="mt-1 text-sm text-muted">{t("builder.noTemplates")}</p>}
          </div>
          <div>
            <Label htmlFor="fallbackLanguage">{t("builder.fallbackLanguage")}</Label>
            <FormSelect
              id="fallbackLanguage"
              aria-describedby="fallbackLanguage-error"
              disabled={!template}
              control={form.control}
              name="fallbackLanguage"
              choices={(template?.languages ?? []).map((l, _, all) => ({ value: l, label: languageLabel(l, all) }))}
            />
            <FieldError id="fallbackLanguage-error" message={errors.fallbackLanguage?.message} />
          </div>
        </div>
        {mediaKind && (
          <div>
            <Label htmlFor="headerMediaId">{t("builder.headerMedia", { kind: mediaKind })}</Label>
            <FormSelect
              id="headerMediaId"
              aria-invalid={Boolean(errors.headerMediaId)}
              aria-describedby="headerMediaId-error"
              control={form.control}
              name="headerMediaId"
              placeholder={t("builder.pickMedia")}
              choices={mediaChoices(mediaKind)}
            />
            <FieldError id="headerMediaId-error" message={errors.headerMediaId?.message} />
            {headerMediaId && headerMediaId === template?.headerMediaId && (
              <p className="mt-1 text-sm text-muted">{t("builder.headerFromTemplate")}</p>
            )}
            {headerMediaId && mediaKind === "IMAGE" && (
              // eslint-disable-next-line @next/next/no-img-element -- a private, authenticated thumbnail
              <img
                src={mediaUrl(headerMediaId, true)}
                alt={t("previews.headerImage")}
                className="mt-2 max-h-32 rounded-md border border-line object-cover"
              />
            )}
          </div>
        )}
        {cardKind && (
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium">{t("builder.cardMedia", { kind: cardKind })}</legend>
            {template?.cardMediaIds.length === cardCount && (
              <p className="text-sm text-muted">{t("builder.cardMediaFromTemplate")}</p>
            )}
            <div className="grid gap-2 sm:grid-cols-2">
              {Array.from({ length: cardCount }, (_, i) => (
                <div key={i}>
                  <Label htmlFor={`card-media-${i}`}>{t("builder.cardMediaCard", { number: i + 1 })}</Label>
                  <FormSelect
                    id={`card-media-${i}`}
                    control={form.control}
                    name={`cardMediaIds.${i}`}
                    placeholder={t("builder.pickMedia")}
                    choices={mediaChoices(cardKind)}
                  />
                </div>
              ))}
            </div>
          </fieldset>
        )}
        {template && template.slots.length > 0 && (
          <Variables form={form} slots={template.slots} trackedLinkBase={choices.trackedLinkBase} />
        )}
      </Section>

      <Section title={t("builder.audience")} description={t("builder.audienceDescription")}>
        <div>
          <Label htmlFor="consentListId">{t("builder.consentList")}</Label>
          <FormSelect
            id="consentListId"
            aria-invalid={Boolean(errors.consentListId)}
            aria-describedby="consentListId-error"
            control={form.control}
            name="consentListId"
            placeholder={template ? t("builder.pickPurpose") : t("builder.pickTemplateFirst")}
            choices={lists.map((l) => ({
              value: l.id,
              label: t("builder.listOption", { name: l.name, category: category(l.category) }),
            }))}
          />
          {template && lists.length < choices.lists.length && (
            <p className="mt-1 text-sm text-muted">
              {t("builder.onlyLists", { category: category(template.category) })}
            </p>
          )}
          {template && lists.length === 0 && (
            <p className="mt-1 text-sm text-muted">{t("builder.noLists", { category: category(template.category) })}</p>
          )}
          <FieldError id="consentListId-error" message={errors.consentListId?.message} />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <SegmentChecks form={form} name="segmentIds" legend={t("builder.onlySegments")} segments={choices.segments} />
          <SegmentChecks
            form={form}
            name="excludeSegmentIds"
            legend={t("builder.excludeSegments")}
            segments={choices.segments}
          />
        </div>
      </Section>

      <Section title={t("builder.when")} description={t("builder.whenDescription", { timeZone: choices.timeZone })}>
        <fieldset className="space-y-2">
          <legend className="sr-only">{t("builder.schedule")}</legend>
          {(["now", "at", "local"] as const).map((value) => (
            <label key={value} className="flex items-center gap-2 text-sm">
              <input type="radio" value={value} {...form.register("schedule.mode")} /> {t(`builder.${value}`)}
            </label>
          ))}
        </fieldset>
        {mode !== "now" && (
          <fieldset>
            <legend className="mb-1 text-sm font-medium text-ink">
              {mode === "local" ? t("builder.localDateTime") : t("builder.dateTime")}
            </legend>
            <Controller
              control={form.control}
              name={"schedule.at" as "schedule"}
              // Nothing picked yet is "", which the schema explains ("Pick a date and a time"), not a missing value.
              defaultValue={"" as never}
              render={({ field }) => (
                <ScheduleAtField
                  value={typeof field.value === "string" ? field.value : ""}
                  onChange={field.onChange}
                  invalid={Boolean(scheduleError)}
                  describedBy="schedule-at-error"
                />
              )}
            />
            <FieldError id="schedule-at-error" message={scheduleError} />
          </fieldset>
        )}
        <div className="space-y-2">
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" {...form.register("quietHours.enabled")} /> {t("builder.quietHours")}
          </label>
          {quiet && (
            <div className="flex flex-wrap items-end gap-3">
              <div>
                <Label htmlFor="quiet-start">{t("builder.from")}</Label>
                <Input id="quiet-start" type="time" className="w-32" {...form.register("quietHours.start")} />
              </div>
              <div>
                <Label htmlFor="quiet-end">{t("builder.until")}</Label>
                <Input
                  id="quiet-end"
                  type="time"
                  className="w-32"
                  aria-describedby="quiet-end-error"
                  {...form.register("quietHours.end")}
                />
              </div>
              <FieldError
                id="quiet-end-error"
                message={errors.quietHours?.end?.message ?? errors.quietHours?.message}
              />
            </div>
          )}
        </div>
      </Section>

      <Section
        title={t("builder.sender")}
        description={
          choices.account
            ? t("builder.senderDescription", {
                number: choices.account.displayPhoneNumber ?? t("builder.yourNumber"),
                rate: format.number(choices.account.throughputPerSecond),
              })
            : t("builder.noAccount")
        }
      >
        <div className="max-w-xs">
          <Label htmlFor="sendRatePerSec">{t("builder.rate")}</Label>
          <Input
            id="sendRatePerSec"
            type="number"
            min={1}
            max={1000}
            placeholder={
              choices.account
                ? t("builder.ratePlaceholder", { rate: format.number(choices.account.throughputPerSecond) })
                : t("builder.rateLimitPlaceholder")
            }
            aria-describedby="sendRatePerSec-error"
            {...form.register("sendRatePerSec", { setValueAs: (v) => (v === "" || v === null ? null : Number(v)) })}
          />
          <FieldError id="sendRatePerSec-error" message={errors.sendRatePerSec?.message} />
        </div>
      </Section>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("builder.checking") : t("builder.save")}
        </Button>
        <StatusMessage outcome={outcome} />
      </div>
    </form>
  );
}

function SegmentChecks({
  form,
  name,
  legend,
  segments,
}: {
  form: Form;
  name: "segmentIds" | "excludeSegmentIds";
  legend: string;
  segments: Choices["segments"];
}) {
  const t = useTranslations("campaigns.builder");
  return (
    <fieldset>
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      {segments.length === 0 ? (
        <p className="text-sm text-muted">{t("noSegments")}</p>
      ) : (
        <div className="max-h-40 space-y-1 overflow-y-auto">
          {segments.map((s) => (
            <label key={s.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" value={s.id} {...form.register(name)} /> {s.name}
            </label>
          ))}
        </div>
      )}
      <FieldError id={`${name}-error`} message={form.formState.errors[name]?.message} />
    </fieldset>
  );
}

function Variables({ form, slots, trackedLinkBase }: { form: Form; slots: Slot[]; trackedLinkBase: string }) {
  const t = useTranslations("campaigns");
  const slotLabel = useSlotLabel();
  const variables = useWatch({ control: form.control, name: "variables" }) ?? {};
  const errors = form.formState.errors.variables as
    Record<string, { value?: { message?: string }; message?: string }> | undefined;
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium">{t("builder.variables")}</legend>
      {slots.map((slot) => {
        const v = variables[slot.key];
        const field = `variables.${slot.key}` as const;
        const idBase = `var-${slot.key.replaceAll(":", "-")}`;
        return (
          <div key={slot.key} className="grid gap-2 rounded-md border border-line p-3 sm:grid-cols-[1fr_1fr_1fr]">
            <div>
              <Label htmlFor={`${idBase}-source`}>{slotLabel(slot)}</Label>
              <ChoiceSelect
                id={`${idBase}-source`}
                value={v?.source ?? ""}
                onValueChange={(value) => {
                  const source = value as "field" | "attribute" | "constant" | "tracked" | "";
                  form.setValue("variables", {
                    ...Object.fromEntries(Object.entries(variables).filter(([key]) => key !== slot.key)),
                    ...(source
                      ? { [slot.key]: { source, value: source === "field" ? "first_name" : "", fallback: "" } }
                      : {}),
                  });
                }}
                // An optional slot (a button's text) may stay as it is: that is a choice; any other must be filled.
                placeholder={t("builder.pickSource")}
                choices={[
                  ...(slot.optional ? [{ value: "", label: t("builder.buttonText") }] : []),
                  { value: "field", label: t("builder.sourceField") },
                  { value: "attribute", label: t("builder.sourceAttribute") },
                  { value: "constant", label: t("builder.sourceConstant") },
                  ...(trackable(slot, trackedLinkBase) || v?.source === "tracked"
                    ? [{ value: "tracked", label: t("builder.sourceTracked") }]
                    : []),
                ]}
              />
              {v?.source === "tracked" && <p className="mt-1 text-xs text-muted">{t("builder.trackedHint")}</p>}
              {slot.kind === "offerExpiry" && (
                <p className="mt-1 text-xs text-muted">
                  {t("builder.offerExpiryHint", { example: "2026-12-24T23:59:00+01:00" })}
                </p>
              )}
              {slot.kind === "link" && !trackable(slot, trackedLinkBase) && (
                <p className="mt-1 text-xs text-muted">{t("builder.untrackableHint")}</p>
              )}
            </div>
            {v && (
              <div>
                <Label htmlFor={`${idBase}-value`}>
                  {v.source === "field"
                    ? t("builder.field")
                    : v.source === "attribute"
                      ? t("builder.attribute")
                      : v.source === "tracked"
                        ? t("builder.address")
                        : t("builder.text")}
                </Label>
                {v.source === "field" ? (
                  <FormSelect
                    id={`${idBase}-value`}
                    control={form.control}
                    name={`${field}.value`}
                    choices={CONTACT_FIELDS.map((key) => ({ value: key, label: t(`contactField.${key}`) }))}
                  />
                ) : (
                  <Input
                    id={`${idBase}-value`}
                    aria-describedby={`${idBase}-error`}
                    placeholder={
                      v.source === "attribute"
                        ? t("builder.attributePlaceholder")
                        : v.source === "tracked"
                          ? t("builder.addressPlaceholder")
                          : ""
                    }
                    {...form.register(`${field}.value` as never)}
                  />
                )}
                <FieldError id={`${idBase}-error`} message={errors?.[slot.key]?.value?.message} />
              </div>
            )}
            {v && v.source !== "constant" && v.source !== "tracked" && (
              <div>
                <Label htmlFor={`${idBase}-fallback`}>{t("builder.fallback")}</Label>
                <Input
                  id={`${idBase}-fallback`}
                  placeholder={t("builder.fallbackPlaceholder")}
                  {...form.register(`${field}.fallback` as never)}
                />
              </div>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
