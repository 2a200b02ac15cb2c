"use client";
// The builder's content fields: header, body with its variable samples, footer. Counters show each
// limit as you type; errors come from the one template schema.
import { Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { lazy, Suspense, type ComponentProps } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label } from "@/components/ui/input";
import { ChoiceSelect } from "@/components/ui/select";
import { placeholders } from "@/lib/templates/rules";
import { LIMITS } from "@/lib/templates/limits";
import type { TemplateInput } from "@/lib/templates/schemas";
import { useFormat } from "@/lib/i18n/format";
import { cn } from "@/lib/utils";

const LoadedMediaPicker = lazy(() => import("./media-picker").then((module) => ({ default: module.MediaPicker })));

/** The media library and its upload zone: loaded when a header or a card first needs a file, not with the builder. */
export function MediaPicker(props: ComponentProps<typeof LoadedMediaPicker>) {
  return (
    <Suspense>
      <LoadedMediaPicker {...props} />
    </Suspense>
  );
}

export function Counter({ id, value, limit }: { id: string; value: string; limit: number }) {
  const t = useTranslations("templates.fields");
  const format = useFormat();
  return (
    <span
      id={id}
      className={cn("text-xs tabular-nums", value.length > limit ? "font-medium text-red-700" : "text-muted")}
    >
      {t("count", { length: format.number(value.length), limit: format.number(limit) })}
    </span>
  );
}

const at = (tree: unknown, path: string) =>
  path.split(".").reduce<unknown>((n, key) => (n as Record<string, unknown> | undefined)?.[key], tree);

function errorAt(errors: unknown, path: string): string | undefined {
  // A list's own error (too many buttons, cards unlike each other) is under "root" (@hookform/resolvers).
  const node = at(errors, path) as { message?: string; root?: { message?: string } } | undefined;
  return node?.message ?? node?.root?.message;
}

export function useFieldError() {
  const { formState } = useFormContext<TemplateInput>();
  return (path: string) => errorAt(formState.errors, path);
}

/** What a new button's or card's field starts with: nothing, or a URL button's bare scheme. */
const untyped = (value: unknown) => value == null || /^(https?:\/\/)?$/.test(String(value).trim());

/**
 * The error of a field in a button or card: adding one checks the whole list, and the new item's empty fields
 * would shout "required" before anything is typed, so a field still empty shows its error once the person leaves
 * it or tries to submit. What they type is checked as they type.
 */
export function useItemFieldError() {
  const { formState, getValues } = useFormContext<TemplateInput>();
  const { errors, touchedFields, isSubmitted } = formState;
  return (path: string) => {
    const waiting = !isSubmitted && at(touchedFields, path) !== true && untyped(at(getValues(), path));
    return waiting ? undefined : errorAt(errors, path);
  };
}

export function HeaderFields() {
  const { register, setValue } = useFormContext<TemplateInput>();
  const header = useWatch<TemplateInput, "header">({ name: "header" });
  const error = useFieldError();
  const text = header.type === "TEXT" ? header.text : "";
  const t = useTranslations("templates.fields");
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold">{t("header")}</legend>
      <div>
        <Label htmlFor="header-type">{t("headerType")}</Label>
        <ChoiceSelect
          id="header-type"
          value={header.type}
          onValueChange={(v) => {
            const type = v as TemplateInput["header"]["type"];
            setValue(
              "header",
              type === "TEXT"
                ? { type, text: "" }
                : type === "NONE" || type === "LOCATION"
                  ? { type }
                  : { type, mediaAssetId: "" },
              { shouldValidate: true, shouldDirty: true },
            );
          }}
          choices={[
            { value: "NONE", label: t("headerNone") },
            { value: "TEXT", label: t("headerText") },
            { value: "IMAGE", label: t("headerImage") },
            { value: "VIDEO", label: t("headerVideo") },
            { value: "DOCUMENT", label: t("headerDocument") },
            { value: "LOCATION", label: t("headerLocation") },
          ]}
        />
        <FieldError id="header-type-error" message={error("header")} />
      </div>
      {header.type === "TEXT" && (
        <>
          <div>
            <div className="flex items-end justify-between">
              <Label htmlFor="header-text">{t("headerTextLabel")}</Label>
              <Counter id="header-text-count" value={text} limit={LIMITS.headerText} />
            </div>
            <Input
              id="header-text"
              aria-describedby="header-text-count header-text-error"
              aria-invalid={Boolean(error("header.text"))}
              {...register("header.text")}
            />
            <FieldError id="header-text-error" message={error("header.text")} />
          </div>
          {placeholders(text).length > 0 && (
            <div>
              <Label htmlFor="header-sample">{t("sampleFor", { placeholder: `{{${placeholders(text)[0]}}}` })}</Label>
              <Input id="header-sample" aria-describedby="header-sample-error" {...register("header.sample")} />
              <FieldError id="header-sample-error" message={error("header.sample")} />
            </div>
          )}
        </>
      )}
      {(header.type === "IMAGE" || header.type === "VIDEO" || header.type === "DOCUMENT") && (
        <div>
          <MediaPicker
            kind={header.type}
            value={header.mediaAssetId}
            onChange={(mediaAssetId) =>
              setValue("header", { type: header.type, mediaAssetId }, { shouldValidate: true })
            }
          />
          <FieldError id="header-media-error" message={error("header.mediaAssetId")} />
        </div>
      )}
    </fieldset>
  );
}

