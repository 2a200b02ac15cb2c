// Public API contacts: upsert by phone or WhatsApp user id (one and a batch), read, list with a cursor; every call made with a
// real API key of the test's own workspace.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { identityHash } from "@/lib/contacts/privacy";
import { createWorkspace } from "@/tests/factories";
import { apiKeyFor, callApi } from "@/tests/public-api";
import { POST as batch } from "./batch/route";
import { GET as getOne } from "./[id]/route";
import { GET as list, PUT as upsert } from "./route";

let workspaceId: string;
let writer: string;
let reader: string;

beforeAll(async () => {
  const { workspace } = await createWorkspace(["ADMIN"]);
  workspaceId = workspace.id;
  await db.workspace.update({ where: { id: workspaceId }, data: { defaultCountry: "ES" } });
  writer = await apiKeyFor(workspaceId, ["contacts:write"]);
  reader = await apiKeyFor(workspaceId, ["contacts:read"]);
});

const put = (body: unknown, key = writer) => callApi(upsert, key, { method: "PUT", path: "/contacts", body });

describe("PUT /contacts", () => {
  it("creates a contact from a national number, then updates only the fields given", async () => {
    const first = await put({
      phone: "610 00 00 01",
      name: "Lucía",
      locale: "es-es",
      timeZone: "europe/madrid",
      attributes: { tier: "gold", orders: 3, vip: true },
      tags: ["VIP", "newsletter"],
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      created: true,
      contact: {
        phone: "+34610000001",
        name: "Lucía",
        locale: "es_ES",
        timeZone: "Europe/Madrid",
        attributes: { tier: "gold", orders: 3, vip: true },
        tags: ["vip", "newsletter"],
        consent: [],
      },
    });
    const id = first.body.contact.id;

    const second = await put({
      phone: "+34 610 000 001",
      attributes: { orders: 4, vip: null },
      addTags: ["buyer"],
      removeTags: ["newsletter"],
    });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({
      created: false,
      contact: {
        id,
        name: "Lucía",
        locale: "es_ES",
        timeZone: "Europe/Madrid",
        attributes: { tier: "gold", orders: 4 },
        tags: ["vip", "buyer"],
      },
    });
    expect(second.body.contact.attributes).not.toHaveProperty("vip");

    const third = await put({ phone: "+34610000001", name: null, tags: [] });
    expect(third.body.contact).toMatchObject({ id, name: null, tags: [] });
    expect(await db.contact.count({ where: { workspaceId, phone: "+34610000001" } })).toBe(1);
  });

  it("refuses an unparseable phone and an unknown time zone with field errors", async () => {
    const bad = await put({ phone: "12", timeZone: "Europe/Madrid" });
    expect(bad.status).toBe(422);
    expect(bad.headers.get("content-type")).toBe("application/problem+json");
    expect(bad.body.errors).toEqual([{ field: "phone", message: expect.stringMatching(/^12 is not a phone number/) }]);

    const zone = await put({ phone: "+34610000002", timeZone: "Mars/Olympus", attributes: { "1bad": "x" } });
    expect(zone.status).toBe(422);
    expect(zone.body.errors).toEqual(
      expect.arrayContaining([
        { field: "timeZone", message: expect.stringMatching(/not an IANA time zone/) },
        { field: "attributes.1bad", message: expect.stringMatching(/attribute name/) },
      ]),
    );
    expect(await db.contact.count({ where: { workspaceId, phone: "+34610000002" } })).toBe(0);
  });

  it("refuses a number erased at the person's request", async () => {
    await db.suppression.create({
      data: { workspaceId, identityHash: identityHash(workspaceId, "+34610000099"), reason: "test" },
    });
    const answer = await put({ phone: "610000099", name: "Back again" });
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual([
      { field: "phone", message: expect.stringMatching(/erased at the person's request/) },
    ]);
    expect(await db.contact.count({ where: { workspaceId, phone: "+34610000099" } })).toBe(0);
  });

  it("creates and updates a person known by their WhatsApp user id alone, and adds a BSUID to a known phone", async () => {
    const first = await put({ bsuid: "ES.7100000000000000001", username: "@lucia.g", name: "Lucía" });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      created: true,
      contact: { phone: null, bsuid: "ES.7100000000000000001", username: "lucia.g", name: "Lucía" },
    });
    const again = await put({ bsuid: "ES.7100000000000000001", addTags: ["vip"] });
    expect(again.body).toMatchObject({ created: false, contact: { id: first.body.contact.id, tags: ["vip"] } });

    await put({ phone: "+34610000070" });
    const filled = await put({ phone: "+34610000070", bsuid: "ES.7100000000000000002" });
    expect(filled.body).toMatchObject({ created: false, contact: { bsuid: "ES.7100000000000000002" } });
    // A BSUID another contact holds stays with it.
    const taken = await put({ phone: "+34610000071", bsuid: "ES.7100000000000000001" });
    expect(taken.body).toMatchObject({ created: true, contact: { phone: "+34610000071", bsuid: null } });

    const found = await callApi(list, reader, { path: "/contacts?bsuid=ES.7100000000000000001" });
    expect(found.body.data.map((c: { id: string }) => c.id)).toEqual([first.body.contact.id]);
  });

  it("refuses a contact with neither a phone nor a WhatsApp user id, a malformed one, and an erased one", async () => {
    const none = await put({ name: "Nobody" });
    expect(none.status).toBe(422);
    expect(none.body.errors).toEqual([
      { field: "phone", message: expect.stringMatching(/phone number or its WhatsApp user id/) },
    ]);
    const malformed = await put({ bsuid: "13491208655302741918" });
    expect(malformed.body.errors).toEqual([{ field: "bsuid", message: expect.stringMatching(/looks like US\./) }]);
    await db.suppression.create({
      data: { workspaceId, identityHash: identityHash(workspaceId, "ES.7100000000000000099"), reason: "test" },
    });
    const erased = await put({ bsuid: "ES.7100000000000000099" });
    expect(erased.body.errors).toEqual([
      { field: "bsuid", message: expect.stringMatching(/erased at the person's request/) },
    ]);
    expect(await db.contact.count({ where: { workspaceId, bsuid: "ES.7100000000000000099" } })).toBe(0);
  });

  it("needs the contacts:write scope", async () => {
    const answer = await put({ phone: "+34610000003" }, reader);
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ code: "missing_scope", scope: "contacts:write" });
  });
});

