// The public API's one wrapper, as a caller sees it: keys (missing, malformed, unknown, revoked, expired),
// scopes, another workspace's ids, and bad input answered as problem JSON with field errors, never a 500.
// Test-only operations go through apiRoute itself; the workspace check uses the real contact route.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { GET as getContactRoute } from "./contacts/[id]/route";
import { ApiProblem, apiRoute, MAX_BODY_BYTES } from "@/lib/api/handler";
import { createApiKey, revokeApiKey } from "@/lib/api/keys";
import { defineOperation } from "@/lib/api/operation";
import type { ApiScope } from "@/lib/api/scopes";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { createWorkspace } from "@/tests/factories";

const readThingOp = defineOperation({
  id: "testReadThing",
  method: "GET",
  path: "/things/{id}",
  scope: "contacts:read",
  tag: "Test",
  summary: "Read a thing",
  params: z.object({ id: z.string().regex(/^[a-z0-9]{1,30}$/) }),
  query: z.object({ limit: z.coerce.number().int().min(1).max(10).optional() }),
  response: z.object({ id: z.string(), workspaceId: z.string() }),
});

const writeThingOp = defineOperation({
  id: "testWriteThing",
  method: "POST",
  path: "/things",
  scope: "contacts:write",
  tag: "Test",
  summary: "Write a thing",
  status: 201,
  body: z.object({
    name: z.string().min(1).max(50),
    items: z.array(z.object({ phone: z.string().regex(/^\+\d{8,15}$/, { message: "Enter an E.164 number." }) })).max(5),
  }),
  response: z.object({ saved: z.number() }),
});

const readThing = apiRoute(readThingOp, async ({ caller, params }) => {
  if (params.id === "missing") throw new NotFoundError("contact");
  if (params.id === "gone") throw new ApiProblem(410, "That thing is gone.", "gone");
  if (params.id === "boom") throw new Error("a bug");
  return { id: params.id, workspaceId: caller.workspaceId };
});
const writeThing = apiRoute(writeThingOp, async ({ body }) => ({ saved: body.items.length }));

const URL_BASE = "http://localhost/api/public/v1";
type Route = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

function call(
  route: Route,
  init: {
    path?: string;
    key?: string | null;
    authorization?: string;
    params?: Record<string, string>;
    method?: string;
    body?: BodyInit;
    contentType?: string;
  } = {},
) {
  const headers = new Headers();
  if (init.authorization !== undefined) headers.set("authorization", init.authorization);
  else if (init.key) headers.set("authorization", `Bearer ${init.key}`);
  if (init.contentType) headers.set("content-type", init.contentType);
  const request = new Request(`${URL_BASE}${init.path ?? "/things/abc"}`, {
    method: init.method ?? "GET",
    headers,
    body: init.body,
    duplex: "half",
  } as RequestInit);
  return route(request, { params: Promise.resolve(init.params ?? { id: "abc" }) });
}

const postRaw = (key: string, raw: BodyInit, contentType = "application/json") =>
  call(writeThing as Route, { path: "/things", key, method: "POST", params: {}, body: raw, contentType });
const post = (key: string, body: unknown, contentType?: string) => postRaw(key, JSON.stringify(body), contentType);

async function keyFor(scopes: ApiScope[], expiresAt: Date | null = null) {
  const { workspace, users } = await createWorkspace(["ADMIN"]);
  const created = await createApiKey(workspace.id, users.ADMIN.id, { name: "Test key", scopes, expiresAt });
  return { workspaceId: workspace.id, ...created };
}

