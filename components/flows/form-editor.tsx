"use client";
// The form editor of a flow: its screens, each with its fields and button, edited as a form. Each field shows
// the problems Meta's rules find on it (lib/flows/flow-json.ts, placed by formPlace) as you type.
import { ArrowDown, ArrowUp, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input, Label } from "@/components/ui/input";
import { ChoiceSelect } from "@/components/ui/select";
import {
  CHOICE_KINDS,
  FIELD_KINDS,
  newField,
  newScreenId,
  TEXT_KINDS,
  type FieldKind,
  type FlowForm,
  type FormField,
  type FormScreen,
} from "@/lib/flows/form";

/** Problems by place: "<screen>" for a screen's own, "<screen>:<field>" for a field, "<screen>:button". */
export type PlacedProblems = Map<string, string[]>;

function Problems({ messages }: { messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <ul className="mt-1 space-y-0.5 text-sm text-red-700">
      {messages.map((m) => (
        <li key={m}>{m}</li>
      ))}
    </ul>
  );
}

function Field({
  label,
  children,
  className,
}: {
  label: string;
  children: (id: string) => ReactNode;
  className?: string;
}) {
  const id = useId();
  return (
    <div className={className}>
      <Label htmlFor={id}>{label}</Label>
      {children(id)}
    </div>
  );
}

const move = <T,>(list: T[], from: number, to: number) => {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
};

export function FormEditor({
  form,
  problems,
  readOnly,
  onChange,
}: {
  form: FlowForm;
  problems: PlacedProblems;
  readOnly: boolean;
  onChange: (form: FlowForm) => void;
}) {
  const t = useTranslations("flows.builder");
  const setScreen = (i: number, screen: FormScreen) =>
    onChange({ screens: form.screens.map((s, j) => (j === i ? screen : s)) });
  return (
    <div className="space-y-4">
      {form.screens.map((screen, i) => (
        <ScreenEditor
          key={`${i}-${screen.id}`}
          form={form}
          index={i}
          screen={screen}
          problems={problems}
          readOnly={readOnly}
          onChange={(s) => setScreen(i, s)}
          onRemove={
            form.screens.length > 1 ? () => onChange({ screens: form.screens.filter((_, j) => j !== i) }) : undefined
          }
        />
      ))}
      {!readOnly && (
        <Button
          variant="secondary"
          onClick={() =>
            onChange({
              screens: [
                ...form.screens,
                {
                  id: newScreenId(form),
                  title: t("newScreenTitle"),
                  button: t("newScreenButton"),
                  fields: [newField("text", form, t("newFieldLabel"))],
                },
              ],
            })
          }
        >
          {t("addScreen")}
        </Button>
      )}
    </div>
  );
}

function ScreenEditor({
  form,
  index,
  screen,
  problems,
  readOnly,
  onChange,
  onRemove,
}: {
  form: FlowForm;
  index: number;
  screen: FormScreen;
  problems: PlacedProblems;
  readOnly: boolean;
  onChange: (screen: FormScreen) => void;
  onRemove?: () => void;
}) {
  const t = useTranslations("flows.builder");
  const [adding, setAdding] = useState<FieldKind>("text");
  const setField = (j: number, field: FormField) =>
    onChange({ ...screen, fields: screen.fields.map((f, k) => (k === j ? field : f)) });
  const last = index === form.screens.length - 1;
  return (
    <Card className="p-4" aria-labelledby={`screen-${index}-heading`}>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h3 id={`screen-${index}-heading`} className="font-semibold">
          {t("screen", { number: index + 1 })}
        </h3>
        {onRemove && !readOnly && (
          <Button variant="secondary" size="sm" onClick={onRemove}>
            <Trash2 className="size-4" aria-hidden /> {t("removeScreen")}
          </Button>
        )}
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t("screenTitle")}>
          {(id) => (
            <Input
              id={id}
              value={screen.title}
              disabled={readOnly}
              onChange={(e) => onChange({ ...screen, title: e.target.value })}
            />
          )}
        </Field>
        <Field label={t("screenId")}>
          {(id) => (
            <Input
              id={id}
              value={screen.id}
              disabled={readOnly}
              onChange={(e) => onChange({ ...screen, id: e.target.value.toUpperCase() })}
            />
          )}
        </Field>
      </div>
      <Problems messages={problems.get(String(index))} />
      <ol className="mt-4 space-y-3">
        {screen.fields.map((field, j) => (
          <li key={j} className="rounded-md border border-line p-3">
            <FieldEditor
              field={field}
              readOnly={readOnly}
              onChange={(f) => setField(j, f)}
              problems={problems.get(`${index}:${j}`)}
              actions={
                readOnly ? null : (
                  <div className="flex gap-1">
                    <Button
                      variant="ghost"
                      size="sm"
                      aria-label={t("moveUp")}
                      disabled={j === 0}
                      onClick={() => onChange({ ...screen, fields: move(screen.fields, j, j - 1) })}
                    >
                      <ArrowUp className="size-4" aria-hidden />
                    </Button>
                    <Button
                      variant="ghost"
                      size="sm"
                      aria-label={t("moveDown")}
                      disabled={j === screen.fields.length - 1}
                      onClick={() => onChange({ ...screen, fields: move(screen.fields, j, j + 1) })}
                    >
                      <ArrowDown className="size-4" aria-hidden />
                    </Button>
                    <Button
                      variant="ghost"
                      size="sm"
                      aria-label={t("removeField")}
                      onClick={() => onChange({ ...screen, fields: screen.fields.filter((_, k) => k !== j) })}
                    >
                      <Trash2 className="size-4" aria-hidden />
                    </Button>
                  </div>
                )
              }
            />
          </li>
        ))}
      </ol>
      {!readOnly && (
        <div className="mt-3 flex flex-wrap items-end gap-2">
          <Field label={t("fieldKind")}>
            {(id) => (
              <ChoiceSelect
                id={id}
                value={adding}
                onValueChange={(kind) => setAdding(kind as FieldKind)}
                choices={FIELD_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
              />
            )}
          </Field>
          <Button
            variant="secondary"
            onClick={() =>
              onChange({ ...screen, fields: [...screen.fields, newField(adding, form, t("newFieldLabel"))] })
            }
          >
            {t("addField")}
          </Button>
        </div>
      )}
      <Field label={last ? t("finishButton") : t("nextButton")} className="mt-4 max-w-sm">
        {(id) => (
          <Input
            id={id}
            value={screen.button}
            disabled={readOnly}
            onChange={(e) => onChange({ ...screen, button: e.target.value })}
          />
        )}
      </Field>
      <Problems messages={problems.get(`${index}:button`)} />
    </Card>
  );
}