describe("POST /contacts/batch", () => {
  it("saves the good items and names each bad one by its index", async () => {
    await put({ phone: "+34610100000", name: "Existing", tags: ["old"] });
    const answer = await callApi(batch, writer, {
      path: "/contacts/batch",
      body: {
        contacts: [
          { phone: "+34610100001", name: "One" },
          { phone: "not a number" },
          { phone: "+34610100000", addTags: ["new"] },
          { phone: "610100001", name: "Repeat" },
          { phone: "+34610100004", timeZone: "Nowhere/Town" },
          { phone: "+34610100005", locale: "pt-br", attributes: { plan: "pro" } },
        ],
      },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ created: 2, updated: 1, failed: 3 });
    const results = answer.body.results;
    expect(results.map((r: { index: number }) => r.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(results[0]).toMatchObject({ created: true, id: expect.any(String) });
    expect(results[1].errors).toEqual([{ field: "phone", message: expect.stringMatching(/not a phone number/) }]);
    expect(results[2]).toMatchObject({ created: false, id: expect.any(String) });
    expect(results[3].errors).toEqual([{ field: "phone", message: expect.stringMatching(/as item 0/) }]);
    expect(results[4].errors).toEqual([{ field: "timeZone", message: expect.stringMatching(/not an IANA time zone/) }]);
    expect(results[5]).toMatchObject({ created: true });

    const saved = await db.contact.findMany({
      where: { workspaceId, phone: { startsWith: "+3461010" } },
      orderBy: { phone: "asc" },
      select: { phone: true, name: true, tags: true, locale: true, attributes: true },
    });
    expect(saved).toEqual([
      { phone: "+34610100000", name: "Existing", tags: ["old", "new"], locale: null, attributes: {} },
      { phone: "+34610100001", name: "One", tags: [], locale: null, attributes: {} },
      { phone: "+34610100005", name: null, tags: [], locale: "pt_BR", attributes: { plan: "pro" } },
    ]);
  });

  it("takes a thousand contacts in one call", async () => {
    const contacts = Array.from({ length: 1000 }, (_, i) => ({
      phone: `+3462${String(i).padStart(7, "0")}`,
      attributes: { n: i },
    }));
    const answer = await callApi(batch, writer, { path: "/contacts/batch", body: { contacts } });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ created: 1000, updated: 0, failed: 0 });
    const again = await callApi(batch, writer, {
      path: "/contacts/batch",
      body: { contacts: [...contacts, { phone: "+34629999999" }] },
    });
    expect(again.status).toBe(422);
    expect(again.body.errors).toEqual([{ field: "contacts", message: "At most 1000 contacts per call." }]);
  });
});

