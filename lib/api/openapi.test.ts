// The OpenAPI document generated from the operations: valid OpenAPI 3.1 (checked against the OpenAPI
// Initiative's own JSON Schema for 3.1 documents), every operation in it with its scope and schemas, and
// every route under the public prefix listed in ALL_OPERATIONS.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { buildOpenApiDocument } from "./openapi";
import { defineOperation, type Operation } from "./operation";
import { ALL_OPERATIONS } from "./operations";

// https://spec.openapis.org/oas/3.1/schema/2022-10-07 (Apache-2.0), as published by the OpenAPI Initiative.
// Ajv resolves its "$dynamicRef": "#meta" wrongly; in this schema it stands for "#/$defs/schema" only.
const oasSchema = JSON.parse(
  readFileSync(path.join(import.meta.dirname, "testdata/openapi-3.1.schema.json"), "utf8").replaceAll(
    '"$dynamicRef": "#meta"',
    '"$ref": "#/$defs/schema"',
  ),
);

type Doc = ReturnType<typeof buildOpenApiDocument>;
type Json = Record<string, unknown>;

function validateDocument(doc: Doc) {
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  const validate = ajv.compile(oasSchema);
  const ok = validate(doc);
  return ok ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** Every schema in the document compiles as JSON Schema 2020-12 (OpenAPI 3.1's dialect), refs resolved. */
function compileEverySchema(doc: Doc) {
  const ajv = new Ajv2020({ strict: false, validateFormats: false });
  ajv.addSchema({ $id: "doc", ...JSON.parse(JSON.stringify(doc)) } as never);
  const problems: string[] = [];
  const visit = (node: unknown, pointer: string) => {
    if (!node || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      const here = `${pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`;
      if (key === "schema" && value && typeof value === "object") {
        try {
          ajv.compile({ $ref: `doc#${here}` });
        } catch (error) {
          problems.push(`${here}: ${(error as Error).message}`);
        }
      } else visit(value, here);
    }
  };
  visit(doc.paths, "/paths");
  visit(doc.components?.responses, "/components/responses");
  return problems;
}

const sample: Operation[] = [
  defineOperation({
    id: "getSample",
    method: "GET",
    path: "/samples/{id}",
    scope: "contacts:read",
    tag: "Samples",
    summary: "Read a sample",
    params: z.object({ id: z.string().meta({ description: "The sample's id" }) }),
    query: z.object({ expand: z.enum(["events"]).optional() }),
    response: z.object({ id: z.string(), createdAt: z.date() }),
  }),
  defineOperation({
    id: "sendSample",
    method: "POST",
    path: "/samples",
    scope: "messages:send",
    tag: "Samples",
    summary: "Send a sample",
    idempotent: true,
    status: 202,
    body: z.object({ to: z.string().meta({ example: "+447400900123" }), count: z.int().optional() }),
    response: z.object({ id: z.string() }),
  }),
];

describe("the OpenAPI document", () => {
  it("of every operation is valid OpenAPI 3.1 whose schemas all compile", () => {
    const doc = buildOpenApiDocument("https://parley.example.com", ALL_OPERATIONS);
    expect(doc.openapi).toBe("3.1.0");
    expect(validateDocument(doc)).toEqual([]);
    expect(compileEverySchema(doc)).toEqual([]);
    expect(doc.servers).toEqual([{ url: "https://parley.example.com/api/public/v1", description: "This Parley" }]);
    expect(doc.components?.securitySchemes?.apiKey).toMatchObject({ type: "http", scheme: "bearer" });
  });

  it("lists every operation once, with its scope, parameters, body and answer", () => {
    const doc = buildOpenApiDocument("https://parley.example.com", ALL_OPERATIONS);
    const ids = Object.values(doc.paths ?? {}).flatMap((item) =>
      Object.values(item as Json).map((op) => (op as Json).operationId),
    );
    expect(ids.sort()).toEqual(ALL_OPERATIONS.map((op) => op.id).sort());
    for (const op of ALL_OPERATIONS) {
      const found = (doc.paths?.[op.path] as Json | undefined)?.[op.method.toLowerCase()] as Json | undefined;
      expect(found, op.id).toBeDefined();
      expect(found!["x-scopes"], op.id).toEqual([op.scope]);
      expect(found!.description, op.id).toContain(`\`${op.scope}\``);
      expect(found!.security, op.id).toEqual([{ apiKey: [op.scope] }]);
      const responses = found!.responses as Json;
      expect(responses[String(op.status ?? 200)], op.id).toMatchObject({
        content: { "application/json": { schema: expect.anything() } },
      });
      for (const status of ["401", "403", "429", "500"]) expect(responses[status], `${op.id} ${status}`).toBeDefined();
      if (op.body)
        expect(found!.requestBody, op.id).toMatchObject({
          content: { "application/json": { schema: expect.anything() } },
        });
      const params = (found!.parameters ?? []) as { in: string; name: string }[];
      for (const name of Object.keys((op.params as z.ZodObject | undefined)?.shape ?? {}))
        expect(params, `${op.id} path ${name}`).toContainEqual(expect.objectContaining({ in: "path", name }));
      for (const name of Object.keys((op.query as z.ZodObject | undefined)?.shape ?? {}))
        expect(params, `${op.id} query ${name}`).toContainEqual(expect.objectContaining({ in: "query", name }));
      expect(
        params.some((p) => p.in === "header" && p.name === "Idempotency-Key"),
        op.id,
      ).toBe(Boolean(op.idempotent));
    }
  });

  it("describes the errors each kind of operation can answer, as shared problem+json responses", () => {
    const doc = buildOpenApiDocument("http://localhost:3000", sample);
    expect(validateDocument(doc)).toEqual([]);
    expect(compileEverySchema(doc)).toEqual([]);
    const get = (doc.paths?.["/samples/{id}"] as Json).get as Json;
    const post = (doc.paths?.["/samples"] as Json).post as Json;
    expect(Object.keys(get.responses as Json)).toEqual(["200", "401", "403", "404", "422", "429", "500"]);
    expect(Object.keys(post.responses as Json)).toEqual([
      "202",
      "400",
      "401",
      "403",
      "409",
      "413",
      "415",
      "422",
      "429",
      "500",
    ]);
    expect((post.responses as Json)["422"]).toEqual({ $ref: "#/components/responses/ValidationFailed" });
    expect(post.parameters).toContainEqual(expect.objectContaining({ in: "header", name: "Idempotency-Key" }));
    expect(post.requestBody).toMatchObject({
      content: { "application/json": { schema: { properties: { to: { type: "string", example: "+447400900123" } } } } },
    });
    // Dates leave as ISO strings.
    expect((get.responses as Json)["200"]).toMatchObject({
      content: {
        "application/json": { schema: { properties: { createdAt: { type: "string", format: "date-time" } } } },
      },
    });

    const limited = doc.components?.responses?.RateLimited as Json;
    expect(Object.keys(limited.headers as Json)).toEqual([
      "Retry-After",
      "RateLimit-Limit",
      "RateLimit-Remaining",
      "RateLimit-Reset",
    ]);
    expect(limited.content).toMatchObject({
      "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } },
    });
    expect(doc.components?.schemas?.Problem).toMatchObject({ required: ["type", "title", "status", "detail"] });
  });

  it("refuses two operations on one method and path", () => {
    expect(() => buildOpenApiDocument("http://localhost:3000", [sample[0]!, { ...sample[0]!, id: "again" }])).toThrow(
      /Two operations for GET \/samples\/\{id\}/,
    );
  });
});

describe("ALL_OPERATIONS", () => {
  it("lists the operation of every public API route, so the documentation misses none", () => {
    const root = path.resolve(import.meta.dirname, "../../app/api/public/v1");
    const routes: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name === "route.ts") {
          const route =
            "/" +
            path
              .relative(root, dir)
              .split(path.sep)
              .map((s) => s.replace(/^\[(.+)\]$/, "{$1}"))
              .join("/");
          if (route === "/openapi.json") continue; // the document itself
          for (const [, method] of readFileSync(full, "utf8").matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g))
            routes.push(`${method} ${route.replace(/\/$/, "")}`);
        }
      }
    };
    walk(root);
    const documented = new Set(ALL_OPERATIONS.map((op) => `${op.method} ${op.path}`));
    expect(routes.filter((r) => !documented.has(r))).toEqual([]);
  });
});