function FieldEditor({
  field,
  readOnly,
  onChange,
  problems,
  actions,
}: {
  field: FormField;
  readOnly: boolean;
  onChange: (field: FormField) => void;
  problems?: string[];
  actions: ReactNode;
}) {
  const t = useTranslations("flows.builder");
  const isText = TEXT_KINDS.includes(field.kind);
  return (
    <div>
      <div className="mb-2 flex items-center justify-between gap-2">
        <span className="text-sm font-medium">{t(`kinds.${field.kind}`)}</span>
        {actions}
      </div>
      <div className="grid gap-3 sm:grid-cols-[2fr_1fr]">
        <Field label={isText ? t("text") : t("question")}>
          {(id) => (
            <Input
              id={id}
              value={field.label}
              disabled={readOnly}
              onChange={(e) => onChange({ ...field, label: e.target.value })}
            />
          )}
        </Field>
        {!isText && (
          <Field label={t("answerKey")}>
            {(id) => (
              <Input
                id={id}
                value={field.name}
                disabled={readOnly}
                onChange={(e) => onChange({ ...field, name: e.target.value.toLowerCase() })}
              />
            )}
          </Field>
        )}
      </div>
      {!isText && (
        <label className="mt-2 flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="size-4 accent-brand-600"
            checked={field.required}
            disabled={readOnly}
            onChange={(e) => onChange({ ...field, required: e.target.checked })}
          />
          {t("required")}
        </label>
      )}
      {CHOICE_KINDS.includes(field.kind) && (
        <fieldset className="mt-3">
          <legend className="text-sm font-medium">{t("options")}</legend>
          <ul className="mt-1 space-y-1">
            {field.options.map((option, k) => (
              <li key={k} className="flex items-center gap-2">
                <Input
                  aria-label={t("optionTitle", { number: k + 1 })}
                  value={option.title}
                  disabled={readOnly}
                  onChange={(e) =>
                    onChange({
                      ...field,
                      options: field.options.map((o, m) => (m === k ? { ...o, title: e.target.value } : o)),
                    })
                  }
                />
                {!readOnly && (
                  <Button
                    variant="ghost"
                    size="sm"
                    aria-label={t("removeOption", { number: k + 1 })}
                    onClick={() => onChange({ ...field, options: field.options.filter((_, m) => m !== k) })}
                  >
                    <Trash2 className="size-4" aria-hidden />
                  </Button>
                )}
              </li>
            ))}
          </ul>
          {!readOnly && (
            <Button
              variant="ghost"
              size="sm"
              className="mt-1"
              onClick={() => {
                const used = new Set(field.options.map((o) => o.id));
                let n = field.options.length + 1;
                while (used.has(`option_${n}`)) n++;
                onChange({
                  ...field,
                  options: [...field.options, { id: `option_${n}`, title: t("optionDefault", { number: n }) }],
                });
              }}
            >
              {t("addOption")}
            </Button>
          )}
        </fieldset>
      )}
      <Problems messages={problems} />
    </div>
  );
}
