// Public API consent: opt-ins and opt-outs recorded through recordConsentEvent, read back with their
// history, and refused where the rules say so (suppressed numbers, no proof, unknown lists, others' contacts).
import { beforeAll, describe, expect, it } from "vitest";
import { identityHash } from "@/lib/contacts/privacy";
import { db } from "@/lib/db/client";
import { createWorkspace } from "@/tests/factories";
import { apiKeyFor, callApi } from "@/tests/public-api";
import { GET as lists } from "../../../consent-lists/route";
import { GET as read, POST as record } from "./route";

let workspaceId: string;
let writer: string;
let reader: string;
let updates: { id: string };
let promos: { id: string };

beforeAll(async () => {
  const { workspace } = await createWorkspace(["ADMIN"]);
  workspaceId = workspace.id;
  writer = await apiKeyFor(workspaceId, ["consent:write"]);
  reader = await apiKeyFor(workspaceId, ["contacts:read"]);
  updates = await db.consentList.create({ data: { workspaceId, name: "Order updates", category: "UTILITY" } });
  promos = await db.consentList.create({ data: { workspaceId, name: "Promotions", category: "MARKETING" } });
});

let phoneSeq = 0;
const newContact = (ws = workspaceId) =>
  db.contact.create({ data: { workspaceId: ws, phone: `+3461130${String(++phoneSeq).padStart(4, "0")}` } });
const post = (id: string, body: unknown, key = writer) =>
  callApi(record, key, { path: `/contacts/${id}/consent`, params: { id }, body });
const get = (id: string, key = reader) => callApi(read, key, { path: `/contacts/${id}/consent`, params: { id } });

