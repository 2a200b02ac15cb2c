// The form editor's model of a flow: screens of fields and a button, which Parley writes as Flow JSON
// (7.3, no endpoint) and reads back from it. Flow JSON the model cannot hold (a password input, an image, an
// endpoint, a property the form has no field for) reads as null: the editor then offers the JSON only. Pure.
import {
  childrenOf,
  FLOW_JSON_VERSION,
  type Component,
  type DataSourceItem,
  type FlowJson,
  type Screen,
} from "./flow-json";

export const FIELD_KINDS = [
  "text",
  "number",
  "email",
  "phone",
  "paragraph",
  "single",
  "multiple",
  "dropdown",
  "date",
  "optin",
  "heading",
  "body",
] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];
/** Kinds that show text and ask nothing. */
export const TEXT_KINDS: FieldKind[] = ["heading", "body"];
/** Kinds that offer options. */
export const CHOICE_KINDS: FieldKind[] = ["single", "multiple", "dropdown"];

export type FormField = {
  kind: FieldKind;
  /** The answer's key (none for text). */
  name: string;
  /** The question, or the text shown. */
  label: string;
  required: boolean;
  options: { id: string; title: string }[];
};

export type FormScreen = {
  id: string;
  title: string;
  fields: FormField[];
  /** The footer button's label: "Continue" to the next screen, "Send" on the last. */
  button: string;
};
export type FlowForm = { screens: FormScreen[] };

const INPUT_KIND: Record<string, FieldKind> = { text: "text", number: "number", email: "email", phone: "phone" };

function componentOf(field: FormField): Component {
  const input = { name: field.name, label: field.label, required: field.required };
  switch (field.kind) {
    case "heading":
      return { type: "TextHeading", text: field.label };
    case "body":
      return { type: "TextBody", text: field.label };
    case "paragraph":
      return { type: "TextArea", ...input };
    case "single":
      return { type: "RadioButtonsGroup", ...input, "data-source": field.options };
    case "multiple":
      return { type: "CheckboxGroup", ...input, "data-source": field.options };
    case "dropdown":
      return { type: "Dropdown", ...input, "data-source": field.options };
    case "date":
      return { type: "DatePicker", ...input };
    case "optin":
      return { type: "OptIn", ...input };
    default:
      return { type: "TextInput", ...input, "input-type": field.kind };
  }
}

/** The Flow JSON of a form: each screen's fields then its button; the last screen completes with every answer. */
export function flowJsonOf(form: FlowForm): FlowJson {
  const last = form.screens.length - 1;
  const answers = (upTo: number) =>
    Object.fromEntries(
      form.screens.flatMap((screen, i) =>
        i > upTo
          ? []
          : screen.fields
              .filter((f) => !TEXT_KINDS.includes(f.kind))
              .map((f) => [f.name, i === upTo ? `\${form.${f.name}}` : `\${screen.${screen.id}.form.${f.name}}`]),
      ),
    );
  return {
    version: FLOW_JSON_VERSION,
    screens: form.screens.map((screen, i): Screen => {
      const action =
        i === last
          ? { name: "complete" as const, payload: answers(i) }
          : {
              name: "navigate" as const,
              next: { type: "screen" as const, name: form.screens[i + 1]!.id },
              payload: {},
            };
      return {
        id: screen.id,
        title: screen.title,
        ...(i === last ? { terminal: true, success: true } : {}),
        layout: {
          type: "SingleColumnLayout",
          children: [
            ...screen.fields.map(componentOf),
            { type: "Footer", label: screen.button, "on-click-action": action },
          ],
        },
      };
    }),
  };
}