/** The body with its samples, and the footer where the format has one. */
export function BodyFields({ footer: withFooter = true }: { footer?: boolean }) {
  const { register, setValue, getValues } = useFormContext<TemplateInput>();
  const body = useWatch<TemplateInput, "body">({ name: "body" });
  const format = useWatch<TemplateInput, "parameterFormat">({ name: "parameterFormat" });
  const footer = useWatch<TemplateInput, "footer">({ name: "footer" });
  const templateFormat = useWatch<TemplateInput, "format">({ name: "format" });
  const error = useFieldError();
  const variables = [...new Set(placeholders(body.text))];
  const t = useTranslations("templates.fields");

  const addVariable = () => {
    const text = getValues("body.text");
    const next = format === "NAMED" ? `{{variable_${variables.length + 1}}}` : `{{${variables.length + 1}}}`;
    setValue("body.text", `${text}${text && !text.endsWith(" ") ? " " : ""}${next}`, { shouldValidate: true });
  };

  return (
    <>
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold">{t("body")}</legend>
        <div>
          <div className="flex items-end justify-between">
            <Label htmlFor="body-text">{t("bodyText")}</Label>
            <Counter
              id="body-text-count"
              value={body.text}
              limit={templateFormat === "LIMITED_TIME_OFFER" ? LIMITS.offerBody : LIMITS.body}
            />
          </div>
          <textarea
            id="body-text"
            rows={6}
            className="block w-full rounded-md border border-line bg-white px-3 py-2 text-sm shadow-xs focus:border-brand-600 aria-invalid:border-red-500"
            aria-describedby="body-text-help body-text-count body-text-error"
            aria-invalid={Boolean(error("body.text"))}
            {...register("body.text")}
          />
          <p id="body-text-help" className="mt-1 text-xs text-muted">
            {t("bodyHelp", { example: format === "NAMED" ? "{{first_name}}" : "{{1}}, {{2}}…" })}
          </p>
          <FieldError id="body-text-error" message={error("body.text")} />
          <Button type="button" variant="secondary" size="sm" className="mt-2" onClick={addVariable}>
            <Plus className="size-4" aria-hidden /> {t("addVariable")}
          </Button>
        </div>
        {variables.length > 0 && (
          <div className="grid gap-3 sm:grid-cols-2">
            {variables.map((v) => (
              <div key={v}>
                <Label htmlFor={`sample-${v}`}>{t("sampleFor", { placeholder: `{{${v}}}` })}</Label>
                <Input
                  id={`sample-${v}`}
                  value={body.samples[v] ?? ""}
                  aria-describedby={`sample-${v}-error`}
                  aria-invalid={Boolean(error(`body.samples.${v}`))}
                  onChange={(e) =>
                    setValue(
                      "body.samples",
                      { ...getValues("body.samples"), [v]: e.target.value },
                      { shouldValidate: true },
                    )
                  }
                />
                <FieldError id={`sample-${v}-error`} message={error(`body.samples.${v}`)} />
              </div>
            ))}
          </div>
        )}
      </fieldset>
      {withFooter && (
        <fieldset>
          <legend className="sr-only">{t("footer")}</legend>
          <div className="flex items-end justify-between">
            <Label htmlFor="footer">{t("footerOptional")}</Label>
            <Counter id="footer-count" value={footer} limit={LIMITS.footer} />
          </div>
          <Input
            id="footer"
            aria-describedby="footer-count footer-error"
            aria-invalid={Boolean(error("footer"))}
            {...register("footer")}
          />
          <FieldError id="footer-error" message={error("footer")} />
        </fieldset>
      )}
    </>
  );
}