async function problemOf(response: Response) {
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const body = await response.json();
  expect(body).toMatchObject({
    status: response.status,
    title: expect.any(String),
    detail: expect.any(String),
    type: expect.stringMatching(/^https:\/\//),
  });
  return body as { code: string; detail: string; errors?: { field: string; message: string }[]; scope?: string };
}

const denials = (workspaceId: string, keyId: string) =>
  db.auditLog.findMany({
    where: { workspaceId, action: "api_key.use_denied", targetId: keyId },
    orderBy: { id: "asc" },
    select: { details: true, actorId: true },
  });

describe("API keys", () => {
  it("answer a call without a key, or with a malformed or unknown one, with 401 problem JSON", async () => {
    const { key, prefix } = await keyFor(["contacts:read"]);
    const cases: [string | undefined, string][] = [
      [undefined, "key_missing"],
      ["Basic dXNlcjpwYXNz", "key_malformed"],
      ["Bearer ", "key_malformed"],
      ["Bearer not-a-parley-key", "key_malformed"],
      [`Bearer ${key}x`, "key_malformed"],
      [`Bearer ${prefix}_${"A".repeat(43)}`, "key_unknown"], // a known prefix with the wrong secret
      [`Bearer pk_${"z".repeat(12)}_${"A".repeat(43)}`, "key_unknown"],
    ];
    for (const [authorization, code] of cases) {
      const response = await call(readThing as Route, authorization === undefined ? {} : { authorization });
      expect([authorization, response.status]).toEqual([authorization, 401]);
      expect(response.headers.get("www-authenticate")).toBe('Bearer realm="parley"');
      expect((await problemOf(response)).code).toBe(code);
    }
  });

  it("work for their workspace, and a revoke takes effect on the very next call, audited", async () => {
    const { key, id, workspaceId } = await keyFor(["contacts:read"]);
    const ok = await call(readThing as Route, { key });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ id: "abc", workspaceId });
    expect(ok.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);

    await revokeApiKey(workspaceId, null, id);
    const refused = await call(readThing as Route, { key });
    expect(refused.status).toBe(401);
    const problem = await problemOf(refused);
    expect(problem.code).toBe("key_revoked");
    expect(problem.detail).toMatch(/revoked/);
    expect(await denials(workspaceId, id)).toEqual([
      { actorId: null, details: { reason: "revoked", operation: "testReadThing" } },
    ]);
  });

  it("refuse an expired key, audited", async () => {
    const { key, id, workspaceId } = await keyFor(["contacts:read"], new Date(Date.now() - 1000));
    const response = await call(readThing as Route, { key });
    expect(response.status).toBe(401);
    expect((await problemOf(response)).code).toBe("key_expired");
    expect(await denials(workspaceId, id)).toEqual([
      { actorId: null, details: { reason: "expired", operation: "testReadThing" } },
    ]);
  });

  it("record when a key was last used", async () => {
    const { key, id } = await keyFor(["contacts:read"]);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt).toBeNull();
    expect((await call(readThing as Route, { key })).status).toBe(200);
    // The write is not awaited by the call: wait for it, bounded.
    await expect
      .poll(async () => (await db.apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt, { timeout: 5000 })
      .not.toBeNull();
  });
});

describe("scopes", () => {
  it("refuse a key without the operation's scope with 403 naming it, audited", async () => {
    const { key, id, workspaceId } = await keyFor(["contacts:write", "messages:send"]);
    const response = await call(readThing as Route, { key });
    expect(response.status).toBe(403);
    const problem = await problemOf(response);
    expect(problem).toMatchObject({ code: "missing_scope", scope: "contacts:read" });
    expect(problem.detail).toContain('"contacts:read"');
    expect(await denials(workspaceId, id)).toEqual([
      { actorId: null, details: { reason: "missing_scope", scope: "contacts:read", operation: "testReadThing" } },
    ]);
    // The same key does what its scopes allow.
    expect((await post(key, { name: "x", items: [] })).status).toBe(201);
  });
});

describe("workspaces", () => {
  it("a key of one workspace cannot read another workspace's contact: 404, as for an unknown id", async () => {
    const a = await keyFor(["contacts:read"]);
    const b = await keyFor(["contacts:read"]);
    const theirs = await db.contact.create({
      data: { workspaceId: b.workspaceId, phone: "+447700900123", name: "Bea" },
    });
    const read = (key: string, id: string) =>
      call(getContactRoute as Route, { path: `/contacts/${id}`, key, params: { id } });

    const own = await read(b.key, theirs.id);
    expect(own.status).toBe(200);
    expect(await own.json()).toMatchObject({ id: theirs.id, phone: "+447700900123" });

    const other = await read(a.key, theirs.id);
    expect(other.status).toBe(404);
    const unknown = await read(a.key, "cm0000000000000000000000a");
    expect(unknown.status).toBe(404);
    // Nothing in the answer tells the two apart.
    const [otherBody, unknownBody] = [await problemOf(other), await problemOf(unknown)];
    expect(otherBody.detail).toBe(unknownBody.detail);
    expect(otherBody.code).toBe(unknownBody.code);
  });
});

