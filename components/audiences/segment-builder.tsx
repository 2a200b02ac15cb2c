"use client";
import { lazyZodResolver } from "@/components/forms/lazy-zod-resolver";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Plus, Trash2, Users } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useDeferredValue } from "react";
import type { z } from "zod";
import { Controller, FormProvider, useFieldArray, useForm, useFormContext, useWatch } from "react-hook-form";
import { saveSegmentAction } from "@/app/(dashboard)/audiences/segments/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { Card } from "@/components/ui/card";
import { FormDateField } from "@/components/ui/form-date-field";
import { FieldError, Input, Label } from "@/components/ui/input";
import { FormSelect } from "@/components/ui/form-select";
import { ChoiceSelect } from "@/components/ui/select";
import { StatusMessage } from "@/components/ui/status-message";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { useFormat } from "@/lib/i18n/format";
import {
  EMPTY_CONDITION,
  ENGAGEMENT_EVENTS,
  OPERATORS_BY_FIELD,
  SEGMENT_FIELDS,
  TEXT_FIELDS,
  type SegmentField,
  type SegmentOperator,
} from "@/lib/segments/fields";
import type { segmentSchema, SegmentInput } from "@/lib/segments/schemas";
import { fetchJson } from "@/lib/fetch-json";
import { segmentKeys } from "@/lib/segments/query-keys";

type Option = { id: string; name: string };
type FormValues = z.input<typeof segmentSchema>;
type Preview = { count: number; contacts: { id: string; name: string | null; phone: string }[]; ms: number };

/** The form's schema, and zod with it, download when it first validates (components/forms/lazy-zod-resolver). */
const segmentResolver = lazyZodResolver(() => import("@/lib/segments/schemas").then((m) => m.segmentSchema));
// The rules' schema (and zod with it) downloads after the page, not with it; the live count waits for it.
const loadRulesSchema = () => import("@/lib/segments/schemas").then((m) => m.segmentRulesSchema);

const fetchPreview = (rules: string, failed: string) =>
  fetchJson<Preview>(`/api/v1/segments/preview?rules=${encodeURIComponent(rules)}`, failed);

