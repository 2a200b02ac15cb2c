"use client";
// Buttons: quick replies, URL (static or with a dynamic suffix), phone number, copy code, each within
// Meta's counts. Add buttons are disabled once a kind reaches its limit. A URL button can count clicks: its
// address becomes Parley's tracked redirect (lib/campaigns/links.ts) with the recipient's ending, so the link
// Meta reviews is the one campaigns send, and each campaign says where it leads.
import { Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label } from "@/components/ui/input";
import { ChoiceSelect } from "@/components/ui/select";
import { placeholders } from "@/lib/templates/rules";
import { LIMITS } from "@/lib/templates/limits";
import type { TemplateButton, TemplateInput } from "@/lib/templates/schemas";
import { Counter, useFieldError, useItemFieldError } from "./builder-fields";

const KINDS: { type: TemplateButton["type"]; max: number; make: () => TemplateButton }[] = [
  {
    type: "QUICK_REPLY",
    max: LIMITS.quickReplies,
    make: () => ({ type: "QUICK_REPLY", text: "" }),
  },
  {
    type: "URL",
    max: LIMITS.urlButtons,
    make: () => ({ type: "URL", text: "", url: "https://" }),
  },
  {
    type: "PHONE_NUMBER",
    max: LIMITS.phoneButtons,
    make: () => ({ type: "PHONE_NUMBER", text: "", phoneNumber: "+" }),
  },
  {
    type: "COPY_CODE",
    max: LIMITS.copyCodeButtons,
    make: () => ({ type: "COPY_CODE", example: "" }),
  },
  {
    type: "FLOW",
    max: LIMITS.flowButtons,
    make: () => ({ type: "FLOW", text: "", flowId: "", screen: "" }),
  },
];

/** A published WhatsApp Flow a FLOW button can open: Meta's id and the screen it opens on. */
export type FlowChoice = { metaFlowId: string; name: string; screen: string };

/** The sample ending Meta's reviewers see on a click-counting link. */
const TRACKED_SAMPLE = "sample";

