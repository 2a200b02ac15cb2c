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
const reply = { messaging_product: "whatsapp", contacts: [{ input: "34610000001", wa_id: "34610000001" }], messages: [{ id: "wamid.X" }] };
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
  // Meta documents features the v23 description does not have yet: cta_url interactive messages,
  // carousels, limited-time offers and copy-code buttons. Those shapes are checked against the fixtures only.
  const NOT_IN_V23 = ["cta_url", "carousel", "limited_time_offer"];
  it.each(fixtures("send_").filter(([name]) => name.endsWith("_request.json") && !NOT_IN_V23.some((n) => name.includes(n))))(
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
          { type: "body", parameters: [{ type: "text", text: "Ana" }, { type: "text", text: "25%" }] },
          { type: "button", sub_type: "quick_reply", index: "0", parameters: [{ type: "payload", payload: "DEALS" }] },
          { type: "button", sub_type: "url", index: "2", parameters: [{ type: "text", text: "summer-2026" }] },
        ],
      },
    });
    expect(validateMessage(sent[0]!.body).errors).toEqual([]);
  });

  it("a request Meta would refuse does not validate (the check can fail)", () => {
    expect(validateMessage({ messaging_product: "whatsapp", recipient_type: "individual", to: "1", type: "text", text: { body: "x" }, surprise: 1 }).ok).toBe(false);
  });
});
