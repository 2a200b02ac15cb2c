// The sandbox's Flows API (flows/reference/flowsapi): flows created as drafts (an endpoint flow with its
// endpoint_uri), a draft's name, categories and endpoint_uri changed (Update Flow Metadata), their Flow JSON
// uploaded as an asset and validated with Meta's rules (lib/flows/flow-json.ts, its errors in Meta's shape and in
// English), published (an endpoint flow only with its endpoint and the business's public key), deprecated; and the
// answers a simulated person gives when they complete one.
import { randomBytes } from "node:crypto";
import {
  FLOW_CATEGORIES,
  flowProblems,
  questionsOf,
  type FlowJson,
  type FlowProblem,
  type Question,
} from "@/lib/flows/flow-json";
import { usesEndpoint } from "@/lib/flows/send";
import english from "@/messages/en/flows.json";
import { contractError } from "./contract";
import { chance } from "./random";

export type StoredFlow = {
  id: string;
  name: string;
  categories: string[];
  status: "DRAFT" | "PUBLISHED" | "DEPRECATED";
  json: unknown;
  /** Where WhatsApp calls the flow's data-exchange endpoint (endpoint flows only). */
  endpoint_uri?: string;
};

/** A Graph error the routes turn into Meta's error answer. */
export type FlowError = { status: number; code: number; message: string; details?: string; subcode?: number };
const fail = (code: number, message: string, details?: string, subcode?: number): never => {
  throw { status: 400, code, message, details, subcode } satisfies FlowError;
};

/** A problem as Meta's validator words it: English text and a pointer path such as screens[0].layout.children[1]. */
export function metaValidationError(problem: FlowProblem) {
  const [key, values] = problem.message.split("|");
  const template = (english.problems as Record<string, string>)[key!.replace("flows.problems.", "")] ?? key!;
  const args = values ? (JSON.parse(values) as Record<string, string | number>) : {};
  const message = template.replace(/\{(\w+)\}/g, (_, name: string) => String(args[name] ?? ""));
  const path = problem.path
    .map((p) => (typeof p === "number" ? `[${p}]` : `.${p}`))
    .join("")
    .replace(/^\./, "");
  return {
    error: "INVALID_PROPERTY_VALUE",
    error_type: "FLOW_JSON_ERROR",
    message,
    line_start: 1,
    line_end: 1,
    column_start: 1,
    column_end: 1,
    pointers: [{ line_start: 1, line_end: 1, column_start: 1, column_end: 1, path }],
  };
}

export function createFlowStore() {
  const flows = new Map<string, StoredFlow>();
  let counter = 0;
  const errorsOf = (flow: StoredFlow) => (flow.json === null ? [] : flowProblems(flow.json).map(metaValidationError));

  function get(id: string): StoredFlow {
    const flow = flows.get(id);
    if (!flow) fail(100, "(#100) Invalid parameter", `Flow with specified ID ${id} does not exist`);
    return flow!;
  }

  return {
    has: (id: string) => flows.has(id),
    get,

    create(body: { name: string; categories: string[]; endpoint_uri?: string }) {
      if ([...flows.values()].some((f) => f.name === body.name))
        fail(100, "(#100) Invalid parameter", "Flow name is not unique");
      const id = String(7_100_000_000_000 + ++counter * 1000 + randomBytes(1)[0]!);
      const { name, categories, endpoint_uri } = body;
      flows.set(id, { id, name, categories, status: "DRAFT", json: null, ...(endpoint_uri ? { endpoint_uri } : {}) });
      return { id };
    },

    /**
     * POST /{flow-id} (Update Flow Metadata): a form, as Meta's OpenAPI describes it, with any of `name`, `categories`
     * (a JSON array in text) and `endpoint_uri`; only a draft changes.
     */
    async update(id: string, raw: Buffer, contentType: string) {
      const flow = get(id);
      let form: FormData;
      try {
        form = await new Response(new Uint8Array(raw), { headers: { "content-type": contentType } }).formData();
      } catch {
        return fail(100, "(#100) Invalid parameter", "The request must be sent as multipart/form-data.");
      }
      const fields = Object.fromEntries([...form.keys()].map((key) => [key, form.get(key)]));
      const refused = contractError("updateFlowMetadata", fields);
      if (refused) fail(refused.code, refused.message, refused.details);
      if (flow.status !== "DRAFT") fail(139001, "Flow can't be updated", "Only a draft flow's metadata can change.");
      const { name, categories, endpoint_uri } = fields as Record<string, string | undefined>;
      if (name !== undefined && (!name || [...flows.values()].some((f) => f.id !== id && f.name === name)))
        fail(100, "(#100) Invalid parameter", "Flow name is not unique");
      let list: string[] | undefined;
      if (categories !== undefined) {
        try {
          list = JSON.parse(categories) as string[];
        } catch {
          list = undefined;
        }
        const known = (c: unknown) => (FLOW_CATEGORIES as readonly unknown[]).includes(c);
        if (!Array.isArray(list) || list.length === 0 || !list.every(known))
          fail(100, "(#100) Invalid parameter", "categories must be a JSON array of Flow categories");
      }
      if (endpoint_uri !== undefined && !URL.canParse(endpoint_uri))
        fail(100, "(#100) Invalid parameter", "endpoint_uri must be a URL");
      if (name !== undefined) flow.name = name;
      if (list) flow.categories = list;
      if (endpoint_uri !== undefined) flow.endpoint_uri = endpoint_uri;
      return { success: true };
    },

    /** POST /{flow-id}/assets: multipart with file, name=flow.json, asset_type=FLOW_JSON. */
    async upload(id: string, raw: Buffer, contentType: string) {
      const flow = get(id);
      let form: FormData;
      try {
        form = await new Response(new Uint8Array(raw), { headers: { "content-type": contentType } }).formData();
      } catch {
        return fail(100, "(#100) Invalid parameter", "The asset must be sent as multipart/form-data.");
      }
      if (form.get("name") !== "flow.json" || form.get("asset_type") !== "FLOW_JSON")
        fail(100, "(#100) Invalid parameter", 'name must be "flow.json" and asset_type "FLOW_JSON"');
      const file = form.get("file");
      if (!(file instanceof Blob)) return fail(100, "(#100) Invalid parameter", "file is required");
      if (flow.status !== "DRAFT") fail(139001, "Flow can't be updated", "Only a draft flow's JSON can change.");
      try {
        flow.json = JSON.parse(await file.text());
      } catch {
        return fail(139001, "Error while processing Flow JSON", "The file is not valid JSON.");
      }
      const errors = errorsOf(flow);
      return { success: true, ...(errors.length ? { validation_errors: errors } : {}) };
    },

    /** `publicKey`: the business's registered Flows key, which an endpoint flow needs (Meta's 139002 without). */
    publish(id: string, publicKey: string | null) {
      const flow = get(id);
      if (flow.status !== "DRAFT") fail(139002, "Publishing Flow in invalid state");
      if (flow.json === null || errorsOf(flow).length)
        fail(139002, "Publishing Flow with validation errors", "Fix the flow's validation errors first.");
      if (usesEndpoint(flow.json) && !flow.endpoint_uri)
        fail(139002, "Publishing without specifying endpoint_uri is forbidden", undefined, 4233024);
      if (usesEndpoint(flow.json) && !publicKey) fail(139002, "Missing Flows Signed Public Key", undefined, 4233012);
      flow.status = "PUBLISHED";
      return { success: true };
    },

    deprecate(id: string) {
      const flow = get(id);
      if (flow.status === "DEPRECATED") fail(139003, "Flow is already deprecated");
      if (flow.status !== "PUBLISHED") fail(139003, "Can't deprecate unpublished flow");
      flow.status = "DEPRECATED";
      return { success: true };
    },

    remove(id: string) {
      const flow = get(id);
      if (flow.status !== "DRAFT") fail(139004, "Can't delete published Flow");
      flows.delete(id);
      return { success: true };
    },

    details(id: string) {
      const flow = get(id);
      return {
        id: flow.id,
        name: flow.name,
        status: flow.status,
        categories: flow.categories,
        validation_errors: errorsOf(flow),
        json_version: (flow.json as FlowJson | null)?.version,
        ...(usesEndpoint(flow.json) ? { data_api_version: (flow.json as FlowJson).data_api_version } : {}),
        ...(flow.endpoint_uri ? { endpoint_uri: flow.endpoint_uri } : {}),
      };
    },

    /** Flows Meta already holds (the embedded mode loads the workspace's on every start). */
    load(list: StoredFlow[]) {
      for (const flow of list) flows.set(flow.id, { ...flow });
    },
  };
}

