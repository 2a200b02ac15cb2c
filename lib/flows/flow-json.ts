// Flow JSON as Meta takes it (flows/reference/flowjson, flows/guides/components) and its rules: what the
// builder shows as you type, what publishing refuses, and what the sandbox answers as Meta's validator does.
// Pure. Each problem names the place in the JSON it is about (`path`) and a catalog key with its values.
import { messageKey } from "@/lib/i18n/message-key";

/** The version Parley writes: Meta's latest and recommended. */
export const FLOW_JSON_VERSION = "7.3";
/** The versions Meta publishes (older ones can still be sent, but not published). */
export const PUBLISHABLE_VERSIONS = ["5.1", "6.0", "6.1", "6.2", "6.3", "7.0", "7.1", "7.2", "7.3"];

export const FLOW_CATEGORIES = [
  "SURVEY",
  "APPOINTMENT_BOOKING",
  "LEAD_GENERATION",
  "SIGN_UP",
  "SIGN_IN",
  "CONTACT_US",
  "CUSTOMER_SUPPORT",
  "OTHER",
] as const;
export type FlowCategory = (typeof FLOW_CATEGORIES)[number];

export type DataSourceItem = { id: string; title: string; description?: string };
export type Action = {
  name: "navigate" | "complete" | "data_exchange" | "open_url" | "update_data";
  next?: { type: "screen"; name: string };
  payload?: Record<string, unknown>;
  url?: string;
};
export type Component = {
  type: string;
  name?: string;
  label?: string;
  text?: string;
  required?: boolean;
  "input-type"?: string;
  "helper-text"?: string;
  /** The options, or (an endpoint flow) a binding to the screen's data: "${data.days}". */
  "data-source"?: DataSourceItem[] | string;
  "min-date"?: string;
  "max-date"?: string;
  "on-click-action"?: Action;
  [key: string]: unknown;
};
export type Screen = {
  id: string;
  title?: string;
  terminal?: boolean;
  success?: boolean;
  /** An endpoint flow: going back to this screen asks the endpoint again. */
  refresh_on_back?: boolean;
  data?: Record<string, unknown>;
  layout: { type: "SingleColumnLayout"; children: Component[] };
};
export type FlowJson = {
  version: string;
  screens: Screen[];
  data_api_version?: string;
  routing_model?: Record<string, string[]>;
};

/** Meta's limits, by component. */
export const FLOW_LIMITS = {
  components: 50,
  heading: 80,
  body: 4096,
  caption: 409,
  helper: 80,
  footer: 35,
  optIns: 5,
  optInLabel: 120,
  optionTitle: 30,
  options: 20,
  dropdownOptions: 200,
  label: { TextInput: 20, TextArea: 20, Dropdown: 20, RadioButtonsGroup: 30, CheckboxGroup: 30, DatePicker: 40 },
} as const;

const INPUTS = ["TextInput", "TextArea", "RadioButtonsGroup", "CheckboxGroup", "Dropdown", "DatePicker", "OptIn"];
const TEXTS: Record<string, number> = {
  TextHeading: FLOW_LIMITS.heading,
  TextSubheading: FLOW_LIMITS.heading,
  TextBody: FLOW_LIMITS.body,
  TextCaption: FLOW_LIMITS.caption,
};
const KNOWN = new Set([...INPUTS, ...Object.keys(TEXTS), "Footer", "Form", "EmbeddedLink", "Image", "If", "Switch"]);
const INPUT_TYPES = ["text", "number", "email", "password", "passcode", "phone"];
const SCREEN_ID = /^[A-Za-z_]+$/;
const FIELD_NAME = /^[a-z][a-z0-9_]*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATA_BINDING = /^\$\{(?:screen\.[A-Za-z_]+\.)?data\.[A-Za-z_][A-Za-z0-9_]*\}$/;

