"use client";
// The journey builder: the canvas, the step list beside it (the same steps as buttons, for keyboards and
// screen readers), and the inspector of what is selected (the trigger and rules, or one step). Problems are
// found as you build (lib/journeys/graph.ts, problems) and shown on their step; publishing needs none.
// The draft is saved as a whole; publishing saves it first, then freezes it as the next version.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { lazy, Suspense, useMemo, useState } from "react";
import {
  deleteJourneyAction,
  moveJourneyAction,
  publishJourneyAction,
  saveJourneyAction,
} from "@/app/(dashboard)/journeys/actions";
import { useActionRun } from "@/components/forms/use-action-run";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input, Label } from "@/components/ui/input";
import { ChoiceSelect } from "@/components/ui/select";
import { StatusMessage } from "@/components/ui/status-message";
import type { JourneyStatus } from "@/lib/db/generated/enums";
import { translateMessage } from "@/lib/i18n/message-key";
import type { Graph, Step, StepKind } from "@/lib/journeys/graph";
import {
  exitsOf,
  linkStep,
  newStep,
  newStepId,
  problems as findProblems,
  removeStep,
  STEP_KINDS,
} from "@/lib/journeys/graph-edit";
import { cn } from "@/lib/utils";
import { positionOf, TRIGGER_NODE } from "./canvas-layout";
import { StepInspector, TriggerInspector, type Choices } from "./step-inspector";
import { triggerLabel } from "./trigger-label";

// React Flow is most of the builder's JavaScript: the canvas loads after the page, which meanwhile shows its frame.
const JourneyCanvas = lazy(() => import("./journey-canvas").then((module) => ({ default: module.JourneyCanvas })));

type Props = {
  id: string;
  name: string;
  status: JourneyStatus;
  initial: Graph;
  unpublished: boolean;
  choices: Choices;
  canEdit: boolean;
  waiting: Record<string, number>;
};

