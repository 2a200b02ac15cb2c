"use client";
import { lazyZodResolver } from "@/components/forms/lazy-zod-resolver";
import { Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useFieldArray, useForm, useWatch } from "react-hook-form";
import { sendReplyAction } from "@/app/(dashboard)/inbox/actions";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label } from "@/components/ui/input";
import { FormSelect } from "@/components/ui/form-select";
import { ChoiceSelect } from "@/components/ui/select";
import { StatusMessage, type Outcome } from "@/components/ui/status-message";
import type { InboxChoices } from "@/lib/inbox/queries";
import { useFormat } from "@/lib/i18n/format";
import type { MediaKind } from "@/lib/media/rules";
import type { ReplyFormValues, ReplyInput } from "@/lib/inbox/schemas";
import { fillSavedReply } from "@/lib/inbox/window";

/** The form's schema, and zod with it, download when it first validates (components/forms/lazy-zod-resolver). */
const replyResolver = lazyZodResolver(() => import("@/lib/inbox/schemas").then((m) => m.replySchema));

const KINDS = ["text", "buttons", "list", "media", "flow", "template"] as const;

const EMPTY: Record<ReplyInput["kind"], ReplyFormValues> = {
  text: { kind: "text", body: "" },
  buttons: { kind: "buttons", body: "", buttons: [{ title: "" }, { title: "" }] },
  list: { kind: "list", body: "", button: "", rows: [{ title: "", description: "" }] },
  media: { kind: "media", mediaId: "", caption: "" },
  flow: { kind: "flow", flowId: "", body: "", cta: "" },
  template: { kind: "template", templateId: "", values: [] },
};

function Counter({ value, max }: { value: string | undefined; max: number }) {
  const format = useFormat();
  const n = value?.length ?? 0;
  return (
    <span className={n > max ? "text-red-700" : "text-muted"}>
      {format.number(n)} / {format.number(max)}
    </span>
  );
}