export function ButtonEditor({
  trackedLinkBase,
  name = "buttons",
  kinds = KINDS.map((k) => k.type),
  max = LIMITS.buttonsTotal,
  flows = [],
}: {
  /** Published flows a FLOW button can open. */
  flows?: FlowChoice[];
  /** Parley's tracked redirect, for a URL button (the message's or a carousel card's) that counts clicks. */
  trackedLinkBase?: string;
  /** The message's buttons, or a carousel card's. */
  name?: "buttons" | `cards.${number}.buttons`;
  kinds?: readonly TemplateButton["type"][];
  max?: number;
}) {
  const { register, control, setValue } = useFormContext<TemplateInput>();
  const trackedUrl = trackedLinkBase ? `${trackedLinkBase}{{1}}` : null;
  const countClicks = (i: number, on: boolean) => {
    const options = { shouldValidate: true, shouldDirty: true };
    setValue(`${name}.${i}.url`, on && trackedUrl ? trackedUrl : "https://", options);
    setValue(`${name}.${i}.sample`, on ? TRACKED_SAMPLE : "", options);
  };
  const { fields, append, remove } = useFieldArray({ control, name });
  const buttons = useWatch<TemplateInput, typeof name>({ name }) ?? [];
  const error = useFieldError();
  const itemError = useItemFieldError();
  const t = useTranslations("templates.buttons");
  const prefix = name.replace(/\W+/g, "-");

  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold">{t("legend", { count: buttons.length, max })}</legend>
      <FieldError id={`${prefix}-error`} message={error(name)} />
      {fields.map((field, i) => {
        const button = buttons[i];
        if (!button) return null;
        const kind = KINDS.find((k) => k.type === button.type)!;
        const id = (part: string) => `${prefix === "buttons" ? "button" : prefix}-${i}-${part}`;
        return (
          <div key={field.id} className="rounded-md border border-line p-3">
            <div className="mb-2 flex items-center justify-between">
              <span className="text-xs font-medium tracking-wide text-muted uppercase">
                {t("title", { number: i + 1, kind: t(`kind.${kind.type}`) })}
              </span>
              <Button
                type="button"
                variant="ghost"
                size="sm"
                onClick={() => remove(i)}
                aria-label={t("remove", { number: i + 1 })}
              >
                <Trash2 className="size-4" aria-hidden />
              </Button>
            </div>
            <div className="grid gap-3 sm:grid-cols-2">
              {button.type !== "COPY_CODE" && (
                <div>
                  <div className="flex items-end justify-between">
                    <Label htmlFor={id("text")}>{t("label", { number: i + 1 })}</Label>
                    <Counter id={id("text-count")} value={button.text} limit={LIMITS.buttonLabel} />
                  </div>
                  <Input
                    id={id("text")}
                    aria-describedby={`${id("text-count")} ${id("text-error")}`}
                    {...register(`${name}.${i}.text`)}
                  />
                  <FieldError id={id("text-error")} message={itemError(`${name}.${i}.text`)} />
                </div>
              )}
              {button.type === "URL" && (
                <>
                  {trackedUrl && (
                    <div className="sm:col-span-2">
                      <label className="flex items-center gap-2 text-sm font-medium">
                        <input
                          type="checkbox"
                          checked={button.url === trackedUrl}
                          onChange={(e) => countClicks(i, e.target.checked)}
                          aria-describedby={id("count-help")}
                        />
                        {t("countClicks")}
                      </label>
                      <p id={id("count-help")} className="mt-1 text-xs text-muted">
                        {t("countClicksHelp", { link: trackedUrl })}
                      </p>
                    </div>
                  )}
                  <div>
                    <Label htmlFor={id("url")}>{t("url", { number: i + 1 })}</Label>
                    <Input
                      id={id("url")}
                      readOnly={button.url === trackedUrl}
                      aria-describedby={`${id("url-help")} ${id("url-error")}`}
                      {...register(`${name}.${i}.url`)}
                    />
                    {button.url !== trackedUrl && (
                      <p id={id("url-help")} className="mt-1 text-xs text-muted">
                        {t("urlHelp", { placeholder: "{{1}}" })}
                      </p>
                    )}
                    <FieldError id={id("url-error")} message={itemError(`${name}.${i}.url`)} />
                  </div>
                  {placeholders(button.url).length > 0 && button.url !== trackedUrl && (
                    <div>
                      <Label htmlFor={id("sample")}>{t("sample", { number: i + 1 })}</Label>
                      <Input
                        id={id("sample")}
                        aria-describedby={id("sample-error")}
                        {...register(`${name}.${i}.sample`)}
                      />
                      <FieldError id={id("sample-error")} message={itemError(`${name}.${i}.sample`)} />
                    </div>
                  )}
                </>
              )}
              {button.type === "PHONE_NUMBER" && (
                <div>
                  <Label htmlFor={id("phone")}>{t("phone", { number: i + 1 })}</Label>
                  <Input
                    id={id("phone")}
                    aria-describedby={id("phone-error")}
                    {...register(`${name}.${i}.phoneNumber`)}
                  />
                  <FieldError id={id("phone-error")} message={itemError(`${name}.${i}.phoneNumber`)} />
                </div>
              )}
              {button.type === "FLOW" && (
                <div>
                  <Label htmlFor={id("flow")}>{t("flow", { number: i + 1 })}</Label>
                  <ChoiceSelect
                    id={id("flow")}
                    aria-describedby={`${id("flow-help")} ${id("flow-error")}`}
                    value={button.flowId}
                    onValueChange={(v) => {
                      const options = { shouldValidate: true, shouldDirty: true };
                      const flow = flows.find((f) => f.metaFlowId === v);
                      setValue(`${name}.${i}.flowId`, v, options);
                      setValue(`${name}.${i}.screen`, flow?.screen ?? "", options);
                    }}
                    choices={[
                      { value: "", label: t("pickFlow") },
                      ...flows.map((f) => ({ value: f.metaFlowId, label: f.name })),
                    ]}
                  />
                  <p id={id("flow-help")} className="mt-1 text-xs text-muted">
                    {flows.length ? t("flowHelp") : t("noFlows")}
                  </p>
                  <FieldError id={id("flow-error")} message={itemError(`${name}.${i}.flowId`)} />
                </div>
              )}
              {button.type === "COPY_CODE" && (
                <div>
                  <Label htmlFor={id("code")}>{t("code", { number: i + 1 })}</Label>
                  <Input id={id("code")} aria-describedby={id("code-error")} {...register(`${name}.${i}.example`)} />
                  <FieldError id={id("code-error")} message={itemError(`${name}.${i}.example`)} />
                </div>
              )}
            </div>
          </div>
        );
      })}
      <div className="flex flex-wrap gap-2">
        {KINDS.filter((kind) => kinds.includes(kind.type)).map((kind) => {
          const full = buttons.filter((b) => b.type === kind.type).length >= kind.max || buttons.length >= max;
          return (
            <Button
              key={kind.type}
              type="button"
              variant="secondary"
              size="sm"
              disabled={full}
              onClick={() => append(kind.make())}
            >
              {t("add", { kind: t(`kind.${kind.type}`) })}
            </Button>
          );
        })}
      </div>
    </fieldset>
  );
}
