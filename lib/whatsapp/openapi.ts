// Meta's OpenAPI description (tests/whatsapp-reference/meta-openapi-v23.yaml) as a validator for the requests
// Parley builds, and for every request body the sandbox receives (so a test cannot pass on a request Meta
// rejects). Its schemas combine a base with allOf and forbid extra properties in each part, which JSON
// Schema reads as "no properties at all": parts are merged before compiling. Its discriminators (template
// components, parameters, message types) become if/then on the discriminating property, so each part is
// checked against its own schema. Shapes Meta documents that v23 lacks are added in one place: overlay().
import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { parse } from "yaml";

type Schema = Record<string, unknown>;

export const OPENAPI_PATH = path.resolve(import.meta.dirname, "../../tests/whatsapp-reference/meta-openapi-v23.yaml");

function resolveRef(root: Schema, ref: string): Schema {
  return ref
    .replace(/^#\//, "")
    .split("/")
    .reduce<Schema>((node, key) => node[key] as Schema, root);
}

/** Merges allOf parts (following $refs) into one object schema, recursively; drops OpenAPI-only keywords. */
function normalise(node: unknown, root: Schema): unknown {
  if (Array.isArray(node)) return node.map((n) => normalise(n, root));
  if (!node || typeof node !== "object") return node;
  const schema = { ...(node as Schema) };
  const discriminator = schema.discriminator as { propertyName: string; mapping?: Record<string, string> } | undefined;
  delete schema.discriminator;
  if (discriminator?.mapping && !schema.allOf) {
    delete schema.oneOf;
    Object.assign(schema, discriminate({ propertyName: discriminator.propertyName, mapping: discriminator.mapping }));
  }
  delete schema.example;
  delete schema.examples;
  // A defect of the v23 description: its own text says "Position index of the button (0-9)" and its
  // example is "0", but the pattern reads as a character class that refuses 0, 7, 8 and 9.
  if (schema.pattern === "^[2-6, 11-14]$") schema.pattern = "^[0-9]$";
  if (Array.isArray(schema.allOf)) {
    const parts = (schema.allOf as Schema[]).map((p) => (typeof p.$ref === "string" ? resolveRef(root, p.$ref) : p));
    const merged: Schema = { type: "object", properties: {}, required: [] };
    let closed = false;
    for (const part of parts.map((p) => normalise(p, root) as Schema)) {
      Object.assign(merged.properties as Schema, part.properties ?? {});
      (merged.required as string[]).push(...((part.required as string[]) ?? []));
      if (part.additionalProperties === false) closed = true;
      for (const key of ["oneOf", "anyOf"]) if (part[key]) merged[key] = part[key];
    }
    if (closed) merged.additionalProperties = false;
    delete schema.allOf;
    return { ...(normalise(schema, root) as Schema), ...merged };
  }
  for (const [key, value] of Object.entries(schema)) schema[key] = normalise(value, root);
  return schema;
}

/** A discriminator's mapping as a chain of if/then on the discriminating property (unknown values fail its enum). */
function discriminate(discriminator: { propertyName: string; mapping: Record<string, string> }): Schema {
  const name = discriminator.propertyName;
  return Object.entries(discriminator.mapping).reduceRight<Schema>(
    (otherwise, [value, ref]) => ({
      if: { properties: { [name]: { const: value } }, required: [name] },
      then: { $ref: ref },
      else: otherwise,
    }),
    { required: [name], properties: { [name]: { enum: Object.keys(discriminator.mapping) } } },
  );
}

type Part = { allOf?: Schema[] } & Schema;
const lastPart = (schema: Part): Schema => (Array.isArray(schema.allOf) ? (schema.allOf.at(-1) as Schema) : schema);
const props = (schema: Schema) => (schema.properties ??= {}) as Record<string, Schema>;

/**
 * What Meta documents beyond the v23 description, each with the page that says so, kept to what Parley
 * sends. Also closes the template message shapes, which v23 leaves open although Meta answers an unknown key
 * with (#100) "Unexpected key": a template request with a stray field must fail here as it fails there.
 */
function overlay(root: Schema) {
  const schemas = (root.components as Schema).schemas as Record<string, Part>;
  // Copy-code buttons (Meta: templates/marketing-templates/coupon-templates, limited-time-offer-templates):
  // {"type":"button","sub_type":"copy_code","index":0,"parameters":[{"type":"coupon_code","coupon_code":"CARIBE25"}]}.
  for (const schema of [schemas.TemplateComponent!, lastPart(schemas.ButtonComponent!)])
    (props(schema).sub_type!.enum as string[]).push("copy_code");
  (props(schemas.ButtonParameterObject!).type!.enum as string[]).push("coupon_code");
  ((schemas.ButtonParameterObject!.discriminator as Schema).mapping as Schema).coupon_code =
    "#/components/schemas/CouponCodeParameter";
  schemas.CouponCodeParameter = {
    allOf: [
      { $ref: "#/components/schemas/ButtonParameterObject" },
      {
        type: "object",
        required: ["coupon_code"],
        properties: { type: { enum: ["coupon_code"] }, coupon_code: { type: "string", minLength: 1, maxLength: 20 } },
      },
    ],
  };
  // Flow buttons (Meta: flows/guides/sendingaflow, "Send a template with a Flow"):
  // {"type":"button","sub_type":"flow","index":"0","parameters":[{"type":"action","action":{"flow_token":"…"}}]}.
  for (const schema of [schemas.TemplateComponent!, lastPart(schemas.ButtonComponent!)])
    (props(schema).sub_type!.enum as string[]).push("flow");
  (props(schemas.ButtonParameterObject!).type!.enum as string[]).push("action");
  ((schemas.ButtonParameterObject!.discriminator as Schema).mapping as Schema).action =
    "#/components/schemas/FlowActionParameter";
  schemas.FlowActionParameter = {
    allOf: [
      { $ref: "#/components/schemas/ButtonParameterObject" },
      {
        type: "object",
        required: ["action"],
        properties: {
          type: { enum: ["action"] },
          action: {
            type: "object",
            additionalProperties: false,
            properties: { flow_token: { type: "string" }, flow_action_data: { type: "object" } },
          },
        },
      },
    ],
  };
  // A button's index as Meta's own examples send it too: a number (the v23 description has a string only).
  for (const schema of [schemas.TemplateComponent!, lastPart(schemas.ButtonComponent!)]) {
    props(schema).index = {
      anyOf: [
        { type: "string", pattern: "^[0-9]$" },
        { type: "integer", minimum: 0, maximum: 9 },
      ],
    };
  }
  // A copy-code button carries its code; no other button takes one.
  schemas.ButtonComponent!.if = { properties: { sub_type: { const: "copy_code" } }, required: ["sub_type"] };
  schemas.ButtonComponent!.then = {
    properties: { parameters: { maxItems: 1, items: { properties: { type: { const: "coupon_code" } } } } },
  };
  schemas.ButtonComponent!.else = {
    properties: { parameters: { items: { properties: { type: { not: { const: "coupon_code" } } } } } },
  };
  // Named parameters (Meta: templates/overview#named-parameters): {"type":"text","parameter_name":"first_name","text":"Ana"}.
  props(lastPart(schemas.TextParameter!)).parameter_name = { type: "string", pattern: "^[a-z0-9_]+$" };
  // A business-scoped user id as the recipient (Meta: whatsapp/business-scoped-user-ids/, 2026): `recipient`
  // instead of `to`, which is then optional. One of the two is still required (lib/whatsapp/schemas.ts checks it).
  const base = schemas.BaseMessageProperties!;
  props(base).recipient = { type: "string", pattern: "^[A-Z]{2}\\.(?:ENT\\.)?[A-Za-z0-9]{1,128}$" };
  base.required = (base.required as string[]).filter((key) => key !== "to");
  // biz_opaque_callback_data on template sends (Meta: messages reference; echoed on status webhooks).
  props(lastPart(schemas.TemplateMessage!)).biz_opaque_callback_data = { type: "string", maxLength: 512 };
  // The Marketing Messages API takes the template payload of /messages (Meta: marketing-messages/send-marketing-
  // messages), so its callback data too: how a send nobody heard the answer to is settled by its webhooks.
  props(schemas.MarketingMessageRequestPayload!).biz_opaque_callback_data = { type: "string", maxLength: 512 };
  // CTA URL interactive messages (Meta: messages/interactive-cta-url-messages):
  // "action": {"name": "cta_url", "parameters": {"display_text": "See Dates", "url": "https://..."}}.
  (props(schemas.InteractiveObject!).type!.enum as string[]).push("cta_url");
  (schemas.ActionObject!.oneOf as Schema[]).push({
    required: ["name", "parameters"],
    properties: {
      name: { const: "cta_url" },
      parameters: {
        type: "object",
        additionalProperties: false,
        required: ["display_text", "url"],
        properties: { display_text: { type: "string", maxLength: 20 }, url: { type: "string" } },
      },
    },
  });
  // Limited-time offers and media-card carousels (Meta: templates/marketing-templates/limited-time-offer-templates,
  // media-card-carousel-templates): two more template component types.
  (props(schemas.TemplateComponent!).type!.enum as string[]).push("limited_time_offer", "carousel");
  Object.assign((schemas.TemplateComponent!.discriminator as Schema).mapping as Schema, {
    limited_time_offer: "#/components/schemas/LimitedTimeOfferComponent",
    carousel: "#/components/schemas/CarouselComponent",
  });
  schemas.LimitedTimeOfferComponent = {
    type: "object",
    additionalProperties: false,
    required: ["type", "parameters"],
    properties: {
      type: { const: "limited_time_offer" },
      parameters: {
        type: "array",
        minItems: 1,
        maxItems: 1,
        items: {
          type: "object",
          additionalProperties: false,
          required: ["type", "limited_time_offer"],
          properties: {
            type: { const: "limited_time_offer" },
            limited_time_offer: {
              type: "object",
              additionalProperties: false,
              required: ["expiration_time_ms"],
              properties: { expiration_time_ms: { type: "integer" } },
            },
          },
        },
      },
    },
  };
  schemas.CarouselComponent = {
    type: "object",
    additionalProperties: false,
    required: ["type", "cards"],
    properties: {
      type: { const: "carousel" },
      cards: {
        type: "array",
        minItems: 1,
        maxItems: 10,
        items: {
          type: "object",
          additionalProperties: false,
          required: ["card_index", "components"],
          properties: {
            card_index: { type: "integer", minimum: 0, maximum: 9 },
            components: { type: "array", items: { $ref: "#/components/schemas/TemplateComponent" } },
          },
        },
      },
    },
  };
  for (const name of [
    "TemplateMessage",
    "TemplateObject",
    "LanguageObject",
    "HeaderComponent",
    "BodyComponent",
    "ButtonComponent",
    "TextParameter",
    "CurrencyParameter",
    "DateTimeParameter",
    "ImageParameter",
    "VideoParameter",
    "DocumentParameter",
    "ButtonPayloadParameter",
    "ButtonTextParameter",
    "CouponCodeParameter",
    "FlowActionParameter",
  ]) {
    lastPart(schemas[name]!).additionalProperties = false;
  }
  return root;
}

let document: Schema | undefined;
const load = () => (document ??= overlay(parse(readFileSync(OPENAPI_PATH, "utf8")) as Schema));

/**
 * A validator for a named schema ("Message"), or for an operation's JSON request body
 * ({ path: "/{Version}/{WABA-ID}/message_templates", method: "post" }).
 */
export function openApiValidator(target: string | { path: string; method: string; content?: string }) {
  const root = load();
  const components = (normalisedComponents ??= normalise(root.components, root) as Schema);
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  let schema: Schema;
  if (typeof target === "string") {
    schema = { $ref: `#/components/schemas/${target}` };
  } else {
    const operation = ((root.paths as Schema)[target.path] as Schema)[target.method] as Schema;
    const body = ((operation.requestBody as Schema).content as Schema)[target.content ?? "application/json"] as Schema;
    schema = normalise(body.schema, root) as Schema;
  }
  // The components travel with the schema, so its "#/components/..." references resolve.
  const validate = ajv.compile({ ...schema, components });
  return (data: unknown) => {
    const ok = validate(data);
    // "must match then/else" only repeats the errors of the branch it took.
    const issues = ok ? [] : (validate.errors ?? []).filter((e) => e.keyword !== "if");
    return { ok, issues, errors: issues.map((e) => `${e.instancePath} ${e.message}`) };
  };
}
let normalisedComponents: Schema | undefined;

export type OpenApiIssue = ReturnType<ReturnType<typeof openApiValidator>>["issues"][number];

/**
 * The error the Cloud API gives for a body its contract does not allow, as Meta words it: an unknown key is
 * (#100) "Unexpected key", a missing one (#131008), a value of the wrong type, pattern, length or enum (#131009).
 */
export function metaErrorFor(issues: OpenApiIssue[]): {
  code: 100 | 131008 | 131009;
  message: string;
  details: string;
} {
  const where = (path: string) => (path ? path.slice(1).replaceAll("/", ".") : "body");
  const unexpected = issues.find((i) => i.keyword === "additionalProperties");
  if (unexpected) {
    const key = String((unexpected.params as { additionalProperty?: string }).additionalProperty);
    return {
      code: 100,
      message: "(#100) Invalid parameter",
      details: `Unexpected key "${key}" on param "${where(unexpected.instancePath)}".`,
    };
  }
  // Of the rest, the deepest problem: where alternatives (oneOf) were tried, the one that got furthest is the
  // one the caller meant ("at most 3 buttons" rather than "a list needs sections").
  const depth = (i: OpenApiIssue) => i.instancePath.split("/").length;
  const rest = issues.filter((i) => !["then", "else", "not", "oneOf", "anyOf"].includes(i.keyword));
  const deepest = Math.max(...rest.map(depth));
  const candidates = rest.filter((i) => depth(i) === deepest);
  const missing = candidates.find((i) => i.keyword === "required");
  if (missing) {
    const key = String((missing.params as { missingProperty?: string }).missingProperty);
    return {
      code: 131008,
      message: "(#131008) Required parameter is missing",
      details: `Parameter "${key}" is required in ${where(missing.instancePath)}.`,
    };
  }
  const first = candidates[0] ?? issues[0];
  return {
    code: 131009,
    message: "(#131009) Parameter value is not valid",
    details: `${where(first?.instancePath ?? "")}: ${first?.message ?? "invalid"}`,
  };
}