function fieldOf(c: Component): FormField | null {
  if (typeof c["data-source"] === "string") return null; // options the endpoint fills

  const text = (kind: FieldKind) => ({ kind, name: "", label: String(c.text ?? ""), required: false, options: [] });
  const input = (kind: FieldKind) => ({
    kind,
    name: String(c.name ?? ""),
    label: String(c.label ?? ""),
    required: c.required === true,
    options: ((c["data-source"] ?? []) as DataSourceItem[]).map((o) => ({ id: String(o.id), title: String(o.title) })),
  });
  switch (c.type) {
    case "TextHeading":
      return text("heading");
    case "TextBody":
      return text("body");
    case "TextArea":
      return input("paragraph");
    case "RadioButtonsGroup":
      return input("single");
    case "CheckboxGroup":
      return input("multiple");
    case "Dropdown":
      return input("dropdown");
    case "DatePicker":
      return input("date");
    case "OptIn":
      return input("optin");
    case "TextInput": {
      const kind = INPUT_KIND[c["input-type"] ?? "text"];
      return kind ? input(kind) : null;
    }
    default:
      return null;
  }
}

/** The form a Flow JSON is, if the form editor can hold it; null: edit it as JSON. */
export function formOf(json: unknown): FlowForm | null {
  const flow = json as FlowJson;
  if (!flow || typeof flow !== "object" || !Array.isArray(flow.screens) || flow.screens.length === 0) return null;
  const screens: FormScreen[] = [];
  for (const [i, screen] of flow.screens.entries()) {
    if (!screen || typeof screen !== "object") return null;
    const children = childrenOf(screen);
    const footer = children.at(-1);
    const action = footer?.["on-click-action"];
    const expected = i === flow.screens.length - 1 ? "complete" : "navigate";
    if (footer?.type !== "Footer" || action?.name !== expected) return null;
    if (expected === "navigate" && action.next?.name !== flow.screens[i + 1]!.id) return null;
    const fields = children.slice(0, -1).map(fieldOf);
    if (fields.some((f) => f === null)) return null;
    screens.push({
      id: String(screen.id),
      title: String(screen.title ?? ""),
      fields: fields as FormField[],
      button: String(footer.label ?? ""),
    });
  }
  // The form must hold everything: a property it does not know (a helper text, a screen's data, an endpoint)
  // would be dropped the next time the form writes the JSON, so such a flow stays JSON-only.
  const form = { screens };
  return keeps(flowJsonOf(form), json) ? form : null;
}

/** Whether `written` keeps every value of `original` (it may add defaults, such as `required: false`). */
function keeps(written: unknown, original: unknown): boolean {
  if (Array.isArray(original))
    return (
      Array.isArray(written) &&
      written.length === original.length &&
      original.every((value, i) => keeps(written[i], value))
    );
  if (original && typeof original === "object") {
    if (!written || typeof written !== "object" || Array.isArray(written)) return false;
    const fields = written as Record<string, unknown>;
    return Object.entries(original).every(([key, value]) => keeps(fields[key], value));
  }
  return written === original;
}

/** Where a problem's path points in the form: a screen, and a field of it (or its button). */
export function formPlace(path: (string | number)[]): { screen: number; field: number | "button" | null } | null {
  if (path[0] !== "screens" || typeof path[1] !== "number") return null;
  if (path[2] !== "layout" || path[3] !== "children" || typeof path[4] !== "number")
    return { screen: path[1], field: null };
  return { screen: path[1], field: path[4] };
}

/** A new field of a kind, with a name not yet used in the form. */
export function newField(kind: FieldKind, form: FlowForm, label: string): FormField {
  const used = new Set(form.screens.flatMap((s) => s.fields.map((f) => f.name)));
  let name = "";
  if (!TEXT_KINDS.includes(kind)) {
    let n = 1;
    while (used.has(`${kind}_${n}`)) n++;
    name = `${kind}_${n}`;
  }
  const options = CHOICE_KINDS.includes(kind)
    ? [
        { id: "option_1", title: "Option 1" },
        { id: "option_2", title: "Option 2" },
      ]
    : [];
  return { kind, name, label, required: !TEXT_KINDS.includes(kind) && kind !== "optin", options };
}

/** A new screen's id, unique in the form (letters and underscores only, as Meta requires). */
export function newScreenId(form: FlowForm): string {
  const used = new Set(form.screens.map((s) => s.id));
  const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  for (let i = 0; ; i++) {
    const id = `SCREEN_${letters[i % 26]!.repeat(Math.floor(i / 26) + 1)}`;
    if (!used.has(id)) return id;
  }
}
