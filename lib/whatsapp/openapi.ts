// Meta's OpenAPI description (tests/whatsapp-reference/meta-openapi-v23.yaml) as a validator for the requests
// Parley builds. Its schemas combine a base with allOf and forbid extra properties in each part, which
// JSON Schema reads as "no properties at all": parts are merged before compiling.
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
  delete schema.discriminator;
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
    return { ...normalise(schema, root) as Schema, ...merged };
  }
  for (const [key, value] of Object.entries(schema)) schema[key] = normalise(value, root);
  return schema;
}

let document: Schema | undefined;
const load = () => (document ??= parse(readFileSync(OPENAPI_PATH, "utf8")) as Schema);

/**
 * A validator for a named schema ("Message"), or for an operation's JSON request body
 * ({ path: "/{Version}/{WABA-ID}/message_templates", method: "post" }).
 */
export function openApiValidator(target: string | { path: string; method: string }) {
  const root = load();
  const components = normalise(root.components, root) as Schema;
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  let schema: Schema;
  if (typeof target === "string") {
    schema = { $ref: `#/components/schemas/${target}` };
  } else {
    const operation = ((root.paths as Schema)[target.path] as Schema)[target.method] as Schema;
    const body = ((operation.requestBody as Schema).content as Schema)["application/json"] as Schema;
    schema = normalise(body.schema, root) as Schema;
  }
  // The components travel with the schema, so its "#/components/..." references resolve.
  const validate = ajv.compile({ ...schema, components });
  return (data: unknown) => {
    const ok = validate(data);
    return { ok, errors: ok ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`) };
  };
}