describe("GET /contacts and /contacts/{id}", () => {
  it("pages through every contact once, in a stable order", async () => {
    const { workspace } = await createWorkspace(["ADMIN"]);
    const write = await apiKeyFor(workspace.id, ["contacts:write"]);
    const read = await apiKeyFor(workspace.id, ["contacts:read"]);
    const contacts = Array.from({ length: 23 }, (_, i) => ({
      phone: `+346300001${String(i).padStart(2, "0")}`,
      tags: i % 2 ? ["odd"] : [],
    }));
    expect((await callApi(batch, write, { path: "/contacts/batch", body: { contacts } })).body.created).toBe(23);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { status: number; body: { data: { phone: string }[]; nextCursor: string | null } } = await callApi(
        list,
        read,
        {
          path: `/contacts?limit=5${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
        },
      );
      expect(page.status).toBe(200);
      expect(page.body.data.length).toBeLessThanOrEqual(5);
      seen.push(...page.body.data.map((c) => c.phone));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(5);
    expect(seen).toHaveLength(23);
    expect(new Set(seen)).toEqual(new Set(contacts.map((c) => c.phone)));

    const odd = await callApi(list, read, { path: "/contacts?tag=odd&limit=200" });
    expect(odd.body.data).toHaveLength(11);
    const one = await callApi(list, read, { path: `/contacts?phone=${encodeURIComponent("+34 630 000 105")}` });
    expect(one.body.data.map((c: { phone: string }) => c.phone)).toEqual(["+34630000105"]);

    expect((await callApi(list, read, { path: "/contacts?limit=201" })).status).toBe(422);
    const junk = await callApi(list, read, { path: "/contacts?cursor=bm9wZQ" });
    expect(junk.status).toBe(422);
    expect(junk.body.errors).toEqual([{ field: "query.cursor", message: expect.any(String) }]);
  });

  it("reads a contact of its own workspace, and answers 404 for another workspace's", async () => {
    const mine = await put({ phone: "+34610200001", name: "Mine" });
    const found = await callApi(getOne, reader, {
      path: `/contacts/${mine.body.contact.id}`,
      params: { id: mine.body.contact.id },
    });
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ id: mine.body.contact.id, phone: "+34610200001", name: "Mine" });

    const other = await createWorkspace(["ADMIN"]);
    const theirs = await db.contact.create({ data: { workspaceId: other.workspace.id, phone: "+34610200002" } });
    const hidden = await callApi(getOne, reader, { path: `/contacts/${theirs.id}`, params: { id: theirs.id } });
    expect(hidden.status).toBe(404);
    const listed = await callApi(list, reader, { path: "/contacts?phone=%2B34610200002" });
    expect(listed.body.data).toEqual([]);
  });
});