export function SegmentBuilder({
  initial,
  lists,
  campaigns,
  attributes,
  canEdit,
}: {
  initial: SegmentInput;
  lists: Option[];
  campaigns: Option[];
  /** The custom attribute names contacts carry: suggested where a condition names one. */
  attributes: string[];
  canEdit: boolean;
}) {
  const t = useTranslations("audiences.segments.builder");
  const format = useFormat();
  const router = useRouter();
  const form = useForm<FormValues, unknown, SegmentInput>({
    resolver: segmentResolver,
    defaultValues: initial,
  });
  const groups = useFieldArray({ control: form.control, name: "rules.groups" });
  const { errors, isSubmitting } = form.formState;

  // The live count follows the rules as they are typed, once they are complete enough to evaluate.
  const rules = useWatch({ control: form.control, name: "rules" });
  const { data: rulesSchema } = useQuery({
    queryKey: segmentKeys.rulesSchema,
    queryFn: loadRulesSchema,
    staleTime: Infinity,
  });
  const parsed = rulesSchema?.safeParse(rules);
  const key = useDeferredValue(parsed?.success ? JSON.stringify(parsed.data) : null);
  const preview = useQuery({
    queryKey: segmentKeys.preview(key),
    queryFn: () => fetchPreview(key!, t("countFailed")),
    enabled: key !== null,
    placeholderData: keepPreviousData,
  });

  const { onSubmit, outcome } = useActionForm(form, saveSegmentAction, {
    onSuccess: (data) => {
      // A toast, not the status line: a new segment moves to its own page, and the confirmation goes with it.
      toast(t("saved"));
      if (!initial.id) router.push(`/audiences/segments/${data.id}`);
    },
  });

  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <fieldset disabled={!canEdit} className="space-y-4">
          <datalist id={ATTRIBUTE_LIST}>
            {attributes.map((key) => (
              <option key={key} value={key} />
            ))}
          </datalist>
          <Card className="p-5">
            <Label htmlFor="segment-name">{t("name")}</Label>
            <Input
              id="segment-name"
              aria-invalid={Boolean(errors.name)}
              aria-describedby="segment-name-error"
              {...form.register("name")}
            />
            <FieldError id="segment-name-error" message={errors.name?.message} />
          </Card>
          <div className="flex items-center gap-2 text-sm">
            <Label htmlFor="match" className="mb-0">
              {t("match.label")}
            </Label>
            <FormSelect
              id="match"
              className="w-auto"
              control={form.control}
              name="rules.match"
              choices={[
                { value: "all", label: t("match.all") },
                { value: "any", label: t("match.any") },
              ]}
            />
            <span>{t("match.suffix")}</span>
          </div>
          {groups.fields.map((group, g) => (
            <GroupEditor
              key={group.id}
              index={g}
              choices={{ lists, campaigns, attributes }}
              onRemove={groups.fields.length > 1 ? () => groups.remove(g) : undefined}
            />
          ))}
          {canEdit && (
            <div className="flex flex-wrap items-center gap-3">
              <Button
                type="button"
                variant="secondary"
                onClick={() => groups.append({ match: "all", conditions: [EMPTY_CONDITION] })}
              >
                <Plus className="size-4" aria-hidden /> {t("addGroup")}
              </Button>
              <Button type="submit" disabled={isSubmitting}>
                {t("save")}
              </Button>
              <StatusMessage outcome={outcome} />
            </div>
          )}
        </fieldset>

        <aside className="space-y-4 lg:sticky lg:top-4 lg:self-start" aria-label={t("preview.label")}>
          <Card className="p-5" aria-live="polite">
            <p className="flex items-center gap-2 text-sm text-muted">
              <Users className="size-4" aria-hidden /> {t("preview.matching")}
            </p>
            {key === null ? (
              <p className="mt-2 text-sm text-muted">{t("preview.finish")}</p>
            ) : preview.isError ? (
              <p className="mt-2 text-sm text-red-700" role="alert">
                {preview.error.message}
              </p>
            ) : (
              <p className="mt-1 text-3xl font-semibold tabular-nums" data-testid="segment-count">
                {preview.data ? format.number(preview.data.count) : "…"}
              </p>
            )}
            {preview.data && key !== null && (
              <p className="mt-1 text-xs text-muted">{t("preview.counted", { ms: format.number(preview.data.ms) })}</p>
            )}
          </Card>
          <div>
            <h2 className="mb-2 text-sm font-medium">{t("preview.firstTitle")}</h2>
            <Table caption={t("preview.firstCaption")}>
              <thead>
                <tr>
                  <Th>{t("preview.name")}</Th>
                  <Th>{t("preview.phone")}</Th>
                </tr>
              </thead>
              <tbody>
                {(preview.data?.contacts ?? []).map((c) => (
                  <tr key={c.id}>
                    <Td>
                      <Link href={`/audiences/contacts/${c.id}`} className="text-brand-700 hover:underline">
                        {c.name || t("preview.unnamed")}
                      </Link>
                    </Td>
                    <Td className="tabular-nums">{c.phone}</Td>
                  </tr>
                ))}
                {preview.data?.contacts.length === 0 && <EmptyRow columns={2}>{t("preview.none")}</EmptyRow>}
              </tbody>
            </Table>
          </div>
        </aside>
      </form>
    </FormProvider>
  );
}

type Choices = { lists: Option[]; campaigns: Option[]; attributes: string[] };

/** The known attribute names, once per builder, for every attribute field to suggest (a native combobox). */
const ATTRIBUTE_LIST = "segment-attribute-names";

