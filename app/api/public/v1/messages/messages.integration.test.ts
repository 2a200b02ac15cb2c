// Transactional sends through the public API, against the real database and the sandbox Cloud API.
import { randomInt } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getMessageRoute } from "./[id]/route";
import { POST as sendRoute } from "./route";
import { recordConsentEvent } from "@/lib/consent/service";
import { db } from "@/lib/db/client";
import { acceptedSends, sandboxWorkspace, startDispatcher, type SandboxWorkspace } from "@/tests/campaigns";
import { apiKeyFor, callApi } from "@/tests/public-api";
import { drain } from "@/tests/whatsapp";

const ORDER_COMPONENTS = [
  { type: "BODY", text: "Hi {{1}}, order {{2}} ships {{3}}.", example: { body_text: [["Ada", "#1", "today"]] } },
  {
    type: "BUTTONS",
    buttons: [{ type: "URL", text: "Track order", url: "https://shop.example.com/track/{{1}}", example: ["1"] }],
  },
];
const ORDER = {
  name: "order_shipped",
  language: "en_US",
  variables: { body: ["Ada", "#10423", "Friday"] },
  buttons: [{ index: 0, urlSuffix: "10423" }],
};

let ws: SandboxWorkspace;
let key: string;
let phones: { optedIn: string; optedOut: string; stranger: string };

