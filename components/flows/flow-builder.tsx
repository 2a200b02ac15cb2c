"use client";
// The flow builder: name and category, the screens as a form (or the Flow JSON itself, for experts), what the
// answers do (attributes, consent), and a phone preview. Meta's rules are checked as you type
// (lib/flows/flow-json.ts) and shown on the field they are about; publishing needs none, and Meta's own
// validation errors from the last upload are shown the same way.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import {
  deleteFlowAction,
  deprecateFlowAction,
  duplicateFlowAction,
  publishFlowAction,
  saveFlowAction,
} from "@/app/(dashboard)/flows/actions";
import { useActionRun } from "@/components/forms/use-action-run";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input, Label } from "@/components/ui/input";
import { ChoiceSelect } from "@/components/ui/select";
import { StatusMessage } from "@/components/ui/status-message";
import type { FlowStatus } from "@/lib/db/generated/enums";
import { FLOW_CATEGORIES, flowProblems, questionsOf, type FlowCategory, type FlowProblem } from "@/lib/flows/flow-json";
import { flowJsonOf, formOf, formPlace } from "@/lib/flows/form";
import { translateMessage } from "@/lib/i18n/message-key";
import { cn } from "@/lib/utils";
import { FlowPreview } from "./flow-preview";
import { FlowStatusBadge } from "./flow-status";
import { FormEditor, type PlacedProblems } from "./form-editor";

export type FlowBuilderProps = {
  id: string;
  status: FlowStatus;
  canEdit: boolean;
  initial: {
    name: string;
    category: FlowCategory;
    json: unknown;
    attributeMap: Record<string, string>;
    consentListId: string | null;
    optInField: string | null;
  };
  metaErrors: FlowProblem[];
  lists: { id: string; name: string }[];
};

const pretty = (json: unknown) => JSON.stringify(json, null, 2);

