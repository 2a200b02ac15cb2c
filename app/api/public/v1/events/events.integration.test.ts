// Public API events: stored in ContactEvent for journeys, for a contact named by id or phone (created when
// new, unless told not to or suppressed); a batch answers each event on its own.
import { beforeAll, describe, expect, it } from "vitest";
import { identityHash } from "@/lib/contacts/privacy";
import { db } from "@/lib/db/client";
import { createWorkspace } from "@/tests/factories";
import { apiKeyFor, callApi } from "@/tests/public-api";
import { POST as batch } from "./batch/route";
import { POST as record } from "./route";

let workspaceId: string;
let key: string;

beforeAll(async () => {
  const { workspace } = await createWorkspace(["ADMIN"]);
  workspaceId = workspace.id;
  key = await apiKeyFor(workspaceId, ["events:write"]);
});

describe("POST /events", () => {
  it("stores an event for a contact named by id, with its properties and time", async () => {
    const contact = await db.contact.create({ data: { workspaceId, phone: "+12025550101" } });
    const answer = await callApi(record, key, {
      path: "/events",
      body: {
        name: "order.shipped",
        contact: { id: contact.id },
        properties: { orderId: "10423", items: [{ sku: "A1", qty: 2 }] },
        occurredAt: "2026-11-20T10:15:00+01:00",
      },
    });
    expect(answer.status).toBe(202);
    expect(answer.body).toEqual({ id: expect.any(String), contactId: contact.id, contactCreated: false });
    const stored = await db.contactEvent.findUniqueOrThrow({ where: { id: answer.body.id } });
    expect(stored).toMatchObject({
      workspaceId,
      contactId: contact.id,
      name: "order.shipped",
      properties: { orderId: "10423", items: [{ sku: "A1", qty: 2 }] },
      occurredAt: new Date("2026-11-20T09:15:00Z"),
      processedAt: null,
    });
    expect(stored.apiKeyId).not.toBeNull();
  });

  it("creates the contact for an unknown phone, unless told not to or the number is suppressed", async () => {
    const answer = await callApi(record, key, {
      path: "/events",
      body: { name: "cart.abandoned", contact: { phone: "+1 202 555 0102" } },
    });
    expect(answer.status).toBe(202);
    expect(answer.body.contactCreated).toBe(true);
    const contact = await db.contact.findUniqueOrThrow({
      where: { workspaceId_phone: { workspaceId, phone: "+12025550102" } },
    });
    expect(answer.body.contactId).toBe(contact.id);
    const again = await callApi(record, key, {
      path: "/events",
      body: { name: "cart.abandoned", contact: { phone: "2025550102" } },
    });
    expect(again.body).toMatchObject({ contactId: contact.id, contactCreated: false });

    const unknown = await callApi(record, key, {
      path: "/events",
      body: { name: "x", contact: { phone: "+12025550103" }, createContact: false },
    });
    expect(unknown.status).toBe(404);

    await db.suppression.create({
      data: { workspaceId, identityHash: identityHash(workspaceId, "+12025550104"), reason: "test" },
    });
    const suppressed = await callApi(record, key, {
      path: "/events",
      body: { name: "x", contact: { phone: "+12025550104" } },
    });
    expect(suppressed.status).toBe(422);
    expect(suppressed.body.errors).toEqual([{ field: "contact.phone", message: expect.stringMatching(/erased/) }]);
    expect(await db.contact.count({ where: { workspaceId, phone: { in: ["+12025550103", "+12025550104"] } } })).toBe(0);
  });

  it("finds or creates a person named by their WhatsApp user id, and says which one is unknown", async () => {
    const known = await db.contact.create({ data: { workspaceId, bsuid: "US.6200000000000000001", username: "kim" } });
    const answer = await callApi(record, key, {
      path: "/events",
      body: { name: "order.shipped", contact: { bsuid: "US.6200000000000000001" } },
    });
    expect(answer.body).toMatchObject({ contactId: known.id, contactCreated: false });
    const created = await callApi(record, key, {
      path: "/events",
      body: { name: "order.shipped", contact: { bsuid: "US.6200000000000000002" } },
    });
    expect(created.status).toBe(202);
    expect(created.body.contactCreated).toBe(true);
    expect(
      await db.contact.findUnique({ where: { id: created.body.contactId }, select: { phone: true, bsuid: true } }),
    ).toEqual({
      phone: null,
      bsuid: "US.6200000000000000002",
    });
    const unknown = await callApi(record, key, {
      path: "/events",
      body: { name: "x", contact: { bsuid: "US.6200000000000000003" }, createContact: false },
    });
    expect(unknown.status).toBe(404);
    expect(await db.contact.count({ where: { workspaceId, bsuid: "US.6200000000000000003" } })).toBe(0);
    const both = await callApi(record, key, {
      path: "/events",
      body: { name: "x", contact: { phone: "+12025550109", bsuid: "US.6200000000000000001" } },
    });
    expect(both.status).toBe(422);
  });

  it("refuses a bad name, both or neither identity, large properties, and another workspace's contact", async () => {
    const bad = await callApi(record, key, {
      path: "/events",
      body: { name: "Order Shipped", contact: {}, properties: { blob: "x".repeat(17_000) } },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(["contact", "name", "properties"]);

    const other = await createWorkspace(["ADMIN"]);
    const theirs = await db.contact.create({ data: { workspaceId: other.workspace.id, phone: "+12025550105" } });
    const hidden = await callApi(record, key, {
      path: "/events",
      body: { name: "order.shipped", contact: { id: theirs.id } },
    });
    expect(hidden.status).toBe(404);
    expect(await db.contactEvent.count({ where: { contactId: theirs.id } })).toBe(0);
  });

  it("needs the events:write scope", async () => {
    const reader = await apiKeyFor(workspaceId, ["contacts:read"]);
    const answer = await callApi(record, reader, {
      path: "/events",
      body: { name: "x", contact: { phone: "+12025550106" } },
    });
    expect(answer.status).toBe(403);
  });
});

describe("POST /events/batch", () => {
  it("stores the good events and names each bad one", async () => {
    const answer = await callApi(batch, key, {
      path: "/events/batch",
      body: {
        events: [
          { name: "signup", contact: { phone: "+12025550201" } },
          { name: "BAD", contact: { phone: "+12025550202" } },
          { name: "order.placed", contact: { phone: "+12025550201" }, properties: { total: 42 } },
          { name: "order.placed", contact: { id: "cm0000000000000000000000" } },
          { name: "order.placed", contact: { phone: "12" } },
        ],
      },
    });
    expect(answer.status).toBe(202);
    expect(answer.body).toMatchObject({ accepted: 2, failed: 3 });
    const [first, second, third, fourth, fifth] = answer.body.results;
    expect(first).toMatchObject({ index: 0, contactCreated: true });
    expect(second).toMatchObject({ index: 1, errors: [{ field: "name" }] });
    expect(third).toMatchObject({ index: 2, contactId: first.contactId, contactCreated: false });
    expect(fourth).toMatchObject({ index: 3, errors: [{ field: "contact.id" }] });
    expect(fifth).toMatchObject({ index: 4, errors: [{ field: "contact.phone" }] });
    const events = await db.contactEvent.findMany({
      where: { workspaceId, contactId: first.contactId },
      orderBy: { name: "asc" },
      select: { name: true, properties: true },
    });
    expect(events).toEqual([
      { name: "order.placed", properties: { total: 42 } },
      { name: "signup", properties: {} },
    ]);
    expect(await db.contact.count({ where: { workspaceId, phone: "+12025550202" } })).toBe(0);
  });
});
