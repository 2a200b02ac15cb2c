import { describe, expect, it } from "vitest";
import { fixtures } from "@/lib/whatsapp/fixtures";
import { openApiValidator } from "@/lib/whatsapp/openapi";
import { createTemplateRequestSchema } from "@/lib/whatsapp/schemas";
import { structuralProblems } from "@/sandbox/template-review";
import { toCreateTemplateRequest } from "./payload";
import { templateInputSchema, type TemplateInput } from "./schemas";

const fixture = (name: string) => fixtures(name)[0]![1];

describe("template creation payload", () => {
  it("builds Meta's positional example exactly", () => {
    const input: TemplateInput = templateInputSchema.parse({
      name: "seasonal_promotion",
      category: "MARKETING",
      language: "en_US",
      parameterFormat: "POSITIONAL",
      header: { type: "TEXT", text: "Our {{1}} is on!", sample: "Summer Sale" },
      body: {
        text: "Shop now through {{1}} and use code {{2}} to get {{3}} off of all merchandise.",
        samples: { "1": "the end of August", "2": "25OFF", "3": "25%" },
      },
      footer: "Use the buttons below to manage your marketing subscriptions",
      buttons: [
        { type: "QUICK_REPLY", text: "Unsubscribe from Promos" },
        { type: "QUICK_REPLY", text: "Unsubscribe from All" },
      ],
    });
    expect(toCreateTemplateRequest(input)).toEqual(fixture("create_template_request_marketing_positional"));
  });

  it("builds Meta's named example with an image header and a dynamic URL exactly", () => {
    const input = templateInputSchema.parse({
      name: "summer_sale",
      category: "MARKETING",
      language: "en_US",
      parameterFormat: "NAMED",
      header: { type: "IMAGE", mediaAssetId: "asset-1" },
      body: {
        text: "Hi {{first_name}}! Use code {{discount_code}} for 25% off everything this week.",
        samples: { first_name: "Pablo", discount_code: "SUMMER25" },
      },
      footer: "Tap Stop promotions to opt out",
      buttons: [
        { type: "QUICK_REPLY", text: "Stop promotions" },
        { type: "URL", text: "Shop now", url: "https://www.luckyshrub.com/shop/{{1}}", sample: "summer2026" },
      ],
    });
    expect(toCreateTemplateRequest(input, "4::aW...")).toEqual(
      fixture("create_template_request_marketing_named_image_url"),
    );
  });

  it("validates against Meta's OpenAPI description, the client's schema and the sandbox's review", () => {
    const input = templateInputSchema.parse({
      name: "order_ready",
      category: "UTILITY",
      language: "es_ES",
      parameterFormat: "POSITIONAL",
      header: { type: "LOCATION" },
      body: { text: "Hola {{1}}, tu pedido {{2}} está listo para recoger.", samples: { "1": "Ana", "2": "#1042" } },
      footer: "Acme Coffee Co.",
      buttons: [
        { type: "PHONE_NUMBER", text: "Llamar a la tienda", phoneNumber: "+34 910 000 000" },
        { type: "COPY_CODE", example: "PICKUP42" },
      ],
    });
    const payload = toCreateTemplateRequest(input);
    const validate = openApiValidator({ path: "/{Version}/{WABA-ID}/message_templates", method: "post" });
    expect(validate(payload).errors).toEqual([]);
    expect(validate({ ...payload, name: 42, components: "header" }).ok).toBe(false); // the check can fail
    expect(createTemplateRequestSchema.safeParse(payload).success).toBe(true);
    expect(structuralProblems(createTemplateRequestSchema.parse(payload))).toEqual([]);
  });
});

describe("reading Meta's components back into the builder", () => {
  it("round-trips Meta's examples", async () => {
    const { fromMetaComponents } = await import("./from-meta");
    for (const name of [
      "create_template_request_marketing_positional",
      "create_template_request_marketing_named_image_url",
    ]) {
      const request = fixture(name) as Parameters<typeof toCreateTemplateRequest>[0] & {
        components: unknown;
        parameter_format?: string;
        category: string;
      };
      const input = fromMetaComponents({ ...request, parameterFormat: request.parameter_format ?? "POSITIONAL" });
      const handle = (request.components as { example?: { header_handle?: string[] } }[])[0]?.example
        ?.header_handle?.[0];
      expect(toCreateTemplateRequest(input, handle)).toEqual(request);
    }
  });
});