export type FlowProblem = { path: (string | number)[]; message: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const blank = (v: unknown) => typeof v !== "string" || v.trim() === "";

/** The input components of a screen, in order (a Form's children count as the screen's). */
export function inputsOf(screen: Screen): Component[] {
  return childrenOf(screen).filter((c) => INPUTS.includes(c.type));
}

/** A screen's components, a Form's children in its place. */
export function childrenOf(screen: Screen): Component[] {
  const children = Array.isArray(screen.layout?.children) ? screen.layout.children : [];
  return children.flatMap((c) =>
    c?.type === "Form" && Array.isArray((c as { children?: unknown }).children)
      ? (c as unknown as { children: Component[] }).children
      : [c],
  );
}

/** Everything wrong with a Flow JSON, by Meta's rules; none: Meta would publish it. */
export function flowProblems(input: unknown): FlowProblem[] {
  const out: FlowProblem[] = [];
  const add = (
    path: (string | number)[],
    key: Parameters<typeof messageKey>[0],
    values?: Record<string, string | number>,
  ) => out.push({ path, message: messageKey(key, values) });
  if (!isObject(input)) {
    add([], "flows.problems.notObject");
    return out;
  }
  if (typeof input.version !== "string" || !PUBLISHABLE_VERSIONS.includes(input.version))
    add(["version"], "flows.problems.version", { versions: PUBLISHABLE_VERSIONS.join(", ") });
  if (!Array.isArray(input.screens) || input.screens.length === 0) {
    add(["screens"], "flows.problems.noScreens");
    return out;
  }
  const screens = input.screens as unknown[];
  const ids = new Set<string>();
  const names = new Set<string>();
  const targets = new Set<string>();
  screens.forEach((raw, i) => {
    const at: (string | number)[] = ["screens", i];
    if (!isObject(raw)) return add(at, "flows.problems.notObject");
    const screen = raw as Screen;
    if (typeof screen.id !== "string" || !SCREEN_ID.test(screen.id)) add([...at, "id"], "flows.problems.screenId");
    else if (screen.id === "SUCCESS") add([...at, "id"], "flows.problems.screenReserved");
    else if (ids.has(screen.id)) add([...at, "id"], "flows.problems.screenDuplicate", { id: screen.id });
    else ids.add(screen.id);
    if (screen.title !== undefined && blank(screen.title)) add([...at, "title"], "flows.problems.blank");
    if (
      !isObject(screen.layout) ||
      screen.layout.type !== "SingleColumnLayout" ||
      !Array.isArray(screen.layout.children)
    ) {
      add([...at, "layout"], "flows.problems.layout");
      return;
    }
    const children = screen.layout.children;
    if (children.length > FLOW_LIMITS.components)
      add([...at, "layout"], "flows.problems.tooManyComponents", { limit: FLOW_LIMITS.components });
    const footers = children.filter((c) => isObject(c) && c.type === "Footer");
    if (footers.length > 1) add([...at, "layout"], "flows.problems.footers");
    if (screen.terminal && footers.length === 0) add([...at, "layout"], "flows.problems.terminalFooter");
    if (children.filter((c) => isObject(c) && c.type === "OptIn").length > FLOW_LIMITS.optIns)
      add([...at, "layout"], "flows.problems.optIns", { limit: FLOW_LIMITS.optIns });
    children.forEach((component, j) => {
      const cat = [...at, "layout", "children", j];
      if (!isObject(component) || typeof component.type !== "string") return add(cat, "flows.problems.notObject");
      checkComponent(component as Component, cat, add, names);
      const action = (component as Component)["on-click-action"];
      if (component.type === "Footer" && isObject(action)) {
        if (action.name === "navigate") {
          const next = isObject(action.next) ? action.next.name : undefined;
          if (typeof next !== "string") add([...cat, "on-click-action"], "flows.problems.navigateTarget");
          else targets.add(next);
          if (screen.terminal) add([...cat, "on-click-action"], "flows.problems.terminalNavigate");
        } else if (action.name === "complete") {
          if (!screen.terminal) add([...cat, "on-click-action"], "flows.problems.completeNotTerminal");
        } else if (action.name !== "data_exchange") add([...cat, "on-click-action"], "flows.problems.footerAction");
      }
    });
  });
  screens.forEach((raw, i) => {
    if (!isObject(raw) || !isObject(raw.layout) || !Array.isArray(raw.layout.children)) return;
    (raw.layout.children as unknown[]).forEach((c, j) => {
      const next = isObject(c) && isObject(c["on-click-action"]) ? c["on-click-action"].next : undefined;
      if (isObject(next) && typeof next.name === "string" && !ids.has(next.name))
        add(["screens", i, "layout", "children", j, "on-click-action"], "flows.problems.unknownScreen", {
          id: next.name,
        });
    });
  });
  if (!screens.some((s) => isObject(s) && s.terminal === true)) add(["screens"], "flows.problems.noTerminal");
  const entries = [...ids].filter((id) => !targets.has(id));
  if (ids.size > 0 && entries.length === 0) add(["screens"], "flows.problems.noEntry");
  return out;
}

function checkComponent(
  c: Component,
  at: (string | number)[],
  add: (
    path: (string | number)[],
    key: Parameters<typeof messageKey>[0],
    values?: Record<string, string | number>,
  ) => void,
  names: Set<string>,
) {
  if (!KNOWN.has(c.type)) return add([...at, "type"], "flows.problems.unknownComponent", { type: c.type });
  if (c.type in TEXTS) {
    if (blank(c.text)) add([...at, "text"], "flows.problems.blank");
    else if (c.text!.length > TEXTS[c.type]!)
      add([...at, "text"], "flows.problems.tooLong", { limit: TEXTS[c.type]!, length: c.text!.length });
    return;
  }
  if (c.type === "Footer") {
    if (blank(c.label)) add([...at, "label"], "flows.problems.blank");
    else if (c.label!.length > FLOW_LIMITS.footer)
      add([...at, "label"], "flows.problems.tooLong", { limit: FLOW_LIMITS.footer, length: c.label!.length });
    if (!isObject(c["on-click-action"])) add([...at, "on-click-action"], "flows.problems.footerAction");
    return;
  }
  if (!INPUTS.includes(c.type)) return;
  if (typeof c.name !== "string" || !FIELD_NAME.test(c.name)) add([...at, "name"], "flows.problems.fieldName");
  else if (names.has(c.name)) add([...at, "name"], "flows.problems.fieldDuplicate", { name: c.name });
  else names.add(c.name);
  const labelLimit =
    c.type === "OptIn" ? FLOW_LIMITS.optInLabel : FLOW_LIMITS.label[c.type as keyof typeof FLOW_LIMITS.label];
  if (blank(c.label)) add([...at, "label"], "flows.problems.blank");
  else if (c.label!.length > labelLimit)
    add([...at, "label"], "flows.problems.tooLong", { limit: labelLimit, length: c.label!.length });
  if (c["helper-text"] !== undefined && (blank(c["helper-text"]) || c["helper-text"].length > FLOW_LIMITS.helper))
    add([...at, "helper-text"], "flows.problems.tooLong", {
      limit: FLOW_LIMITS.helper,
      length: String(c["helper-text"]).length,
    });
  if (c.type === "TextInput" && c["input-type"] !== undefined && !INPUT_TYPES.includes(c["input-type"]))
    add([...at, "input-type"], "flows.problems.inputType");
  if (["RadioButtonsGroup", "CheckboxGroup", "Dropdown"].includes(c.type)) {
    const items = c["data-source"];
    if (typeof items === "string" && DATA_BINDING.test(items)) return; // filled by the endpoint
    const max = c.type === "Dropdown" ? FLOW_LIMITS.dropdownOptions : FLOW_LIMITS.options;
    if (!Array.isArray(items) || items.length === 0 || items.length > max)
      return add([...at, "data-source"], "flows.problems.options", { limit: max });
    const seen = new Set<string>();
    items.forEach((item, k) => {
      const ipath = [...at, "data-source", k];
      if (!isObject(item) || blank(item.id)) return add([...ipath, "id"], "flows.problems.blank");
      if (seen.has(item.id)) add([...ipath, "id"], "flows.problems.optionDuplicate", { id: item.id });
      seen.add(item.id);
      if (blank(item.title)) add([...ipath, "title"], "flows.problems.blank");
      else if (item.title.length > FLOW_LIMITS.optionTitle)
        add([...ipath, "title"], "flows.problems.tooLong", {
          limit: FLOW_LIMITS.optionTitle,
          length: item.title.length,
        });
    });
  }
  if (c.type === "DatePicker") {
    for (const key of ["min-date", "max-date"] as const)
      if (c[key] !== undefined && (typeof c[key] !== "string" || !DATE.test(c[key])))
        add([...at, key], "flows.problems.date");
    if (typeof c["min-date"] === "string" && typeof c["max-date"] === "string" && c["min-date"] > c["max-date"])
      add([...at, "max-date"], "flows.problems.dateRange");
  }
}

/** Meta's validation errors as Parley's problems: its pointer paths ("screens [0]. layout.children [1]") as arrays. */
export function problemsFromMeta(errors: { message: string; pointers?: { path?: string }[] }[]): FlowProblem[] {
  return errors.map((e) => {
    const raw = e.pointers?.[0]?.path ?? "";
    const path = [...raw.replace(/\s+/g, "").matchAll(/([A-Za-z_-]+)|\[(\d+)\]/g)].map((m) =>
      m[2] !== undefined ? Number(m[2]) : m[1]!,
    );
    return { path, message: e.message };
  });
}

/** The field names a completed flow answers with, and each one's label and options (for results and CSV). */
export type Question = { name: string; label: string; type: string; options: DataSourceItem[]; screen: string };

export function questionsOf(json: unknown): Question[] {
  if (!isObject(json) || !Array.isArray(json.screens)) return [];
  return (json.screens as Screen[]).flatMap((screen) =>
    isObject(screen)
      ? inputsOf(screen)
          .filter((c) => typeof c.name === "string")
          .map((c) => ({
            name: c.name!,
            label: typeof c.label === "string" ? c.label : c.name!,
            type: c.type,
            options: Array.isArray(c["data-source"]) ? c["data-source"] : [],
            screen: screen.id,
          }))
      : [],
  );
}

/** The screen a flow opens on: the first that no other screen navigates to. */
export function entryScreen(json: unknown): string | null {
  if (!isObject(json) || !Array.isArray(json.screens)) return null;
  const screens = (json.screens as Screen[]).filter(isObject);
  const targets = new Set(
    screens.flatMap((s) => childrenOf(s).map((c) => (isObject(c) ? c["on-click-action"]?.next?.name : undefined))),
  );
  return screens.find((s) => !targets.has(s.id))?.id ?? null;
}