describe("POST and GET /contacts/{id}/consent", () => {
  it("records an opt-in then an opt-out, visible in the answer, in GET and in ContactConsent", async () => {
    const contact = await newContact();
    const optIn = await post(contact.id, {
      listId: updates.id,
      action: "opt_in",
      source: "web_form",
      proof: "Checkbox at checkout: send me order updates on WhatsApp",
      occurredAt: "2026-01-10T09:00:00Z",
    });
    expect(optIn.status).toBe(201);
    expect(optIn.body.lists).toEqual([
      {
        listId: updates.id,
        list: "Order updates",
        category: "UTILITY",
        optedIn: true,
        changedAt: "2026-01-10T09:00:00.000Z",
      },
    ]);
    expect(
      await db.contactConsent.findUnique({
        where: { contactId_consentListId: { contactId: contact.id, consentListId: updates.id } },
      }),
    ).toMatchObject({ optedIn: true });

    const optOut = await post(contact.id, { listId: updates.id, action: "opt_out", source: "phone" });
    expect(optOut.status).toBe(201);
    const state = await get(contact.id);
    expect(state.status).toBe(200);
    expect(state.body.lists).toEqual([expect.objectContaining({ listId: updates.id, optedIn: false })]);
    expect(state.body.history).toEqual([
      expect.objectContaining({
        listId: updates.id,
        list: "Order updates",
        action: "opt_out",
        source: "phone",
        proof: null,
      }),
      expect.objectContaining({
        action: "opt_in",
        source: "web_form",
        proof: "Checkbox at checkout: send me order updates on WhatsApp",
        occurredAt: "2026-01-10T09:00:00.000Z",
      }),
    ]);
    expect(
      await db.contactConsent.findUnique({
        where: { contactId_consentListId: { contactId: contact.id, consentListId: updates.id } },
      }),
    ).toMatchObject({ optedIn: false });
    const audit = await db.auditLog.findMany({
      where: { workspaceId, targetId: contact.id },
      orderBy: { id: "asc" },
      select: { action: true, details: true },
    });
    expect(audit.map((a) => a.action)).toEqual(["consent.opted_in", "consent.opted_out"]);
    expect(audit[0]!.details).toMatchObject({ via: "api", apiKey: writer.slice(0, 15) });
  });

  it("takes an opt-out without a list as leaving every marketing list", async () => {
    const contact = await newContact();
    await post(contact.id, {
      listId: promos.id,
      action: "opt_in",
      source: "sms",
      proof: "Replied YES to our SMS of 3 March",
    });
    await post(contact.id, {
      listId: updates.id,
      action: "opt_in",
      source: "sms",
      proof: "Replied YES to our SMS of 3 March",
    });
    const answer = await post(contact.id, { action: "opt_out", source: "chat" });
    expect(answer.status).toBe(201);
    const byList = Object.fromEntries(
      answer.body.lists.map((l: { list: string; optedIn: boolean }) => [l.list, l.optedIn]),
    );
    expect(byList).toEqual({ Promotions: false, "Order updates": true });
    expect(answer.body.history[0]).toMatchObject({ listId: null, action: "opt_out" });
  });

  it("refuses to opt in a number erased at the person's request", async () => {
    const contact = await newContact();
    await db.suppression.create({
      data: {
        workspaceId,
        identityHash: identityHash(workspaceId, contact.phone!),
        reason: "Erased at the person's request",
      },
    });
    const answer = await post(contact.id, {
      listId: updates.id,
      action: "opt_in",
      source: "web_form",
      proof: "Signed up again on the website",
    });
    expect(answer.status).toBe(422);
    expect(answer.body.detail).toMatch(/erased at the person's request/);
    expect(await db.consentEvent.count({ where: { workspaceId, contactId: contact.id } })).toBe(0);
    expect(await db.contactConsent.count({ where: { contactId: contact.id } })).toBe(0);
    // Leaving is always allowed.
    expect((await post(contact.id, { listId: updates.id, action: "opt_out", source: "web_form" })).status).toBe(201);
  });

  it("refuses an opt-in without proof or list, an unknown list and a time in the future, with field errors", async () => {
    const contact = await newContact();
    const bare = await post(contact.id, { action: "opt_in", source: "web_form" });
    expect(bare.status).toBe(422);
    expect(bare.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(["listId", "proof"]);

    const unknown = await post(contact.id, {
      listId: "cm0000000000000000000000",
      action: "opt_out",
      source: "web_form",
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([{ field: "listId", message: expect.stringMatching(/No consent list/) }]);

    const future = await post(contact.id, {
      listId: updates.id,
      action: "opt_out",
      source: "web_form",
      occurredAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(future.status).toBe(422);
    expect(future.body.errors).toEqual([{ field: "occurredAt", message: "This time is in the future." }]);
    expect(await db.consentEvent.count({ where: { workspaceId, contactId: contact.id } })).toBe(0);
  });

  it("answers 404 for another workspace's contact or list, and 403 without the scope", async () => {
    const other = await createWorkspace(["ADMIN"]);
    const theirs = await newContact(other.workspace.id);
    expect((await post(theirs.id, { action: "opt_out", source: "web_form" })).status).toBe(404);
    expect((await get(theirs.id)).status).toBe(404);
    expect(await db.consentEvent.count({ where: { contactId: theirs.id } })).toBe(0);

    const theirList = await db.consentList.create({
      data: { workspaceId: other.workspace.id, name: "Theirs", category: "UTILITY" },
    });
    const mine = await newContact();
    const answer = await post(mine.id, {
      listId: theirList.id,
      action: "opt_in",
      source: "web_form",
      proof: "Checkbox on the form",
    });
    expect(answer.status).toBe(422);

    const denied = await post(mine.id, { action: "opt_out", source: "web_form" }, reader);
    expect(denied.status).toBe(403);
    expect(denied.body.scope).toBe("consent:write");
  });

  it("lists the workspace's consent lists", async () => {
    const answer = await callApi(lists, reader, { path: "/consent-lists" });
    expect(answer.status).toBe(200);
    expect(answer.body.data.map((l: { name: string; category: string }) => [l.name, l.category])).toEqual([
      ["Order updates", "UTILITY"],
      ["Promotions", "MARKETING"],
    ]);
  });
});