describe("bad input", () => {
  it("a body that is not JSON is 415, broken JSON 400, too large 413", async () => {
    const { key } = await keyFor(["contacts:write"]);
    const wrongType = await post(key, { name: "x", items: [] }, "text/plain");
    expect(wrongType.status).toBe(415);
    expect((await problemOf(wrongType)).code).toBe("unsupported_media_type");
    const noType = await call(writeThing as Route, { path: "/things", key, method: "POST", params: {}, body: "{}" });
    expect([noType.status, noType.headers.get("content-type")]).toEqual([415, "application/problem+json"]);

    const broken = await postRaw(key, '{"name": "x", ');
    expect(broken.status).toBe(400);
    expect((await problemOf(broken)).code).toBe("invalid_json");

    const large = await post(key, { name: "x", items: [], pad: "a".repeat(MAX_BODY_BYTES) });
    expect(large.status).toBe(413);
    expect((await problemOf(large)).code).toBe("body_too_large");
    // A large body sent in chunks, without a Content-Length, is cut off too.
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        const chunk = new TextEncoder().encode("a".repeat(64 * 1024));
        controller.enqueue(new TextEncoder().encode('{"pad":"'));
        for (let i = 0; i < 20; i++) controller.enqueue(chunk);
        controller.close();
      },
    });
    const streamed = await call(writeThing as Route, {
      path: "/things",
      key,
      method: "POST",
      params: {},
      body: chunks,
      contentType: "application/json",
    });
    expect(streamed.status).toBe(413);
  });

  it("a body that fails the schema is 422 with every refused field's path", async () => {
    const { key } = await keyFor(["contacts:write"]);
    const response = await post(key, { name: "", items: [{ phone: "+447700900123" }, { phone: "07700 900123" }] });
    expect(response.status).toBe(422);
    const problem = await problemOf(response);
    expect(problem.code).toBe("validation");
    expect(problem.errors).toEqual([
      { field: "name", message: expect.any(String) },
      { field: "items.1.phone", message: "Enter an E.164 number." },
    ]);
    expect(problem.detail).toMatch(/^The request is not valid: name: /);

    const nul = await post(key, { name: "a\u0000b", items: [] });
    expect(nul.status).toBe(422);
    expect((await problemOf(nul)).errors).toEqual([{ field: "name", message: expect.stringMatching(/NUL/) }]);
  });

  it("a bad query is 422 naming query.<field>; a bad or unknown path id is 404", async () => {
    const { key } = await keyFor(["contacts:read"]);
    const query = await call(readThing as Route, { path: "/things/abc?limit=500", key });
    expect(query.status).toBe(422);
    expect((await problemOf(query)).errors).toEqual([{ field: "query.limit", message: expect.any(String) }]);
    for (const id of ["../../etc", "a\u0000b", "missing"]) {
      const response = await call(readThing as Route, { path: "/things/x", key, params: { id } });
      expect([id, response.status]).toEqual([id, 404]);
      const problem = await problemOf(response);
      // Machines read the English sentence.
      if (id === "missing") expect(problem.detail).toBe("That contact was not found.");
    }
    const gone = await call(readThing as Route, { key, params: { id: "gone" } });
    expect([gone.status, (await problemOf(gone)).code]).toEqual([410, "gone"]);
  });

  it("a fault in Parley is 500 problem JSON with a reference, and nothing a caller sends gets one", async () => {
    const { key } = await keyFor(["contacts:read", "contacts:write"]);
    const fault = await call(readThing as Route, { key, params: { id: "boom" } });
    expect(fault.status).toBe(500);
    const problem = await problemOf(fault);
    expect(problem.detail).toContain(fault.headers.get("x-request-id")!);
    expect(problem.detail).not.toContain("a bug");

    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (body) => {
        const response = await post(key, body);
        expect([201, 422]).toContain(response.status);
      }),
      { numRuns: 40 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), fc.string({ maxLength: 50 }), async (raw, id) => {
        const body = await postRaw(key, raw);
        expect(body.status).toBeLessThan(500);
        const read = await call(readThing as Route, {
          path: `/things/x?limit=${encodeURIComponent(raw)}`,
          key,
          params: { id },
        });
        expect(read.status).toBeLessThan(500);
      }),
      { numRuns: 40 },
    );
  });
});
