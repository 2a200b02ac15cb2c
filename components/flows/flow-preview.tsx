"use client";
// A phone's view of a flow, screen by screen: its button walks to the screen it names, the last one finishes
// with the reply the chat shows. Drawn from the Flow JSON itself, so it shows what a JSON edit made too.
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { childrenOf, type Component, type Screen } from "@/lib/flows/flow-json";

function Part({ c }: { c: Component }) {
  const id = useId();
  const label = typeof c.label === "string" ? c.label : "";
  const options = Array.isArray(c["data-source"]) ? c["data-source"] : [];
  const mark = c.required ? " *" : "";
  switch (c.type) {
    case "TextHeading":
      return <p className="text-lg font-semibold">{String(c.text ?? "")}</p>;
    case "TextSubheading":
      return <p className="font-semibold">{String(c.text ?? "")}</p>;
    case "TextBody":
    case "TextCaption":
      return <p className="text-sm">{String(c.text ?? "")}</p>;
    case "TextInput":
    case "DatePicker":
      return (
        <div>
          <label htmlFor={id} className="text-xs text-muted">
            {label + mark}
          </label>
          <input
            id={id}
            type={c.type === "DatePicker" ? "date" : c["input-type"] === "number" ? "number" : "text"}
            className="w-full rounded border border-line px-2 py-1 text-sm"
          />
        </div>
      );
    case "TextArea":
      return (
        <div>
          <label htmlFor={id} className="text-xs text-muted">
            {label + mark}
          </label>
          <textarea id={id} rows={2} className="w-full rounded border border-line px-2 py-1 text-sm" />
        </div>
      );
    case "Dropdown":
      return (
        <div>
          <label htmlFor={id} className="text-xs text-muted">
            {label + mark}
          </label>
          <select id={id} className="w-full rounded border border-line px-2 py-1 text-sm">
            {options.map((o) => (
              <option key={o.id}>{o.title}</option>
            ))}
          </select>
        </div>
      );
    case "RadioButtonsGroup":
    case "CheckboxGroup":
      return (
        <fieldset>
          <legend className="text-sm font-medium">{label + mark}</legend>
          <div className={options.length > 6 ? "grid grid-cols-4 gap-1" : "space-y-1"}>
            {options.map((o) => (
              <label key={o.id} className="flex items-center gap-2 text-sm">
                <input
                  type={c.type === "CheckboxGroup" ? "checkbox" : "radio"}
                  name={id}
                  className="accent-brand-600"
                />
                {o.title}
              </label>
            ))}
          </div>
        </fieldset>
      );
    case "OptIn":
      return (
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" className="mt-1 accent-brand-600" />
          {label + mark}
        </label>
      );
    default:
      return null;
  }
}

export function FlowPreview({ json }: { json: unknown }) {
  const t = useTranslations("flows.preview");
  const screens = ((json as { screens?: unknown })?.screens ?? []) as Screen[];
  const [at, setAt] = useState(0);
  const [done, setDone] = useState(false);
  const screen = screens[Math.min(at, Math.max(screens.length - 1, 0))];
  if (!screen || typeof screen !== "object") return <p className="text-sm text-muted">{t("nothing")}</p>;
  const parts = childrenOf(screen);
  const footer = parts.find((c) => c?.type === "Footer");
  const act = () => {
    const action = footer?.["on-click-action"];
    if (action?.name === "navigate") {
      const next = screens.findIndex((s) => s?.id === action.next?.name);
      if (next >= 0) setAt(next);
    } else setDone(true);
  };
  return (
    <figure
      aria-label={t("label")}
      className="mx-auto w-full max-w-xs rounded-[2rem] border-8 border-gray-800 bg-gray-100"
    >
      <div className="flex items-center justify-between border-b border-line bg-white px-3 py-2 text-sm">
        <span className="font-medium">{screen.title ?? ""}</span>
        <span className="text-xs text-muted" aria-live="polite">
          {t("screenOf", { number: Math.min(at, screens.length - 1) + 1, total: screens.length })}
        </span>
      </div>
      {done ? (
        <div className="space-y-3 p-4">
          <p className="ml-auto w-fit rounded-lg bg-brand-100 px-3 py-2 text-sm">{t("sent")}</p>
          <Button
            variant="secondary"
            size="sm"
            onClick={() => {
              setDone(false);
              setAt(0);
            }}
          >
            {t("again")}
          </Button>
        </div>
      ) : (
        <div className="space-y-3 bg-white p-4">
          {parts.map((c, i) => (c?.type === "Footer" ? null : <Part key={`${at}-${i}`} c={c} />))}
          {footer && (
            <Button className="w-full" onClick={act}>
              {String(footer.label ?? "")}
            </Button>
          )}
          {at > 0 && (
            <Button variant="ghost" size="sm" onClick={() => setAt(at - 1)}>
              {t("back")}
            </Button>
          )}
        </div>
      )}
    </figure>
  );
}
