// The sandbox holds every request body to Meta's OpenAPI operation and answers as Meta would (its error
// shape, codes 100 / 131008 / 131009), so no test can pass on a request the Cloud API refuses; and a
// campaign with a copy-code template reaches it with its coupon_code.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { acceptedSends, dispatchUntil, launch, sandboxWorkspace, type SandboxWorkspace } from "@/tests/campaigns";
import { createSandbox, type Sandbox } from "./server";

const token = "contract-token";
let sandbox: Sandbox;
let base: string;

const CODE_TEMPLATE = [
  { type: "BODY", text: "Hi {{1}}, here is your code.", example: { body_text: [["Ana"]] } },
  {
    type: "BUTTONS",
    buttons: [
      { type: "QUICK_REPLY", text: "Stop promotions" },
      { type: "COPY_CODE", example: "SAVE25" },
    ],
  },
];

beforeAll(async () => {
  sandbox = createSandbox({ accessToken: token, appSecret: "s", webhooks: false });
  base = `http://127.0.0.1:${await sandbox.listen(0)}`;
  await fetch(`${base}/_sandbox/templates`, {
    method: "POST",
    body: JSON.stringify({
      templates: [
        {
          id: "9100",
          name: "code_offer",
          language: "en_US",
          category: "MARKETING",
          components: CODE_TEMPLATE,
          status: "APPROVED",
        },
      ],
    }),
  });
});
afterAll(() => sandbox.close());

async function call(
  path: string,
  body: unknown,
  headers: Record<string, string> = { "content-type": "application/json" },
) {
  const response = await fetch(`${base}/v23.0/${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, ...headers },
    body: typeof body === "string" || body instanceof FormData ? body : JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      error?: { code: number; message: string; type: string; error_data: { details: string }; fbtrace_id: string };
    },
  };
}
const send = (body: object) =>
  call("900000000000101/messages", {
    messaging_product: "whatsapp",
    recipient_type: "individual",
    to: "34610000001",
    ...body,
  });
const template = (components: unknown[]) =>
  send({
    type: "template",
    template: { name: "code_offer", language: { code: "en_US", policy: "deterministic" }, components },
  });
const bodyParam = { type: "body", parameters: [{ type: "text", text: "Ana" }] };

describe("the sandbox holds request bodies to Meta's OpenAPI contract", () => {
  it("refuses an unknown field with Meta's (#100), naming the key", async () => {
    const response = await send({ type: "text", text: { body: "Hello" }, surprise: true });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({
      code: 100,
      message: "(#100) Invalid parameter",
      type: "OAuthException",
      error_data: { details: 'Unexpected key "surprise" on param "body".' },
    });
    // Inside a template too, where the v23 description leaves the shapes open.
    const nested = await template([{ ...bodyParam, parameters: [{ type: "text", text: "Ana", colour: "red" }] }]);
    expect(nested.body.error).toMatchObject({
      code: 100,
      error_data: { details: 'Unexpected key "colour" on param "template.components.0.parameters.0".' },
    });
    // A free-form reply may not carry biz_opaque_callback_data (v23 allows it on templates only).
    expect(
      (await send({ type: "text", text: { body: "Hi" }, biz_opaque_callback_data: "po:1" })).body.error?.code,
    ).toBe(100);
  });

  it("refuses a missing parameter with (#131008) and a wrong value with (#131009)", async () => {
    const missing = await call("900000000000101/messages", {
      messaging_product: "whatsapp",
      recipient_type: "individual",
      type: "text",
      text: { body: "Hi" },
    });
    expect(missing.body.error).toMatchObject({
      code: 131008,
      message: "(#131008) Required parameter is missing",
      error_data: { details: 'Parameter "to" is required in body.' },
    });
    const wrongType = await call("900000000000001/message_templates", {
      name: 42,
      language: "en_US",
      category: "MARKETING",
      components: [],
    });
    expect(wrongType.body.error).toMatchObject({
      code: 131009,
      message: "(#131009) Parameter value is not valid",
      error_data: { details: "name: must be string" },
    });
    const form = new FormData();
    form.set("type", "image/png");
    form.set("file", new Blob([new Uint8Array([1, 2, 3])], { type: "image/png" }), "a.png");
    expect((await call("900000000000101/media", form, {})).body.error).toMatchObject({
      code: 131008,
      error_data: { details: 'Parameter "messaging_product" is required.' },
    });
  });

  it("refuses a copy-code template sent without its coupon_code, and takes it with one", async () => {
    const without = await template([bodyParam]);
    expect(without.status).toBe(400);
    expect(without.body.error).toMatchObject({
      code: 131008,
      error_data: {
        details: expect.stringContaining('the COPY_CODE button at index 1 needs a "coupon_code" parameter'),
      },
    });
    const asText = await template([
      bodyParam,
      { type: "button", sub_type: "copy_code", index: "1", parameters: [{ type: "text", text: "SAVE25" }] },
    ]);
    expect(asText.body.error?.code).toBe(131009);
    const withCode = await template([
      bodyParam,
      {
        type: "button",
        sub_type: "copy_code",
        index: "1",
        parameters: [{ type: "coupon_code", coupon_code: "SAVE25" }],
      },
    ]);
    expect(withCode.status).toBe(200);
  });
});

describe("a campaign with a copy-code template", () => {
  let ws: SandboxWorkspace;
  afterAll(() => ws?.sandbox.close());

  it("reaches the sandbox with the code from the campaign's mapping as coupon_code", async () => {
    ws = await sandboxWorkspace({ contacts: 3 });
    const t = await db.template.create({
      data: {
        workspaceId: ws.workspace.id,
        name: "code_offer",
        language: "en_US",
        category: "MARKETING",
        components: CODE_TEMPLATE,
        status: "APPROVED",
        metaTemplateId: "9200",
      },
    });
    await fetch(`${ws.base}/_sandbox/templates`, {
      method: "POST",
      body: JSON.stringify({
        templates: [
          {
            id: t.metaTemplateId,
            name: "code_offer",
            language: "en_US",
            category: "MARKETING",
            components: CODE_TEMPLATE,
            status: "APPROVED",
          },
        ],
      }),
    });
    const id = await launch(ws, {
      templateName: "code_offer",
      variables: {
        "body:1": { source: "field", value: "first_name", fallback: "there" },
        "button:1": { source: "constant", value: "AUTUMN10", fallback: "" },
      },
    });
    await dispatchUntil(id);
    const sent = await acceptedSends(ws.base);
    expect(sent).toHaveLength(3);
    for (const entry of sent) {
      expect(entry.body).toMatchObject({
        template: {
          name: "code_offer",
          components: expect.arrayContaining([
            {
              type: "button",
              sub_type: "copy_code",
              index: "1",
              parameters: [{ type: "coupon_code", coupon_code: "AUTUMN10" }],
            },
          ]),
        },
      });
    }
  });
});