export function FlowBuilder({ id, status, canEdit, initial, metaErrors, lists }: FlowBuilderProps) {
  const t = useTranslations("flows.builder");
  const tCategory = useTranslations("flows.categories");
  const tAll = useTranslations();
  const router = useRouter();
  const [settings, setSettings] = useState(initial);
  const [tab, setTab] = useState<"form" | "json">(formOf(initial.json) ? "form" : "json");
  const [text, setText] = useState(pretty(initial.json));
  const [parseError, setParseError] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const { run, pending, outcome, setOutcome } = useActionRun();
  const readOnly = !canEdit || status !== "DRAFT";

  const form = useMemo(() => formOf(settings.json), [settings.json]);
  const found = useMemo(() => flowProblems(settings.json), [settings.json]);
  const questions = useMemo(() => questionsOf(settings.json), [settings.json]);
  const say = (message: string) => translateMessage(tAll, message);
  const all = [...found.map((p) => ({ ...p, message: say(p.message) })), ...(dirty ? [] : metaErrors)];
  const placed: PlacedProblems = new Map();
  for (const p of all) {
    const place = formPlace(p.path);
    if (!place) continue;
    const fields = form?.screens[place.screen]?.fields.length ?? 0;
    const key =
      place.field === null
        ? String(place.screen)
        : place.field === fields
          ? `${place.screen}:button`
          : `${place.screen}:${place.field}`;
    placed.set(key, [...(placed.get(key) ?? []), p.message]);
  }
  const unplaced = all.filter((p) => !formPlace(p.path));

  const change = (next: Partial<typeof settings>) => {
    setSettings((s) => ({ ...s, ...next }));
    setDirty(true);
    setOutcome(null);
  };
  const setJson = (json: unknown) => {
    change({ json });
    setText(pretty(json));
  };
  const save = async () => {
    const result = await saveFlowAction({ id, ...settings });
    if (result.ok) setDirty(false);
    return result;
  };

  return (
    <div className="space-y-4">
      <Card className="flex flex-wrap items-end gap-3 p-4">
        <div className="min-w-60 flex-1">
          <Label htmlFor="flow-name">{t("name")}</Label>
          <Input
            id="flow-name"
            value={settings.name}
            maxLength={120}
            disabled={readOnly}
            onChange={(e) => change({ name: e.target.value })}
          />
        </div>
        <div>
          <Label htmlFor="flow-category">{t("category")}</Label>
          <ChoiceSelect
            id="flow-category"
            className="min-w-48"
            value={settings.category}
            disabled={readOnly}
            onValueChange={(category) => change({ category: category as FlowCategory })}
            choices={FLOW_CATEGORIES.map((c) => ({ value: c, label: tCategory(c) }))}
          />
        </div>
        <FlowStatusBadge status={status} />
        {canEdit && status === "DRAFT" && (
          <>
            <Button variant="secondary" disabled={pending || !dirty} onClick={() => run(save, t("saved"))}>
              {t("save")}
            </Button>
            <Button
              disabled={pending || found.length > 0 || parseError !== null}
              onClick={() =>
                run(async () => {
                  const saved = await save();
                  return saved.ok ? publishFlowAction({ id }) : saved;
                }, t("published"))
              }
            >
              {t("publish")}
            </Button>
            <ConfirmDialog
              trigger={
                <Button variant="secondary" disabled={pending}>
                  {t("delete")}
                </Button>
              }
              title={t("deleteTitle")}
              description={t("deleteDescription")}
              confirmLabel={t("deleteConfirm")}
              onConfirm={() =>
                run(
                  () => deleteFlowAction({ id }),
                  null,
                  () => router.push("/flows"),
                )
              }
            />
          </>
        )}
        {canEdit && status !== "DRAFT" && (
          <Button
            variant="secondary"
            disabled={pending}
            onClick={() =>
              run(
                () => duplicateFlowAction({ id }),
                t("duplicated"),
                (data) => router.push(`/flows/${data.id}`),
              )
            }
          >
            {t("duplicate")}
          </Button>
        )}
        {canEdit && status === "PUBLISHED" && (
          <ConfirmDialog
            trigger={
              <Button variant="danger" disabled={pending}>
                {t("retire")}
              </Button>
            }
            title={t("retireTitle")}
            description={t("retireDescription")}
            confirmLabel={t("retireConfirm")}
            onConfirm={() => run(() => deprecateFlowAction({ id }), t("retired"))}
          />
        )}
        {status !== "DRAFT" && (
          <Link href={`/flows/${id}/results`} className="text-sm font-medium text-brand-700 hover:underline">
            {t("results")}
          </Link>
        )}
        <StatusMessage outcome={outcome} />
      </Card>
      {status !== "DRAFT" && <p className="text-sm text-muted">{t("publishedNote")}</p>}
      {all.length > 0 && (
        <p role="status" className="text-sm text-red-700">
          {t("problemCount", { count: all.length })}
        </p>
      )}

      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="space-y-4">
          <div role="tablist" aria-label={t("editAs")} className="flex gap-1 border-b border-line">
            {(["form", "json"] as const).map((name) => (
              <button
                key={name}
                role="tab"
                type="button"
                aria-selected={tab === name}
                aria-controls={`flow-tab-${name}`}
                id={`flow-tab-button-${name}`}
                disabled={name === "form" && (!form || parseError !== null)}
                className={cn(
                  "-mb-px border-b-2 px-3 py-2 text-sm font-medium disabled:opacity-50",
                  tab === name ? "border-brand-600 text-brand-700" : "border-transparent text-muted",
                )}
                onClick={() => setTab(name)}
              >
                {t(`tabs.${name}`)}
              </button>
            ))}
          </div>
          {!form && <p className="text-sm text-muted">{t("jsonOnly")}</p>}
          <div role="tabpanel" id={`flow-tab-${tab}`} aria-labelledby={`flow-tab-button-${tab}`}>
            {tab === "form" && form ? (
              <FormEditor
                form={form}
                problems={placed}
                readOnly={readOnly}
                onChange={(next) => setJson(flowJsonOf(next))}
              />
            ) : (
              <div>
                <Label htmlFor="flow-json">{t("json")}</Label>
                <textarea
                  id="flow-json"
                  spellCheck={false}
                  readOnly={readOnly}
                  aria-describedby="flow-json-help"
                  className="h-[32rem] w-full rounded-md border border-line p-3 font-mono text-xs"
                  value={text}
                  onChange={(e) => {
                    setText(e.target.value);
                    try {
                      change({ json: JSON.parse(e.target.value) });
                      setParseError(null);
                    } catch (error) {
                      setParseError(error instanceof Error ? error.message : String(error));
                      setDirty(true);
                    }
                  }}
                />
                <p id="flow-json-help" className="text-sm text-muted">
                  {t("jsonHelp")}
                </p>
                {parseError && (
                  <p className="text-sm text-red-700">
                    {say(`flows.errors.invalidJson|${JSON.stringify({ detail: parseError })}`)}
                  </p>
                )}
              </div>
            )}
          </div>
          {unplaced.length > 0 && (
            <Card className="p-4">
              <h3 className="mb-2 text-sm font-semibold">{t("otherProblems")}</h3>
              <ul className="space-y-1 text-sm text-red-700">
                {unplaced.map((p, i) => (
                  <li key={i}>
                    <code className="text-xs">{p.path.join(".") || "/"}</code> {p.message}
                  </li>
                ))}
              </ul>
            </Card>
          )}
          <AnswersSettings
            settings={settings}
            questions={questions}
            lists={lists}
            readOnly={readOnly}
            onChange={change}
          />
        </div>
        <div className="lg:sticky lg:top-4 lg:self-start">
          <h2 className="mb-2 text-sm font-semibold">{t("preview")}</h2>
          <FlowPreview json={settings.json} />
        </div>
      </div>
    </div>
  );
}