const FIRST_NAMES = ["Ana", "Luca", "Maya", "Jonas", "Inès", "Tomás", "Sofia", "Emil"];
const WORDS = [
  "Quick and friendly service.",
  "Delivery took longer than promised.",
  "Great prices, I will be back.",
  "The app was confusing.",
  "Staff were very helpful.",
];

/** A plausible answer to one question; `roll` gives a number in [0, 1) fixed by the name it is asked for. */
export function answerTo(q: Pick<Question, "name" | "type" | "options">, roll: (name: string) => number): unknown {
  const pick = <T>(list: T[]) => list[Math.floor(roll(q.name) * list.length)]!;
  switch (q.type) {
    case "RadioButtonsGroup":
    case "Dropdown":
      // Skewed towards the top of a scale (an NPS survey's promoters outnumber its detractors).
      return q.options[Math.floor(Math.sqrt(roll(q.name)) * q.options.length)]?.id ?? "";
    case "CheckboxGroup":
      return q.options.filter((o) => roll(`${q.name}:${o.id}`) < 0.45).map((o) => o.id);
    case "OptIn":
      return roll(q.name) < 0.8;
    case "DatePicker":
      return new Date(Date.now() + (1 + Math.floor(roll(q.name) * 14)) * 86_400_000).toISOString().slice(0, 10);
    case "TextArea":
      return pick(WORDS);
    default: {
      const name = pick(FIRST_NAMES);
      const byName = /mail/.test(q.name)
        ? `${name.toLowerCase()}@example.com`
        : /phone/.test(q.name)
          ? "+34600111222"
          : name;
      return /number|age|count/.test(q.name) ? String(1 + Math.floor(roll(q.name) * 9)) : byName;
    }
  }
}

/**
 * What a person answers when they complete a flow: a plausible value for each field, fixed by the seed and
 * key, put into the complete action's payload as WhatsApp does (`${form.x}`, `${screen.S.form.x}`).
 */
export function answersFor(json: unknown, seed: number, key: string): Record<string, unknown> {
  const values = new Map<string, unknown>();
  for (const q of questionsOf(json))
    values.set(
      q.name,
      answerTo(q, (name) => chance(seed, `${key}:${name}`)),
    );
  const screens = (json as FlowJson | null)?.screens ?? [];
  const complete = screens
    .flatMap((s) => s.layout?.children ?? [])
    .map((c) => c["on-click-action"])
    .find((a) => a?.name === "complete");
  const out: Record<string, unknown> = {};
  for (const [name, ref] of Object.entries(complete?.payload ?? {})) {
    const field = typeof ref === "string" ? /^\$\{(?:screen\.\w+\.)?(?:form|data)\.(\w+)\}$/.exec(ref)?.[1] : undefined;
    out[name] = field !== undefined ? (values.get(field) ?? "") : ref;
  }
  return out;
}