/** Replies: free text, media, reply buttons and lists inside the 24-hour window; templates only outside it. */
export function Composer({
  conversationId,
  windowOpen,
  replyTo,
  contact,
  choices,
  onSent,
}: {
  conversationId: string;
  windowOpen: boolean;
  replyTo?: string;
  contact: { name: string | null; phone: string | null };
  choices: InboxChoices;
  onSent: () => void;
}) {
  const t = useTranslations("inbox.composer");
  const [outcome, setOutcome] = useState<Outcome>(null);
  // A new list's menu button starts with the word for "Options" in the agent's language.
  const empty = (kind: ReplyInput["kind"]): ReplyFormValues =>
    kind === "list"
      ? { kind: "list", body: "", button: t("listDefaultButton"), rows: [{ title: "", description: "" }] }
      : kind === "flow"
        ? { kind: "flow", flowId: "", body: "", cta: t("flow.ctaDefault") }
        : EMPTY[kind];
  const form = useForm<ReplyFormValues, unknown, ReplyInput>({
    resolver: replyResolver,
    mode: "onChange",
    defaultValues: windowOpen ? EMPTY.text : EMPTY.template,
  });
  const kind = useWatch({ control: form.control, name: "kind" });
  const values = useWatch({ control: form.control }) as Record<string, unknown> & {
    body?: string;
    templateId?: string;
  };
  const buttons = useFieldArray({ control: form.control, name: "buttons" as never });
  const rows = useFieldArray({ control: form.control, name: "rows" as never });
  const errors = form.formState.errors as Record<
    string,
    { message?: string; root?: { message?: string } } & Record<number, Record<string, { message?: string }>>
  >;
  // Validation waits for the person: a field's error shows once they typed in it or left it, or tried to send
  // (a button just added is empty, not wrong).
  const shown = (name: string, message?: string) => {
    const state = form.getFieldState(name as never, form.formState);
    return form.formState.isSubmitted || state.isDirty || state.isTouched ? message : undefined;
  };
  const template = choices.templates.find((t) => t.id === values.templateId);
  const allowed = windowOpen ? KINDS : KINDS.filter((k) => k === "template");

  const onSubmit = form.handleSubmit(async (reply) => {
    const result = await sendReplyAction({ conversationId, replyTo, reply });
    if (!result.ok) return setOutcome({ ok: false, text: result.error.message });
    setOutcome(
      result.data.state === "FAILED"
        ? { ok: false, text: t("refused", { reason: result.data.errorReason ?? "" }) }
        : { ok: true, text: t("sent") },
    );
    form.reset(empty(reply.kind));
    onSent();
  });

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="space-y-3 border-t border-line bg-white p-4"
      aria-label={t("label")}
    >
      {!windowOpen && (
        <p className="rounded-md bg-amber-50 p-2 text-sm text-amber-900" role="note">
          {t("windowClosed")}
        </p>
      )}
      <div role="radiogroup" aria-label={t("kind")} className="flex flex-wrap gap-1">
        {allowed.map((value) => (
          <label
            key={value}
            className={`cursor-pointer rounded-md border px-2.5 py-1 text-sm ${kind === value ? "border-brand-600 bg-brand-50 text-brand-900" : "border-line"}`}
          >
            <input
              type="radio"
              className="sr-only"
              name="reply-kind"
              checked={kind === value}
              onChange={() => form.reset(empty(value))}
            />
            {t(`kinds.${value}`)}
          </label>
        ))}
      </div>

      {kind === "flow" && (
        <div className="grid gap-2 sm:grid-cols-2">
          <div>
            <Label htmlFor="reply-flow">{t("kinds.flow")}</Label>
            <FormSelect
              id="reply-flow"
              aria-describedby="reply-flow-error"
              control={form.control}
              name={"flowId" as never}
              placeholder={t("flow.pick")}
              choices={choices.flows.map((f) => ({ value: f.id, label: f.name }))}
            />
            <FieldError
              id="reply-flow-error"
              message={choices.flows.length ? shown("flowId", errors.flowId?.message) : t("flow.none")}
            />
          </div>
          <div>
            <Label htmlFor="reply-flow-cta">{t("flow.cta")}</Label>
            <Input id="reply-flow-cta" aria-describedby="reply-flow-cta-error" {...form.register("cta" as never)} />
            <FieldError id="reply-flow-cta-error" message={shown("cta", errors.cta?.message)} />
          </div>
        </div>
      )}

      {(kind === "text" || kind === "buttons" || kind === "list" || kind === "flow") && (
        <div>
          <div className="flex items-end justify-between">
            <Label htmlFor="reply-body">{t("message")}</Label>
            <span className="text-xs">
              <Counter value={values.body} max={kind === "buttons" || kind === "flow" ? 1024 : 4096} />
            </span>
          </div>
          <textarea
            id="reply-body"
            rows={3}
            className="w-full rounded-md border border-line p-2 text-sm disabled:cursor-not-allowed disabled:bg-gray-100 disabled:text-gray-700"
            aria-describedby="reply-body-error"
            placeholder={t("messagePlaceholder")}
            {...form.register("body" as never)}
          />
          <FieldError id="reply-body-error" message={shown("body", errors.body?.message)} />
          {choices.savedReplies.length > 0 && (
            <div className="mt-1 max-w-xs">
              <Label htmlFor="saved-reply" className="sr-only">
                {t("insertSaved")}
              </Label>
              {/* Picking one fills the message; the select itself goes back to its prompt. */}
              <ChoiceSelect
                id="saved-reply"
                value=""
                onValueChange={(id) => {
                  const saved = choices.savedReplies.find((s) => s.id === id);
                  if (saved)
                    form.setValue("body" as never, fillSavedReply(saved.body, contact) as never, {
                      shouldValidate: true,
                    });
                }}
                placeholder={t("insertSavedOption")}
                choices={choices.savedReplies.map((s) => ({ value: s.id, label: s.name }))}
              />
            </div>
          )}
        </div>
      )}

      {kind === "buttons" && (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">{t("buttons.legend")}</legend>
          {buttons.fields.map((field, i) => (
            <div key={field.id} className="flex items-center gap-2">
              <Label htmlFor={`button-${i}`} className="sr-only">
                {t("buttons.button", { n: i + 1 })}
              </Label>
              <Input
                id={`button-${i}`}
                placeholder={t("buttons.button", { n: i + 1 })}
                aria-describedby={`button-${i}-error`}
                {...form.register(`buttons.${i}.title` as never)}
              />
              <Button
                type="button"
                variant="ghost"
                size="sm"
                aria-label={t("buttons.remove", { n: i + 1 })}
                onClick={() => buttons.remove(i)}
              >
                <Trash2 className="size-4" aria-hidden />
              </Button>
              <FieldError
                id={`button-${i}-error`}
                message={shown(`buttons.${i}.title`, errors.buttons?.[i]?.title?.message)}
              />
            </div>
          ))}
          <FieldError
            id="buttons-error"
            message={shown("buttons", errors.buttons?.message ?? errors.buttons?.root?.message)}
          />
          {buttons.fields.length < 3 && (
            <Button type="button" variant="secondary" size="sm" onClick={() => buttons.append({ title: "" } as never)}>
              <Plus className="size-4" aria-hidden /> {t("buttons.add")}
            </Button>
          )}
        </fieldset>
      )}

      {kind === "list" && (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">{t("list.legend")}</legend>
          <div className="max-w-xs">
            <Label htmlFor="list-button">{t("list.button")}</Label>
            <Input id="list-button" aria-describedby="list-button-error" {...form.register("button" as never)} />
            <FieldError id="list-button-error" message={shown("button", errors.button?.message)} />
          </div>
          {rows.fields.map((field, i) => (
            <div key={field.id} className="grid grid-cols-[1fr_1fr_auto] items-start gap-2">
              <div>
                <Label htmlFor={`row-${i}`} className="sr-only">
                  {t("list.option", { n: i + 1 })}
                </Label>
                <Input
                  id={`row-${i}`}
                  placeholder={t("list.optionPlaceholder", { n: i + 1 })}
                  aria-describedby={`row-${i}-error`}
                  {...form.register(`rows.${i}.title` as never)}
                />
                <FieldError
                  id={`row-${i}-error`}
                  message={shown(`rows.${i}.title`, errors.rows?.[i]?.title?.message)}
                />
              </div>
              <div>
                <Label htmlFor={`row-${i}-description`} className="sr-only">
                  {t("list.description", { n: i + 1 })}
                </Label>
                <Input
                  id={`row-${i}-description`}
                  placeholder={t("list.descriptionPlaceholder")}
                  {...form.register(`rows.${i}.description` as never)}
                />
              </div>
              <Button
                type="button"
                variant="ghost"
                size="sm"
                aria-label={t("list.remove", { n: i + 1 })}
                onClick={() => rows.remove(i)}
              >
                <Trash2 className="size-4" aria-hidden />
              </Button>
            </div>
          ))}
          <FieldError id="rows-error" message={shown("rows", errors.rows?.message ?? errors.rows?.root?.message)} />
          {rows.fields.length < 10 && (
            <Button
              type="button"
              variant="secondary"
              size="sm"
              onClick={() => rows.append({ title: "", description: "" } as never)}
            >
              <Plus className="size-4" aria-hidden /> {t("list.add")}
            </Button>
          )}
        </fieldset>
      )}

      {kind === "media" && (
        <div className="grid gap-2 sm:grid-cols-2">
          <div>
            <Label htmlFor="reply-media">{t("media.file")}</Label>
            <FormSelect
              id="reply-media"
              aria-describedby="reply-media-error"
              control={form.control}
              name={"mediaId" as never}
              placeholder={t("media.pick")}
              choices={choices.media.map((m) => ({
                value: m.id,
                label: t("media.option", { file: m.fileName, kind: t(`media.kind.${m.kind as MediaKind}`) }),
              }))}
            />
            <FieldError id="reply-media-error" message={shown("mediaId", errors.mediaId?.message)} />
          </div>
          <div>
            <Label htmlFor="reply-caption">{t("media.caption")}</Label>
            <Input id="reply-caption" {...form.register("caption" as never)} />
          </div>
        </div>
      )}

      {kind === "template" && (
        <div className="space-y-2">
          <div className="max-w-md">
            <Label htmlFor="reply-template">{t("template.label")}</Label>
            <FormSelect
              id="reply-template"
              aria-describedby="reply-template-error"
              control={form.control}
              name={"templateId" as never}
              placeholder={t("template.pick")}
              choices={choices.templates.filter((t) => !t.hasMediaHeader).map((t) => ({ value: t.id, label: t.label }))}
            />
            <FieldError id="reply-template-error" message={shown("templateId", errors.templateId?.message)} />
          </div>
          {template?.slots.map((label, i) => (
            <div key={`${template.id}-${i}`} className="max-w-md">
              <Label htmlFor={`template-value-${i}`}>{label}</Label>
              <Input
                id={`template-value-${i}`}
                aria-describedby={`template-value-${i}-error`}
                {...form.register(`values.${i}` as never)}
              />
              <FieldError
                id={`template-value-${i}-error`}
                message={shown(`values.${i}`, errors.values?.[i]?.message as string | undefined)}
              />
            </div>
          ))}
        </div>
      )}

      <div className="flex items-center gap-3">
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? t("sending") : t("send")}
        </Button>
        <StatusMessage outcome={outcome} />
      </div>
    </form>
  );
}