function GroupEditor({ index, choices, onRemove }: { index: number; choices: Choices; onRemove?: () => void }) {
  const t = useTranslations("audiences.segments.builder");
  const { control } = useFormContext<FormValues>();
  const conditions = useFieldArray({ control, name: `rules.groups.${index}.conditions` });
  return (
    <Card className="space-y-3 p-5">
      <div className="flex items-center justify-between gap-2">
        <div className="flex items-center gap-2 text-sm">
          <Label htmlFor={`group-${index}-match`} className="mb-0">
            {t("group.match", { n: index + 1 })}
          </Label>
          <FormSelect
            id={`group-${index}-match`}
            className="w-auto"
            control={control}
            name={`rules.groups.${index}.match`}
            choices={[
              { value: "all", label: t("group.all") },
              { value: "any", label: t("group.any") },
            ]}
          />
        </div>
        {onRemove && (
          <Button type="button" variant="ghost" size="sm" onClick={onRemove}>
            <Trash2 className="size-4" aria-hidden /> {t("group.remove", { n: index + 1 })}
          </Button>
        )}
      </div>
      {conditions.fields.map((condition, c) => (
        <ConditionEditor
          key={condition.id}
          group={index}
          index={c}
          choices={choices}
          onRemove={conditions.fields.length > 1 ? () => conditions.remove(c) : undefined}
        />
      ))}
      <Button type="button" variant="secondary" size="sm" onClick={() => conditions.append(EMPTY_CONDITION)}>
        <Plus className="size-4" aria-hidden /> {t("addCondition")}
      </Button>
    </Card>
  );
}