const send = (body: unknown, idempotencyKey?: string) =>
  sendRoute(
    new Request("http://localhost/api/public/v1/messages", {
      method: "POST",
      headers: {
        authorization: `Bearer ${key}`,
        "content-type": "application/json",
        ...(idempotencyKey ? { "idempotency-key": idempotencyKey } : {}),
      },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({}) },
  ).then(async (r) => ({ status: r.status, body: await r.json(), headers: r.headers }));

/** Runs the dispatcher (and webhook processing) until none of these messages waits to be sent. */
async function dispatch(ids: string[]) {
  const owners = await db.message.findMany({ where: { id: { in: ids } }, select: { workspaceId: true } });
  const dispatcher = startDispatcher([...new Set(owners.map((m) => m.workspaceId))]);
  try {
    for (let i = 0; i < 400; i++) {
      const waiting = await db.message.count({ where: { id: { in: ids }, state: { in: ["QUEUED", "CLAIMED"] } } });
      if (waiting === 0) return;
      const more = await dispatcher.round();
      await drain();
      if (!more) await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error("messages were not sent in time");
  } finally {
    await dispatcher.close();
  }
}

const digits = (phone = "") => phone.replace(/\D/g, "");
const sendsTo = async (phone: string) =>
  (await acceptedSends(ws.base)).filter((e) => digits(e.body.to) === digits(phone));

beforeAll(async () => {
  ws = await sandboxWorkspace();
  const n = randomInt(1e9, 9e9);
  const template = await db.template.create({
    data: {
      workspaceId: ws.workspace.id,
      name: "order_shipped",
      language: "en_US",
      category: "UTILITY",
      components: ORDER_COMPONENTS,
      status: "APPROVED",
      metaTemplateId: `8${n}`,
    },
  });
  await fetch(`${ws.base}/_sandbox/templates`, {
    method: "POST",
    body: JSON.stringify({
      templates: [
        {
          id: template.metaTemplateId,
          name: "order_shipped",
          language: "en_US",
          category: "UTILITY",
          components: ORDER_COMPONENTS,
          status: "APPROVED",
        },
      ],
    }),
  });
  const orders = await db.consentList.create({
    data: { workspaceId: ws.workspace.id, name: "Order updates", category: "UTILITY" },
  });
  const base = `+34622${String(n).slice(0, 3)}`;
  phones = { optedIn: `${base}001`, optedOut: `${base}002`, stranger: `${base}003` };
  for (const phone of Object.values(phones)) {
    await db.contact.create({ data: { workspaceId: ws.workspace.id, phone, name: "Ada Lovelace" } });
  }
  for (const [phone, action] of [
    [phones.optedIn, "OPT_IN"],
    [phones.optedOut, "OPT_IN"],
    [phones.optedOut, "OPT_OUT"],
  ] as const) {
    const contact = await db.contact.findFirstOrThrow({ where: { workspaceId: ws.workspace.id, phone } });
    await recordConsentEvent({
      workspaceId: ws.workspace.id,
      contactId: contact.id,
      consentListId: orders.id,
      action,
      source: "WEB_FORM",
      proof: "test",
    });
  }
  key = await apiKeyFor(ws.workspace.id, ["messages:send"]);
});

describe("POST /messages", () => {
  it("accepts an order update for an opted-in contact, sends it once with its variables, and reports its statuses", async () => {
    const accepted = await send({ to: phones.optedIn, template: ORDER, callbackData: "order-10423" });
    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({
      status: "queued",
      to: phones.optedIn,
      type: "template",
      callbackData: "order-10423",
      template: { name: "order_shipped", category: "UTILITY" },
    });

    await dispatch([accepted.body.id]);
    const sends = await sendsTo(phones.optedIn);
    expect(sends).toHaveLength(1);
    expect(sends[0]!.body).toMatchObject({ biz_opaque_callback_data: `pm:${accepted.body.id}` });
    expect(JSON.stringify(sends[0]!.body)).toContain("#10423");

    // The status webhooks come back through the real receiver and move the message on.
    let read = await callApi(getMessageRoute, key, {
      path: `/messages/${accepted.body.id}`,
      params: { id: accepted.body.id },
    });
    for (let i = 0; i < 200 && read.body.history.length < 2; i++) {
      await drain();
      await new Promise((r) => setTimeout(r, 25));
      read = await callApi(getMessageRoute, key, {
        path: `/messages/${accepted.body.id}`,
        params: { id: accepted.body.id },
      });
    }
    expect(read.status).toBe(200);
    expect(["sent", "delivered", "read"]).toContain(read.body.status);
    expect(read.body.history.map((h: { status: string }) => h.status)).toContain("sent");
    expect(read.body.wamid).toMatch(/^wamid\./);
  });

  it("sends once for two concurrent calls with one Idempotency-Key, replays the first answer, and refuses the key with another body", async () => {
    const before = (await sendsTo(phones.optedIn)).length;
    const body = { to: phones.optedIn, template: ORDER, callbackData: "order-77" };
    const [a, b] = await Promise.all([send(body, "order-77-shipped"), send(body, "order-77-shipped")]);
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(a.body.id).toBe(b.body.id);
    expect([a.headers.get("idempotent-replayed"), b.headers.get("idempotent-replayed")].sort()).toEqual(
      ["true", null].sort(),
    );

    const again = await send(body, "order-77-shipped");
    expect(again.body.id).toBe(a.body.id);
    const other = await send({ ...body, callbackData: "order-78" }, "order-77-shipped");
    expect(other.status).toBe(409);
    expect(other.body.code).toBe("idempotency_key_reused");

    await dispatch([a.body.id]);
    expect((await sendsTo(phones.optedIn)).length - before).toBe(1);
  });

  it("refuses, and says why, what the consent rule does not allow", async () => {
    const optedOut = await send({ to: phones.optedOut, template: ORDER });
    expect(optedOut.status).toBe(422);
    expect(optedOut.body).toMatchObject({ code: "consent_opted_out", errors: [{ field: "to" }] });
    expect(optedOut.body.detail).toMatch(/opted out of utility/);

    const stranger = await send({ to: phones.stranger, template: ORDER });
    expect(stranger.body.code).toBe("consent_no_consent");

    // Opted in to order updates is not opted in to promotions.
    const promo = await send({
      to: phones.optedIn,
      template: { name: "promo", variables: { body: ["Ada", "20%"] }, buttons: [{ index: 1, urlSuffix: "x" }] },
    });
    expect(promo.status).toBe(422);
    expect(promo.body.detail).toMatch(/not opted in to marketing/);

    expect(
      await db.message.count({
        where: { workspaceId: ws.workspace.id, contact: { phone: { in: [phones.optedOut, phones.stranger] } } },
      }),
    ).toBe(0);
  });

  it("skips a message whose contact opted out after it was accepted", async () => {
    const contact = await db.contact.findFirstOrThrow({
      where: { workspaceId: ws.workspace.id, phone: phones.optedIn },
    });
    const late = await db.contact.create({
      data: { workspaceId: ws.workspace.id, phone: phones.optedIn.replace(/001$/, "004"), name: "Late" },
    });
    const list = await db.consentList.findFirstOrThrow({
      where: { workspaceId: ws.workspace.id, category: "UTILITY" },
    });
    await recordConsentEvent({
      workspaceId: ws.workspace.id,
      contactId: late.id,
      consentListId: list.id,
      action: "OPT_IN",
      source: "WEB_FORM",
      proof: "test",
    });
    const accepted = await send({ contactId: late.id, template: ORDER });
    expect(accepted.status).toBe(202);
    await recordConsentEvent({
      workspaceId: ws.workspace.id,
      contactId: late.id,
      consentListId: list.id,
      action: "OPT_OUT",
      source: "WEB_FORM",
      proof: "test",
    });
    await dispatch([accepted.body.id]);
    expect(await db.message.findUniqueOrThrow({ where: { id: accepted.body.id } })).toMatchObject({
      state: "SKIPPED",
      skipReason: "opted_out",
    });
    expect(await sendsTo(late.phone!)).toHaveLength(0);
    expect(contact.id).not.toBe(late.id);
  });

  it("answers bad input with field errors, never a 500", async () => {
    const missing = await send({ to: phones.optedIn, template: { ...ORDER, variables: { body: ["Ada", "#1"] } } });
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toEqual([{ field: "template.variables.body.2", message: "Required by the template." }]);

    const extra = await send({
      to: phones.optedIn,
      template: { ...ORDER, variables: { body: ["Ada", "#1", "Friday", "more"] } },
    });
    expect(extra.body.errors).toEqual([expect.objectContaining({ field: "template.variables.body.3" })]);

    const newline = await send({
      to: phones.optedIn,
      template: { ...ORDER, variables: { body: ["Ada\nB", "#1", "x"] } },
    });
    expect(newline.body.errors[0].field).toBe("template.variables.body.0");

    const unknown = await send({ to: phones.optedIn, template: { name: "no_such_template" } });
    expect(unknown.body).toMatchObject({ status: 422, code: "template_not_found" });

    const both = await send({ to: phones.optedIn, contactId: "x", text: { body: "hi" } });
    expect(both.status).toBe(422);
    expect(both.body.errors[0].field).toBe("to");

    const badPhone = await send({ to: "not a phone", template: ORDER });
    expect(badPhone.body).toMatchObject({ code: "invalid_phone", errors: [{ field: "to" }] });

    const window = await send({ to: phones.optedIn, text: { body: "Your parcel is at the door" } });
    expect(window.body.code).toBe("outside_window");
  });

  it("shows a workspace only its own messages, and needs the messages:send scope", async () => {
    const accepted = await send({ to: phones.optedIn, template: ORDER });
    const other = await sandboxWorkspace();
    const otherKey = await apiKeyFor(other.workspace.id, ["messages:send"]);
    const foreign = await callApi(getMessageRoute, otherKey, {
      path: `/messages/${accepted.body.id}`,
      params: { id: accepted.body.id },
    });
    expect(foreign.status).toBe(404);

    const readOnly = await apiKeyFor(ws.workspace.id, ["contacts:read"]);
    const refused = await callApi(sendRoute, readOnly, {
      path: "/messages",
      body: { to: phones.optedIn, template: ORDER },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe("missing_scope");
    await dispatch([accepted.body.id]);
  });
});
