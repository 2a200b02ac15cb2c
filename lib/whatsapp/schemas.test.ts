import { describe, expect, it } from "vitest";
import { fixtures } from "./fixtures";
import {
  createTemplateRequestSchema,
  createTemplateResponseSchema,
  graphErrorSchema,
  markReadRequestSchema,
  parseChange,
  sendMessageRequestSchema,
  sendMessageResponseSchema,
  webhookPayloadSchema,
} from "./schemas";

describe("Meta's fixtures", () => {
  it.each(fixtures("webhook_"))("webhook %s parses, every change by its field", (_name, body) => {
    const payload = webhookPayloadSchema.parse(body);
    for (const entry of payload.entry) {
      for (const change of entry.changes) {
        const parsed = parseChange(change);
        expect(parsed.field).not.toBe("unknown");
      }
    }
  });

  it.each(fixtures("send_").filter(([name]) => name.endsWith("_request.json")))(
    "request %s parses as a message",
    (_name, body) => {
      expect(sendMessageRequestSchema.safeParse(body).error?.issues).toBeUndefined();
    },
  );

  it.each(fixtures("create_template_request"))("request %s parses as a template", (_name, body) => {
    expect(createTemplateRequestSchema.safeParse(body).error?.issues).toBeUndefined();
  });

  it("responses and errors parse", () => {
    expect(markReadRequestSchema.parse(fixtures("mark_as_read")[0]![1]).status).toBe("read");
    expect(sendMessageResponseSchema.parse(fixtures("send_message_response")[0]![1]).messages[0]!.id).toMatch(
      /^wamid\./,
    );
    expect(createTemplateResponseSchema.parse(fixtures("create_template_response")[0]![1]).status).toBe("PENDING");
    expect(graphErrorSchema.parse(fixtures("error_response_130429")[0]![1]).error.code).toBe(130429);
  });
});

describe("request limits", () => {
  const base = { messaging_product: "whatsapp", to: "+34610000001" } as const;
  const buttons = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ type: "reply", reply: { id: `b${i}`, title: `Option ${i}` } }));

  it("allows 3 reply buttons and refuses a 4th", () => {
    const message = (n: number) => ({
      ...base,
      type: "interactive",
      interactive: { type: "button", body: { text: "Pick" }, action: { buttons: buttons(n) } },
    });
    expect(sendMessageRequestSchema.safeParse(message(3)).success).toBe(true);
    expect(sendMessageRequestSchema.safeParse(message(4)).success).toBe(false);
  });

  it("allows 4,096 characters of text and refuses 4,097", () => {
    expect(
      sendMessageRequestSchema.safeParse({ ...base, type: "text", text: { body: "a".repeat(4096) } }).success,
    ).toBe(true);
    expect(
      sendMessageRequestSchema.safeParse({ ...base, type: "text", text: { body: "a".repeat(4097) } }).success,
    ).toBe(false);
  });

  it("refuses a template name Meta would refuse", () => {
    const message = (name: string) => ({ ...base, type: "template", template: { name, language: { code: "en_US" } } });
    expect(sendMessageRequestSchema.safeParse(message("summer_sale")).success).toBe(true);
    expect(sendMessageRequestSchema.safeParse(message("Summer Sale")).success).toBe(false);
  });

  it("keeps biz_opaque_callback_data within 512 characters, on templates only (as Meta's OpenAPI has it)", () => {
    const message = (data: string) => ({
      ...base,
      type: "template",
      template: { name: "t", language: { code: "en_US" } },
      biz_opaque_callback_data: data,
    });
    expect(sendMessageRequestSchema.safeParse(message("x".repeat(512))).success).toBe(true);
    expect(sendMessageRequestSchema.safeParse(message("x".repeat(513))).success).toBe(false);
    const text = sendMessageRequestSchema.parse({
      ...base,
      type: "text",
      text: { body: "hi" },
      biz_opaque_callback_data: "po:1",
    });
    expect(text).not.toHaveProperty("biz_opaque_callback_data");
  });
});