function ConditionEditor({
  group,
  index,
  choices: { lists, campaigns, attributes },
  onRemove,
}: {
  group: number;
  index: number;
  choices: Choices;
  onRemove?: () => void;
}) {
  const t = useTranslations("audiences.segments");
  const {
    control,
    register,
    setValue,
    formState: { errors },
  } = useFormContext<FormValues>();
  const path = `rules.groups.${group}.conditions.${index}` as const;
  const field = useWatch({ control, name: `${path}.field` }) as SegmentField;
  const op = useWatch({ control, name: `${path}.op` });
  const fieldErrors = errors.rules?.groups?.[group]?.conditions?.[index];
  const id = (name: string) => `g${group}-c${index}-${name}`;
  const label = t("builder.condition.label", { condition: index + 1, group: group + 1 });
  const operators = OPERATORS_BY_FIELD[field] ?? [];
  const operatorLabel = (value: SegmentOperator) => t(`operator.${value}`);
  const isText = TEXT_FIELDS.includes(field);
  const labelled = (
    name: "key" | "value" | "listId" | "event" | "campaignId" | "days" | "op",
    title: string,
    input: React.ReactNode,
  ) => (
    <div>
      <Label htmlFor={id(name)} className="sr-only">
        {t("builder.condition.part", { label, part: title })}
      </Label>
      {input}
      <FieldError id={id(`${name}-error`)} message={fieldErrors?.[name]?.message} />
    </div>
  );
  const invalid = (name: "key" | "value" | "listId" | "event" | "days" | "op") => ({
    "aria-invalid": Boolean(fieldErrors?.[name]),
    "aria-describedby": id(`${name}-error`),
  });

  const daysInput = (placeholder: string) => (
    <Input
      id={id("days")}
      type="number"
      min={1}
      max={3650}
      className="w-24"
      placeholder={placeholder}
      {...invalid("days")}
      {...register(`${path}.days`)}
    />
  );

  return (
    <div className="flex flex-wrap items-start gap-2 rounded-md bg-gray-50 p-3" role="group" aria-label={label}>
      <div>
        <Label htmlFor={id("field")} className="sr-only">
          {t("builder.condition.part", { label, part: t("builder.condition.field") })}
        </Label>
        <Controller
          control={control}
          name={`${path}.field`}
          render={({ field: input }) => (
            <ChoiceSelect
              id={id("field")}
              className="w-40"
              value={input.value}
              onValueChange={(value) => {
                input.onChange(value);
                // Each field has its own comparisons: start from the first one.
                setValue(`${path}.op`, OPERATORS_BY_FIELD[value as SegmentField][0]!);
              }}
              choices={SEGMENT_FIELDS.map((value) => ({ value, label: t(`field.${value}`) }))}
            />
          )}
        />
      </div>
      {field === "attribute" &&
        labelled(
          "key",
          t("builder.condition.attribute"),
          <Input
            id={id("key")}
            list={ATTRIBUTE_LIST}
            autoComplete="off"
            placeholder={attributes[0] ?? t("builder.condition.attributePlaceholder")}
            className="w-32"
            {...invalid("key")}
            {...register(`${path}.key`)}
          />,
        )}
      {field === "engagement" &&
        labelled(
          "op",
          t("builder.condition.didOrDidNot"),
          <FormSelect
            key={field}
            id={id("op")}
            className="w-28"
            control={control}
            name={`${path}.op`}
            choices={operators.map((value) => ({ value, label: operatorLabel(value) }))}
          />,
        )}
      {field === "engagement"
        ? labelled(
            "event",
            t("builder.condition.what"),
            <FormSelect
              id={id("event")}
              className="w-40"
              {...invalid("event")}
              control={control}
              name={`${path}.event`}
              placeholder={t("builder.condition.choose")}
              choices={ENGAGEMENT_EVENTS.map((value) => ({ value, label: t(`event.${value}`) }))}
            />,
          )
        : labelled(
            "op",
            t("builder.condition.comparison"),
            <FormSelect
              key={field}
              id={id("op")}
              className="w-44"
              {...invalid("op")}
              control={control}
              name={`${path}.op`}
              placeholder={t("builder.condition.choose")}
              choices={operators.map((value) => ({ value, label: operatorLabel(value) }))}
            />,
          )}
      {(field === "tag" || (isText && !["empty", "not_empty"].includes(op))) &&
        labelled(
          "value",
          op === "in" || op === "not_in" ? t("builder.condition.values") : t("builder.condition.value"),
          <Input
            id={id("value")}
            className="w-44"
            placeholder={
              op?.endsWith("in")
                ? t("builder.condition.valuesPlaceholder")
                : field === "tag"
                  ? t("builder.condition.tagPlaceholder")
                  : t("builder.condition.valuePlaceholder")
            }
            {...invalid("value")}
            {...register(`${path}.value`)}
          />,
        )}
      {field === "consent" &&
        labelled(
          "listId",
          t("builder.condition.list"),
          <FormSelect
            id={id("listId")}
            className="w-44"
            {...invalid("listId")}
            control={control}
            name={`${path}.listId`}
            placeholder={t("builder.condition.chooseList")}
            choices={lists.map((l) => ({ value: l.id, label: l.name }))}
          />,
        )}
      {field === "created" &&
        (op === "after" || op === "before"
          ? labelled(
              "value",
              t("builder.condition.date"),
              <FormDateField
                control={control}
                name={`${path}.value`}
                id={id("value")}
                label={t("builder.condition.part", { label, part: t("builder.condition.date") })}
                className="w-44"
                {...invalid("value")}
              />,
            )
          : labelled("days", t("builder.condition.days"), daysInput(t("builder.condition.daysPlaceholder"))))}
      {field === "engagement" && (
        <>
          {labelled(
            "campaignId",
            t("builder.condition.campaign"),
            <FormSelect
              id={id("campaignId")}
              className="w-48"
              control={control}
              name={`${path}.campaignId`}
              choices={[
                { value: "", label: t("builder.condition.anyCampaign") },
                ...campaigns.map((c) => ({ value: c.id, label: c.name })),
              ]}
            />,
          )}
          {labelled("days", t("builder.condition.lastDays"), daysInput(t("builder.condition.days")))}
        </>
      )}
      {onRemove && (
        <Button
          type="button"
          variant="ghost"
          size="sm"
          onClick={onRemove}
          aria-label={t("builder.condition.remove", { condition: index + 1, group: group + 1 })}
        >
          <Trash2 className="size-4" aria-hidden />
        </Button>
      )}
    </div>
  );
}