export function JourneyBuilder({
  id,
  name: initialName,
  status,
  initial,
  unpublished,
  choices,
  canEdit,
  waiting,
}: Props) {
  const t = useTranslations("journeys.builder");
  const k = useTranslations("journeys.kinds");
  const tAll = useTranslations();
  const router = useRouter();
  const [name, setName] = useState(initialName);
  const [graph, setGraph] = useState<Graph>(initial);
  const [selected, setSelected] = useState<string | null>(TRIGGER_NODE);
  const [adding, setAdding] = useState<StepKind>("send");
  const [dirty, setDirty] = useState(false);
  const { run, pending, outcome, setOutcome } = useActionRun();
  const readOnly = !canEdit || status === "STOPPED";

  const found = useMemo(() => findProblems(graph, choices), [graph, choices]);
  const problemCount = useMemo(() => {
    const counts = new Map<string | null, number>();
    for (const p of found) counts.set(p.stepId, (counts.get(p.stepId) ?? 0) + 1);
    return counts;
  }, [found]);
  const say = (p: (typeof found)[number]) => translateMessage(tAll, p.message);

  const change = (next: Graph) => {
    setGraph(next);
    setDirty(true);
    setOutcome(null);
  };
  const updateStep = (step: Step) => change({ ...graph, steps: graph.steps.map((s) => (s.id === step.id ? step : s)) });
  const step = graph.steps.find((s) => s.id === selected) ?? null;

  const addStep = () => {
    const newId = newStepId(graph, adding);
    const from = step ?? (selected === TRIGGER_NODE ? null : graph.steps.at(-1));
    const below = from ? positionOf(from, graph.steps.indexOf(from)) : { x: 0, y: 0 };
    const created = newStep(adding, newId, { x: below.x, y: below.y + 130 });
    // The new step follows the selected one when that one's first way out leads nowhere yet.
    const free = from ? exitsOf(from).find((e) => e.to === null) : undefined;
    const steps = graph.steps.map((s) => (from && free && s.id === from.id ? linkStep(s, free.way, newId) : s));
    change({ ...graph, steps: [...steps, created], start: graph.start ?? newId });
    setSelected(newId);
  };

  const save = () => saveJourneyAction({ id, name, graph });
  const saveAndPublish = async () => {
    const saved = await save();
    if (!saved.ok) return saved;
    setDirty(false);
    return publishJourneyAction({ id });
  };

  return (
    <div className="space-y-4">
      <Card className="flex flex-wrap items-end gap-3 p-4">
        <div className="min-w-60 flex-1">
          <Label htmlFor="journey-name">{t("name")}</Label>
          <Input
            id="journey-name"
            value={name}
            maxLength={120}
            disabled={readOnly}
            onChange={(e) => {
              setName(e.target.value);
              setDirty(true);
            }}
          />
        </div>
        {canEdit && status !== "STOPPED" && (
          <>
            <Button
              variant="secondary"
              disabled={pending || !dirty}
              onClick={() =>
                run(async () => {
                  const result = await save();
                  if (result.ok) setDirty(false);
                  return result;
                }, t("saved"))
              }
            >
              {t("save")}
            </Button>
            <Button
              disabled={pending || found.length > 0 || (!dirty && !unpublished)}
              onClick={() => run(saveAndPublish, t("published"))}
            >
              {status === "DRAFT" ? t("publish") : t("publishChanges")}
            </Button>
            {status === "LIVE" && (
              <Button
                variant="secondary"
                disabled={pending}
                onClick={() => run(() => moveJourneyAction({ id, move: "pause" }), t("paused"))}
              >
                {t("pause")}
              </Button>
            )}
            {status === "PAUSED" && (
              <Button
                variant="secondary"
                disabled={pending}
                onClick={() => run(() => moveJourneyAction({ id, move: "resume" }), t("resumed"))}
              >
                {t("resume")}
              </Button>
            )}
            {status === "DRAFT" && (
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
                    () => deleteJourneyAction({ id }),
                    null,
                    () => router.push("/journeys"),
                  )
                }
              />
            )}
            {(status === "LIVE" || status === "PAUSED") && (
              <ConfirmDialog
                trigger={
                  <Button variant="danger" disabled={pending}>
                    {t("stop")}
                  </Button>
                }
                title={t("stopTitle")}
                description={t("stopDescription")}
                confirmLabel={t("stopConfirm")}
                onConfirm={() => run(() => moveJourneyAction({ id, move: "stop" }), t("stopped"))}
              />
            )}
          </>
        )}
        <StatusMessage outcome={outcome} className="basis-full" />
        {found.length > 0 && !readOnly && (
          <p className="basis-full text-sm text-amber-800" role="status">
            {t("problemsBeforePublish", { count: found.length })}
          </p>
        )}
      </Card>

      {/* Wide: steps | canvas | inspector. Laptop: canvas | inspector, the steps under the canvas (first in
          the page's order all the same, for keyboards and screen readers). Phone: one column. */}
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,1fr)_20rem] 2xl:grid-cols-[14rem_minmax(0,1fr)_22rem]">
        <Card className="p-3 lg:col-start-1 lg:row-start-2 2xl:row-start-1">
          <h2 className="mb-2 text-sm font-semibold" id="journey-steps">
            {t("steps")}
          </h2>
          <ol aria-labelledby="journey-steps" className="grid gap-1 sm:grid-cols-2 lg:grid-cols-3 2xl:grid-cols-1">
            <li>
              <StepButton
                active={selected === TRIGGER_NODE}
                onClick={() => setSelected(TRIGGER_NODE)}
                title={t("triggerNode")}
                detail={triggerLabel(t, graph.trigger)}
                problems={problemCount.get(null) ?? 0}
              />
            </li>
            {graph.steps.map((s) => (
              <li key={s.id}>
                <StepButton
                  active={selected === s.id}
                  onClick={() => setSelected(s.id)}
                  title={k(s.kind)}
                  detail={s.label || s.id}
                  problems={problemCount.get(s.id) ?? 0}
                  waiting={waiting[s.id] ?? 0}
                />
              </li>
            ))}
          </ol>
          {!readOnly && (
            <div className="mt-3 flex flex-wrap gap-2 border-t border-line pt-3">
              <Label htmlFor="add-step-kind" className="sr-only">
                {t("addKind")}
              </Label>
              <ChoiceSelect
                id="add-step-kind"
                value={adding}
                onValueChange={(kind) => setAdding(kind as StepKind)}
                className="h-8"
                choices={STEP_KINDS.map((kind) => ({ value: kind, label: k(kind) }))}
              />
              <Button size="sm" onClick={addStep}>
                {t("add")}
              </Button>
            </div>
          )}
        </Card>

        <div className="lg:col-start-1 lg:row-start-1 2xl:col-start-2">
          <Suspense fallback={<CanvasFrame />}>
            <JourneyCanvas
              graph={graph}
              selected={selected}
              problemCount={problemCount}
              waiting={waiting}
              readOnly={readOnly}
              onSelect={setSelected}
              onMove={(stepId, position) => {
                // The layout is part of the draft: a moved step is saved with it.
                setGraph((g) => ({ ...g, steps: g.steps.map((s) => (s.id === stepId ? { ...s, position } : s)) }));
                setDirty(true);
              }}
              onConnect={(from, to) => {
                if (from === TRIGGER_NODE) return change({ ...graph, start: to });
                const source = graph.steps.find((s) => s.id === from);
                const free = source && exitsOf(source).find((e) => e.to === null);
                if (source && free) updateStep(linkStep(source, free.way, to));
              }}
            />
          </Suspense>
        </div>

        <Card
          className="p-4 lg:col-start-2 lg:row-span-2 lg:row-start-1 2xl:col-start-3 2xl:row-span-1"
          aria-label={t("inspector")}
        >
          {selected === TRIGGER_NODE || !step ? (
            <TriggerInspector graph={graph} choices={choices} readOnly={readOnly} onChange={change} />
          ) : (
            <StepInspector
              key={step.id}
              graph={graph}
              step={step}
              choices={choices}
              readOnly={readOnly}
              onChange={updateStep}
              onStart={() => change({ ...graph, start: step.id })}
              onRemove={() => {
                change(removeStep(graph, step.id));
                setSelected(TRIGGER_NODE);
              }}
            />
          )}
          {(problemCount.get(selected === TRIGGER_NODE ? null : selected) ?? 0) > 0 && (
            <ul className="mt-4 space-y-1 rounded-md bg-red-50 p-3 text-sm text-red-800" aria-label={t("problems")}>
              {found
                .filter((p) => p.stepId === (selected === TRIGGER_NODE ? null : selected))
                .map((p, i) => (
                  <li key={i}>{say(p)}</li>
                ))}
            </ul>
          )}
        </Card>
      </div>
    </div>
  );
}

function StepButton({
  active,
  onClick,
  title,
  detail,
  problems,
  waiting = 0,
}: {
  active: boolean;
  onClick: () => void;
  title: string;
  detail: string;
  problems: number;
  waiting?: number;
}) {
  const t = useTranslations("journeys.builder");
  return (
    <button
      type="button"
      aria-pressed={active}
      onClick={onClick}
      className={cn(
        "w-full rounded-md border px-2 py-1.5 text-left text-sm hover:bg-gray-50",
        active ? "border-brand-600 bg-brand-50" : "border-transparent",
      )}
    >
      <span className="block font-medium">{title}</span>
      <span className="block truncate text-xs text-muted">{detail}</span>
      {problems > 0 && (
        <span className="block text-xs font-medium text-red-700">{t("problemCount", { count: problems })}</span>
      )}
      {waiting > 0 && <span className="block text-xs text-brand-800">{t("waitingCount", { count: waiting })}</span>}
    </button>
  );
}

/** The canvas's frame while React Flow downloads: the same size, so nothing moves when it arrives. */
function CanvasFrame() {
  return <div className="h-[28rem] rounded-lg border border-line bg-white lg:h-[36rem]" aria-busy="true" />;
}
