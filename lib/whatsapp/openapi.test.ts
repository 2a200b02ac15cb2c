// The requests the client really builds (captured on the wire) validate against Meta's OpenAPI description.
import { MockAgent } from "undici";
import { beforeAll, describe, expect, it } from "vitest";
import { createWhatsAppClient } from "./client";
import { fixtures } from "./fixtures";
import { openApiValidator } from "./openapi";

const sent: { path: string; body: unknown }[] = [];
const agent = new MockAgent();
agent.disableNetConnect();
const pool = agent.get("https://graph.test");
const reply = {
  messaging_product: "whatsapp",
  contacts: [{ input: "34610000001", wa_id: "34610000001" }],
  messages: [{ id: "wamid.X" }],
};
pool
  .intercept({ path: /\/messages$/, method: "POST" })
  .reply(200, (opts) => {
    sent.push({ path: String(opts.path), body: JSON.parse(String(opts.body)) });
    return JSON.parse(String(opts.body)).status === "read" ? { success: true } : reply;
  })
  .persist();

const client = createWhatsAppClient(
  { baseUrl: "https://graph.test/v23.0", wabaId: "1000001", phoneNumberId: "2000002", accessToken: "token" },
  { dispatcher: agent },
);

let validateMessage: ReturnType<typeof openApiValidator>;
beforeAll(() => {
  validateMessage = openApiValidator("Message");
});

describe("requests against meta-openapi-v23.yaml", () => {
  // Shapes Meta documents beyond v23 (cta_url messages, carousels, limited-time offers, copy-code buttons)
  // are added by openapi.ts's overlay, so every fixture is checked.
  it.each(fixtures("send_").filter(([name]) => name.includes("_request")))(
    "the client's version of %s validates",
    async (_name, fixture) => {
      sent.length = 0;
      await client.sendMessage(fixture as Parameters<typeof client.sendMessage>[0]);
      const result = validateMessage(sent[0]!.body);
      expect(result.errors).toEqual([]);
    },
  );

  it("a template message with header, body, quick reply and URL parameters validates", async () => {
    sent.length = 0;
    await client.sendMessage({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: "34610000001",
      type: "template",
      biz_opaque_callback_data: "pm:abc",
      template: {
        name: "summer_sale",
        language: { code: "en_US" },
        components: [
          { type: "header", parameters: [{ type: "image", image: { link: "https://cdn.example.com/sale.jpg" } }] },
          {
            type: "body",
            parameters: [
              { type: "text", text: "Ana" },
              { type: "text", text: "25%" },
            ],
          },
          { type: "button", sub_type: "quick_reply", index: "0", parameters: [{ type: "payload", payload: "DEALS" }] },
          { type: "button", sub_type: "url", index: "2", parameters: [{ type: "text", text: "summer-2026" }] },
        ],
      },
    });
    expect(validateMessage(sent[0]!.body).errors).toEqual([]);
  });

  it("a copy-code button needs its coupon_code, and a template request takes no stray key", () => {
    const send = (components: unknown[], extra: object = {}) => ({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: "34610000001",
      type: "template",
      ...extra,
      template: { name: "offer", language: { code: "en_US", policy: "deterministic" }, components },
    });
    const copy = (parameters: unknown[]) => [{ type: "button", sub_type: "copy_code", index: "0", parameters }];
    expect(validateMessage(send(copy([{ type: "coupon_code", coupon_code: "SAVE25" }]))).errors).toEqual([]);
    expect(validateMessage(send(copy([]))).ok).toBe(false);
    expect(validateMessage(send(copy([{ type: "text", text: "SAVE25" }]))).ok).toBe(false);
    expect(validateMessage(send(copy([{ type: "coupon_code", coupon_code: "A_CODE_LONGER_THAN_20" }]))).ok).toBe(false);
    expect(validateMessage(send([], { surprise: 1 })).errors).toEqual([" must NOT have additional properties"]);
  });

  it("a request Meta would refuse does not validate (the check can fail)", () => {
    expect(
      validateMessage({
        messaging_product: "whatsapp",
        recipient_type: "individual",
        to: "1",
        type: "text",
        text: { body: "x" },
        surprise: 1,
      }).ok,
    ).toBe(false);
  });
});