function AnswersSettings({
  settings,
  questions,
  lists,
  readOnly,
  onChange,
}: {
  settings: FlowBuilderProps["initial"];
  questions: ReturnType<typeof questionsOf>;
  lists: { id: string; name: string }[];
  readOnly: boolean;
  onChange: (next: Partial<FlowBuilderProps["initial"]>) => void;
}) {
  const t = useTranslations("flows.builder");
  const optIns = questions.filter((q) => q.type === "OptIn");
  return (
    <Card className="space-y-4 p-4">
      <div>
        <h2 className="font-semibold">{t("answersTitle")}</h2>
        <p className="text-sm text-muted">{t("answersDescription")}</p>
      </div>
      {questions.length > 0 && (
        <table className="w-full text-sm">
          <caption className="sr-only">{t("attributesCaption")}</caption>
          <thead>
            <tr className="text-left text-muted">
              <th className="py-1 font-medium">{t("question")}</th>
              <th className="py-1 font-medium">{t("attribute")}</th>
            </tr>
          </thead>
          <tbody>
            {questions.map((q) => (
              <tr key={q.name}>
                <td className="py-1 pr-2">
                  <label htmlFor={`attr-${q.name}`}>{q.label}</label>
                </td>
                <td className="py-1">
                  <Input
                    id={`attr-${q.name}`}
                    placeholder={t("attributeNone")}
                    value={settings.attributeMap[q.name] ?? ""}
                    disabled={readOnly}
                    onChange={(e) => {
                      const { [q.name]: _, ...rest } = settings.attributeMap;
                      onChange({ attributeMap: e.target.value ? { ...rest, [q.name]: e.target.value } : rest });
                    }}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <Label htmlFor="flow-consent-list">{t("consentList")}</Label>
          <ChoiceSelect
            id="flow-consent-list"
            value={settings.consentListId ?? ""}
            disabled={readOnly}
            onValueChange={(listId) =>
              onChange({
                consentListId: listId || null,
                optInField: listId ? (settings.optInField ?? optIns[0]?.name ?? null) : null,
              })
            }
            choices={[{ value: "", label: t("noConsent") }, ...lists.map((l) => ({ value: l.id, label: l.name }))]}
          />
        </div>
        {settings.consentListId && (
          <div>
            <Label htmlFor="flow-optin-field">{t("optInField")}</Label>
            <ChoiceSelect
              id="flow-optin-field"
              value={settings.optInField ?? ""}
              disabled={readOnly}
              onValueChange={(name) => onChange({ optInField: name || null })}
              placeholder={t("pickOptIn")}
              choices={optIns.map((q) => ({ value: q.name, label: q.label }))}
            />
          </div>
        )}
      </div>
      {settings.consentListId && <p className="text-sm text-muted">{t("consentNote")}</p>}
    </Card>
  );
}
