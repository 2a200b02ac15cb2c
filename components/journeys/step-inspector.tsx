"use client";
// The inspector: what starts the journey and its rules (trigger, entry, goal), or the selected step's fields
// and where each of its ways out leads. Every control has a label; changes go to the builder's draft at once.
import { useTranslations } from "next-intl";
import { useId, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { ChoiceSelect } from "@/components/ui/select";
import { CONTACT_FIELDS } from "@/lib/campaigns/contact-fields";
import type { TemplateCategory } from "@/lib/db/generated/enums";
import { KEYWORD_MAX } from "@/lib/events/trigger-keys";
import type { Graph, JourneyVariable, Step } from "@/lib/journeys/graph";
import { BRANCH_SIGNALS, exitsOf, linkStep, VARIABLE_SOURCES } from "@/lib/journeys/graph-edit";
import { wayLabel } from "./canvas-layout";

export type Choices = {
  templates: { name: string; category: string; languages: string[]; slots: string[]; mediaHeader: boolean }[];
  lists: { id: string; name: string; category: string }[];
  flows: { id: string; name: string }[];
  /** Campaigns with quick-reply buttons (lib/journeys/service.ts, campaignButtonChoices). */
  campaigns: { id: string; name: string; buttons: string[] }[];
  segments: { id: string; name: string }[];
};

const TRIGGER_KINDS = ["event", "optIn", "segment", "flow", "keyword", "button", "date"] as const;

/** A trigger of another kind, filled with the first choice the workspace has. */
function newTrigger(kind: Graph["trigger"]["kind"], choices: Choices): Graph["trigger"] {
  switch (kind) {
    case "event":
      return { kind, event: "order.shipped" };
    case "optIn":
      return { kind, consentListId: choices.lists[0]?.id ?? "" };
    case "flow":
      return { kind, flowId: choices.flows[0]?.id ?? "" };
    case "keyword":
      return { kind, keyword: "" };
    case "button": {
      const campaign = choices.campaigns[0];
      return { kind, campaignId: campaign?.id ?? "", button: campaign?.buttons[0] ?? "" };
    }
    case "date":
      return { kind, attribute: "appointment_at", offsetHours: -24 };
    case "segment":
      return { kind, segmentId: choices.segments[0]?.id ?? "" };
  }
}

const HOUR = 3600;

function Field({ label, children, hint }: { label: string; children: (id: string) => ReactNode; hint?: string }) {
  const id = useId();
  return (
    <div>
      <Label htmlFor={id}>{label}</Label>
      {children(id)}
      {hint && <p className="mt-1 text-xs text-muted">{hint}</p>}
    </div>
  );
}

/** A duration edited in hours (a quarter of an hour at the finest), stored in seconds. */
function Hours({
  label,
  seconds,
  onChange,
  disabled,
}: {
  label: string;
  seconds: number;
  onChange: (s: number) => void;
  disabled: boolean;
}) {
  return (
    <Field label={label}>
      {(id) => (
        <Input
          id={id}
          type="number"
          min={0.25}
          step={0.25}
          value={seconds / HOUR}
          disabled={disabled}
          onChange={(e) => onChange(Math.max(60, Math.round(Number(e.target.value) * HOUR)))}
        />
      )}
    </Field>
  );
}

export function TriggerInspector({
  graph,
  choices,
  readOnly,
  onChange,
}: {
  graph: Graph;
  choices: Choices;
  readOnly: boolean;
  onChange: (g: Graph) => void;
}) {
  const t = useTranslations("journeys.inspector");
  const { trigger, entry, goal } = graph;
  return (
    <fieldset disabled={readOnly} className="space-y-4">
      <legend className="text-base font-semibold">{t("triggerTitle")}</legend>
      <Field label={t("triggerKind")}>
        {(id) => (
          <ChoiceSelect
            id={id}
            value={trigger.kind}
            onValueChange={(kind) =>
              onChange({ ...graph, trigger: newTrigger(kind as Graph["trigger"]["kind"], choices) })
            }
            choices={TRIGGER_KINDS.map((kind) => ({ value: kind, label: t(`triggerKinds.${kind}`) }))}
          />
        )}
      </Field>
      {trigger.kind === "event" ? (
        <Field label={t("eventName")} hint={t("eventHint")}>
          {(id) => (
            <Input
              id={id}
              value={trigger.event}
              onChange={(e) => onChange({ ...graph, trigger: { kind: "event", event: e.target.value } })}
            />
          )}
        </Field>
      ) : trigger.kind === "flow" ? (
        <PickField
          label={t("flow")}
          hint={t("flowHint")}
          placeholder={t("pickFlow")}
          value={trigger.flowId}
          options={choices.flows}
          onChange={(flowId) => onChange({ ...graph, trigger: { kind: "flow", flowId } })}
        />
      ) : trigger.kind === "keyword" ? (
        <Field label={t("keyword")} hint={t("keywordHint")}>
          {(id) => (
            <Input
              id={id}
              value={trigger.keyword}
              maxLength={KEYWORD_MAX}
              onChange={(e) => onChange({ ...graph, trigger: { kind: "keyword", keyword: e.target.value } })}
            />
          )}
        </Field>
      ) : trigger.kind === "segment" ? (
        <PickField
          label={t("segment")}
          hint={t("segmentHint")}
          placeholder={t("pickSegment")}
          value={trigger.segmentId}
          options={choices.segments}
          onChange={(segmentId) => onChange({ ...graph, trigger: { kind: "segment", segmentId } })}
        />
      ) : trigger.kind === "date" ? (
        <>
          <Field label={t("dateAttribute")} hint={t("dateAttributeHint")}>
            {(id) => (
              <Input
                id={id}
                value={trigger.attribute}
                maxLength={64}
                onChange={(e) => onChange({ ...graph, trigger: { ...trigger, attribute: e.target.value } })}
              />
            )}
          </Field>
          <Field label={t("dateOffset")} hint={t("dateOffsetHint")}>
            {(id) => (
              <Input
                id={id}
                type="number"
                min={-24 * 90}
                max={24 * 90}
                step={1}
                value={trigger.offsetHours}
                onChange={(e) =>
                  onChange({ ...graph, trigger: { ...trigger, offsetHours: Math.round(Number(e.target.value)) || 0 } })
                }
              />
            )}
          </Field>
        </>
      ) : trigger.kind === "button" ? (
        <ButtonTriggerFields
          trigger={trigger}
          choices={choices}
          onChange={(next) => onChange({ ...graph, trigger: next })}
        />
      ) : (
        <PickField
          label={t("list")}
          placeholder={t("pickList")}
          value={trigger.consentListId}
          options={choices.lists}
          onChange={(consentListId) => onChange({ ...graph, trigger: { kind: "optIn", consentListId } })}
        />
      )}
      <Field label={t("entry")}>
        {(id) => (
          <ChoiceSelect
            id={id}
            value={entry.rule}
            onValueChange={(rule) => onChange({ ...graph, entry: { ...entry, rule: rule as typeof entry.rule } })}
            choices={[
              { value: "once", label: t("entryOnce") },
              { value: "again", label: t("entryAgain") },
              { value: "always", label: t("entryAlways") },
            ]}
          />
        )}
      </Field>
      {entry.rule === "again" && (
        <Field label={t("entryDays")}>
          {(id) => (
            <Input
              id={id}
              type="number"
              min={1}
              max={365}
              value={entry.days}
              onChange={(e) =>
                onChange({ ...graph, entry: { ...entry, days: Math.max(1, Math.round(Number(e.target.value))) } })
              }
            />
          )}
        </Field>
      )}
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          className="size-4 accent-brand-600"
          checked={goal !== null}
          onChange={(e) =>
            onChange({ ...graph, goal: e.target.checked ? { event: "order.placed", seconds: 72 * HOUR } : null })
          }
        />
        {t("hasGoal")}
      </label>
      {goal && (
        <>
          <Field label={t("goalEvent")} hint={t("goalHint")}>
            {(id) => (
              <Input
                id={id}
                value={goal.event}
                onChange={(e) => onChange({ ...graph, goal: { ...goal, event: e.target.value } })}
              />
            )}
          </Field>
          <Hours
            label={t("goalWithin")}
            seconds={goal.seconds}
            disabled={readOnly}
            onChange={(seconds) => onChange({ ...graph, goal: { ...goal, seconds } })}
          />
        </>
      )}
    </fieldset>
  );
}

export function StepInspector({
  graph,
  step,
  choices,
  readOnly,
  onChange,
  onStart,
  onRemove,
}: {
  graph: Graph;
  step: Step;
  choices: Choices;
  readOnly: boolean;
  onChange: (s: Step) => void;
  onStart: () => void;
  onRemove: () => void;
}) {
  const t = useTranslations("journeys.inspector");
  const b = useTranslations("journeys.builder");
  const k = useTranslations("journeys.kinds");
  const others = graph.steps.filter((s) => s.id !== step.id);
  return (
    <fieldset disabled={readOnly} className="space-y-4">
      <legend className="text-base font-semibold">
        {k(step.kind)} <span className="font-normal text-muted">({step.id})</span>
      </legend>
      <Field label={t("label")}>
        {(id) => (
          <Input
            id={id}
            value={step.label}
            maxLength={80}
            onChange={(e) => onChange({ ...step, label: e.target.value })}
          />
        )}
      </Field>
      <KindFields step={step} choices={choices} readOnly={readOnly} onChange={onChange} />
      {exitsOf(step).map((e) => (
        <Field key={e.way} label={t("goesTo", { way: wayLabel(b, e.way) })}>
          {(id) => (
            <ChoiceSelect
              id={id}
              value={e.to ?? ""}
              onValueChange={(to) => onChange(linkStep(step, e.way, to || null))}
              choices={[
                { value: "", label: t("end") },
                ...others.map((s) => ({ value: s.id, label: `${k(s.kind)}: ${s.label || s.id}` })),
              ]}
            />
          )}
        </Field>
      ))}
      {!readOnly && (
        <div className="flex flex-wrap gap-2 border-t border-line pt-3">
          <Button size="sm" variant="secondary" disabled={graph.start === step.id} onClick={onStart}>
            {graph.start === step.id ? t("isStart") : t("makeStart")}
          </Button>
          <Button size="sm" variant="danger" onClick={onRemove}>
            {t("remove")}
          </Button>
        </div>
      )}
    </fieldset>
  );
}

/** A button trigger: the campaign, then one of its message's quick-reply buttons. */
function ButtonTriggerFields({
  trigger,
  choices,
  onChange,
}: {
  trigger: Extract<Graph["trigger"], { kind: "button" }>;
  choices: Choices;
  onChange: (t: Graph["trigger"]) => void;
}) {
  const t = useTranslations("journeys.inspector");
  const campaign = choices.campaigns.find((c) => c.id === trigger.campaignId);
  return (
    <>
      <PickField
        label={t("campaign")}
        hint={choices.campaigns.length ? undefined : t("noButtonCampaigns")}
        placeholder={t("pickCampaign")}
        value={trigger.campaignId}
        options={choices.campaigns}
        onChange={(campaignId) => {
          const next = choices.campaigns.find((c) => c.id === campaignId);
          onChange({ kind: "button", campaignId, button: next?.buttons[0] ?? "" });
        }}
      />
      <Field label={t("button")} hint={t("buttonHint")}>
        {(id) => (
          <ChoiceSelect
            id={id}
            value={trigger.button}
            onValueChange={(button) => onChange({ ...trigger, button })}
            placeholder={t("pickButton")}
            choices={(campaign?.buttons ?? []).map((b) => ({ value: b, label: b }))}
          />
        )}
      </Field>
    </>
  );
}

function KindFields({
  step,
  choices,
  readOnly,
  onChange,
}: {
  step: Step;
  choices: Choices;
  readOnly: boolean;
  onChange: (s: Step) => void;
}) {
  const t = useTranslations("journeys.inspector");
  const category = useTranslations("templates.categoryInline");
  switch (step.kind) {
    case "send": {
      const template = choices.templates.find((c) => c.name === step.template);
      return (
        <>
          <Field label={t("template")} hint={t("templateHint")}>
            {(id) => (
              <ChoiceSelect
                id={id}
                value={step.template}
                onValueChange={(name) => onChange({ ...step, template: name, variables: {}, headerMedia: "" })}
                placeholder={t("pickTemplate")}
                choices={choices.templates.map((c) => ({
                  value: c.name,
                  label: `${c.name} (${category(c.category as TemplateCategory)})`,
                }))}
              />
            )}
          </Field>
          {template?.mediaHeader && (
            <Field label={t("headerMedia")} hint={t("headerMediaHint")}>
              {(id) => (
                <Input
                  id={id}
                  type="url"
                  inputMode="url"
                  placeholder="https://"
                  value={step.headerMedia}
                  maxLength={2000}
                  onChange={(e) => onChange({ ...step, headerMedia: e.target.value.trim() })}
                />
              )}
            </Field>
          )}
          {template?.slots.map((slot) => (
            <VariableFields
              key={slot}
              slot={slot}
              value={step.variables[slot]}
              onChange={(v) => onChange({ ...step, variables: { ...step.variables, [slot]: v } })}
            />
          ))}
        </>
      );
    }
    case "message":
      return (
        <Field label={t("text")} hint={t("textHint")}>
          {(id) => (
            <textarea
              id={id}
              rows={4}
              maxLength={4096}
              value={step.text}
              onChange={(e) => onChange({ ...step, text: e.target.value })}
              className="block w-full rounded-md border border-line px-3 py-2 text-sm"
            />
          )}
        </Field>
      );
    case "wait":
      return (
        <>
          <Field label={t("waitMode")}>
            {(id) => (
              <ChoiceSelect
                id={id}
                value={step.mode}
                onValueChange={(mode) => onChange({ ...step, mode: mode as typeof step.mode })}
                choices={[
                  { value: "duration", label: t("waitDuration") },
                  { value: "until", label: t("waitUntil") },
                  { value: "clock", label: t("waitClock") },
                  { value: "event", label: t("waitEvent") },
                ]}
              />
            )}
          </Field>
          {step.mode === "clock" ? (
            <Field label={t("clock")} hint={t("clockHint")}>
              {(id) => (
                <Input
                  id={id}
                  type="time"
                  value={step.clock}
                  onChange={(e) => /^\d\d:\d\d$/.test(e.target.value) && onChange({ ...step, clock: e.target.value })}
                />
              )}
            </Field>
          ) : step.mode === "until" ? (
            <>
              <Field label={t("dateSource")}>
                {(id) => (
                  <ChoiceSelect
                    id={id}
                    value={step.dateSource}
                    onValueChange={(source) => onChange({ ...step, dateSource: source as "event" | "attribute" })}
                    choices={[
                      { value: "event", label: t("sourceEvent") },
                      { value: "attribute", label: t("sourceAttribute") },
                    ]}
                  />
                )}
              </Field>
              <Field label={t("dateKey")} hint={t("dateKeyHint")}>
                {(id) => (
                  <Input
                    id={id}
                    value={step.dateKey}
                    onChange={(e) => onChange({ ...step, dateKey: e.target.value })}
                  />
                )}
              </Field>
              <Field label={t("offsetHours")} hint={t("offsetHint")}>
                {(id) => (
                  <Input
                    id={id}
                    type="number"
                    value={step.offsetHours}
                    onChange={(e) => onChange({ ...step, offsetHours: Math.round(Number(e.target.value)) || 0 })}
                  />
                )}
              </Field>
            </>
          ) : (
            <>
              {step.mode === "event" && (
                <Field label={t("eventName")}>
                  {(id) => (
                    <Input id={id} value={step.event} onChange={(e) => onChange({ ...step, event: e.target.value })} />
                  )}
                </Field>
              )}
              <Hours
                label={step.mode === "event" ? t("timeoutHours") : t("hours")}
                seconds={step.seconds}
                disabled={readOnly}
                onChange={(seconds) => onChange({ ...step, seconds })}
              />
            </>
          )}
        </>
      );
    case "branch":
      return (
        <>
          <Field label={t("signal")}>
            {(id) => (
              <ChoiceSelect
                id={id}
                value={step.signal}
                onValueChange={(signal) => onChange({ ...step, signal: signal as typeof step.signal })}
                choices={BRANCH_SIGNALS.map((s) => ({ value: s, label: t(`signals.${s}`) }))}
              />
            )}
          </Field>
          {(step.signal === "button" || step.signal === "attribute") && (
            <Field label={step.signal === "button" ? t("buttonText") : t("attributeName")}>
              {(id) => <Input id={id} value={step.key} onChange={(e) => onChange({ ...step, key: e.target.value })} />}
            </Field>
          )}
          {step.signal === "consent" && (
            <PickField
              label={t("consentList")}
              placeholder={t("pickList")}
              value={step.key}
              options={choices.lists}
              onChange={(key) => onChange({ ...step, key })}
            />
          )}
          {step.signal === "attribute" && (
            <Field label={t("attributeValue")}>
              {(id) => (
                <Input id={id} value={step.value} onChange={(e) => onChange({ ...step, value: e.target.value })} />
              )}
            </Field>
          )}
          {step.signal !== "attribute" && step.signal !== "window" && step.signal !== "consent" && (
            <Hours
              label={t("within")}
              seconds={step.seconds}
              disabled={readOnly}
              onChange={(seconds) => onChange({ ...step, seconds })}
            />
          )}
        </>
      );
    case "split":
      return (
        <div className="space-y-2">
          {step.paths.map((p, i) => (
            <div key={i} className="grid grid-cols-2 gap-2">
              <Field label={t("pathName", { n: i + 1 })}>
                {(id) => (
                  <Input
                    id={id}
                    value={p.name}
                    maxLength={40}
                    onChange={(e) =>
                      onChange({
                        ...step,
                        paths: step.paths.map((q, j) => (j === i ? { ...q, name: e.target.value } : q)),
                      })
                    }
                  />
                )}
              </Field>
              <Field label={t("pathPercent", { n: i + 1 })}>
                {(id) => (
                  <Input
                    id={id}
                    type="number"
                    min={0}
                    max={100}
                    value={p.percent}
                    onChange={(e) =>
                      onChange({
                        ...step,
                        paths: step.paths.map((q, j) =>
                          j === i ? { ...q, percent: Math.round(Number(e.target.value)) || 0 } : q,
                        ),
                      })
                    }
                  />
                )}
              </Field>
            </div>
          ))}
          <p className="text-xs text-muted">{t("holdoutHint")}</p>
        </div>
      );
    case "update":
      return (
        <>
          <Field label={t("addTags")} hint={t("tagsHint")}>
            {(id) => (
              <Input
                id={id}
                defaultValue={step.addTags.join(", ")}
                onBlur={(e) => onChange({ ...step, addTags: tags(e.target.value) })}
              />
            )}
          </Field>
          <Field label={t("removeTags")} hint={t("tagsHint")}>
            {(id) => (
              <Input
                id={id}
                defaultValue={step.removeTags.join(", ")}
                onBlur={(e) => onChange({ ...step, removeTags: tags(e.target.value) })}
              />
            )}
          </Field>
          <Field label={t("consentChange")} hint={t("consentChangeHint")}>
            {(id) => (
              <ChoiceSelect
                id={id}
                value={step.consent?.action ?? ""}
                onValueChange={(action) =>
                  onChange({
                    ...step,
                    consent: action
                      ? {
                          listId: step.consent?.listId ?? choices.lists[0]?.id ?? "",
                          action: action as "OPT_IN" | "OPT_OUT",
                        }
                      : null,
                  })
                }
                choices={[
                  { value: "", label: t("consentNone") },
                  { value: "OPT_IN", label: t("consentOptIn") },
                  { value: "OPT_OUT", label: t("consentOptOut") },
                ]}
              />
            )}
          </Field>
          {step.consent && (
            <PickField
              label={t("consentList")}
              placeholder={t("pickList")}
              value={step.consent.listId}
              options={choices.lists}
              onChange={(listId) => onChange({ ...step, consent: { ...step.consent!, listId } })}
            />
          )}
        </>
      );
    case "handoff":
      return (
        <Field label={t("reason")} hint={t("reasonHint")}>
          {(id) => (
            <Input
              id={id}
              value={step.reason}
              maxLength={200}
              onChange={(e) => onChange({ ...step, reason: e.target.value })}
            />
          )}
        </Field>
      );
    case "exit":
      return <p className="text-sm text-muted">{t("exitHint")}</p>;
  }
}

/** One of the workspace's things by name (a flow, a segment, a consent list, a campaign), "" for none yet. */
function PickField({
  label,
  hint,
  placeholder,
  value,
  options,
  onChange,
}: {
  label: string;
  hint?: string;
  placeholder: string;
  value: string;
  options: { id: string; name: string }[];
  onChange: (id: string) => void;
}) {
  return (
    <Field label={label} hint={hint}>
      {(id) => (
        <ChoiceSelect
          id={id}
          value={value}
          onValueChange={onChange}
          placeholder={placeholder}
          choices={options.map((o) => ({ value: o.id, label: o.name }))}
        />
      )}
    </Field>
  );
}

const tags = (text: string) =>
  [
    ...new Set(
      text
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ].slice(0, 20);

function VariableFields({
  slot,
  value,
  onChange,
}: {
  slot: string;
  value: JourneyVariable | undefined;
  onChange: (v: JourneyVariable) => void;
}) {
  const t = useTranslations("journeys.inspector");
  const field = useTranslations("campaigns.contactField");
  const v = value ?? { source: "event" as const, value: "", fallback: "" };
  return (
    <fieldset className="rounded-md border border-line p-2">
      <legend className="px-1 text-xs font-medium">{t("variable", { slot })}</legend>
      <div className="grid grid-cols-2 gap-2">
        <Field label={t("source")}>
          {(id) => (
            <ChoiceSelect
              id={id}
              value={v.source}
              onValueChange={(source) => onChange({ ...v, source: source as JourneyVariable["source"], value: "" })}
              choices={VARIABLE_SOURCES.map((s) => ({ value: s, label: t(`sources.${s}`) }))}
            />
          )}
        </Field>
        <Field label={t("value")}>
          {(id) =>
            v.source === "field" ? (
              <ChoiceSelect
                id={id}
                value={v.value}
                onValueChange={(value) => onChange({ ...v, value })}
                placeholder={t("pickField")}
                choices={CONTACT_FIELDS.map((f) => ({ value: f, label: field(f) }))}
              />
            ) : (
              <Input id={id} value={v.value} onChange={(e) => onChange({ ...v, value: e.target.value })} />
            )
          }
        </Field>
      </div>
      {v.source !== "constant" && (
        <div className="mt-2">
          <Field label={t("fallback")}>
            {(id) => (
              <Input id={id} value={v.fallback} onChange={(e) => onChange({ ...v, fallback: e.target.value })} />
            )}
          </Field>
        </div>
      )}
    </fieldset>
  );
}
