import { describe, expect, it } from "vitest";
import { fixtures } from "@/lib/whatsapp/fixtures";
import { openApiValidator } from "@/lib/whatsapp/openapi";
import { createTemplateRequestSchema } from "@/lib/whatsapp/schemas";
import { structuralProblems } from "@/sandbox/template-review";
import { toCreateTemplateRequest } from "./payload";
import { EMPTY_TEMPLATE, templateInputSchema, type TemplateInput } from "./schemas";

const fixture = (name: string) => fixtures(name)[0]![1];

describe("template creation payload", () => {
  it("builds Meta's positional example exactly", () => {
    const input: TemplateInput = templateInputSchema.parse({
      ...EMPTY_TEMPLATE,
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
      ...EMPTY_TEMPLATE,
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
      ...EMPTY_TEMPLATE,
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

/** Meta's examples mix cases ("image", "IMAGE"); Meta takes either. Compared in upper case. */
const upper = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(upper)
    : value && typeof value === "object"
      ? Object.fromEntries(
          Object.entries(value).map(([k, v]) => [
            k,
            ["type", "format", "category"].includes(k) && typeof v === "string" ? v.toUpperCase() : upper(v),
          ]),
        )
      : value;

describe("carousel and limited-time-offer payloads", () => {
  const cardButtons = (sample: string) => [
    { type: "QUICK_REPLY" as const, text: "Send me more like this!" },
    { type: "URL" as const, text: "Shop", url: "https://www.luckyshrub.com/rare-succulents/{{1}}", sample },
  ];
  const carousel = {
    ...EMPTY_TEMPLATE,
    name: "carousel_template_media_cards_v1",
    format: "CAROUSEL" as const,
    body: {
      text: "Rare succulents for sale! {{1}}, add these unique plants to your collection. Each of these rare succulents are {{2}} if you checkout using code {{3}}. Shop now and add some unique and beautiful plants to your collection!",
      samples: { "1": "Pablo", "2": "30%", "3": "30OFF" },
    },
    cards: [
      {
        mediaAssetId: "asset-1",
        body: "Add a touch of elegance to your collection with the beautiful Aloe 'Blue Elf' succulent. Its deep blue-green leaves have a hint of pink around the edges.",
        samples: {},
        buttons: cardButtons("BLUE_ELF"),
      },
      {
        mediaAssetId: "asset-2",
        body: "The Crassula Buddha's Temple is sure to be a conversation starter with its tiny temple shaped leaves, intricate details, and lacy texture.",
        samples: {},
        buttons: cardButtons("BUDDHA"),
      },
    ],
  };

  it("builds Meta's media-card carousel example exactly, and reads it back", async () => {
    const input = templateInputSchema.parse(carousel);
    const request = toCreateTemplateRequest(input, undefined, ["4::an...", "4::an..."]);
    expect(request).toEqual(fixture("create_template_request_media_carousel"));
    expect(structuralProblems(createTemplateRequestSchema.parse(request))).toEqual([]);
    const { fromMetaComponents } = await import("./from-meta");
    const back = fromMetaComponents({ ...request, parameterFormat: "POSITIONAL" });
    expect(back.cards.map((c) => ({ ...c, mediaAssetId: "asset" }))).toEqual(
      carousel.cards.map((c) => ({ ...c, mediaAssetId: "asset" })),
    );
  });

  it("builds Meta's limited-time-offer example", () => {
    const input = templateInputSchema.parse({
      ...EMPTY_TEMPLATE,
      name: "limited_time_offer_caribbean_pkg_2023",
      format: "LIMITED_TIME_OFFER",
      header: { type: "IMAGE", mediaAssetId: "asset-1" },
      offer: { text: "Expiring offer!", expires: true },
      body: {
        text: "Good news, {{1}}! Use code {{2}} to get 25% off all Caribbean Destination packages!",
        samples: { "1": "Pablo", "2": "CARIBE25" },
      },
      buttons: [
        { type: "COPY_CODE", example: "CARIBE25" },
        {
          type: "URL",
          text: "Book now!",
          url: "https://awesomedestinations.com/offers?code={{1}}",
          sample: "https://awesomedestinations.com/offers?ref=n3mtql",
        },
      ],
    });
    const request = toCreateTemplateRequest(input, "4::aW...");
    expect(upper(request)).toEqual(upper(fixture("create_template_request_limited_time_offer")));
    expect(structuralProblems(createTemplateRequestSchema.parse(request))).toEqual([]);
  });

  it("sends the delivery window as Meta's message_send_ttl_seconds, and the sandbox refuses one out of range", () => {
    const input = templateInputSchema.parse({
      ...EMPTY_TEMPLATE,
      name: "order_ready",
      category: "UTILITY",
      body: { text: "Your order is ready.", samples: {} },
      ttlSeconds: 3_600,
    });
    const request = createTemplateRequestSchema.parse(toCreateTemplateRequest(input));
    expect(request.message_send_ttl_seconds).toBe(3_600);
    expect(structuralProblems(request)).toEqual([]);
    const validate = openApiValidator({ path: "/{Version}/{WABA-ID}/message_templates", method: "post" });
    expect(validate(request).errors).toEqual([]);
    expect(structuralProblems({ ...request, message_send_ttl_seconds: 86_400 })).toEqual([
      "message_send_ttl_seconds: 30 to 43200 for UTILITY templates (has 86400)",
    ]);
    expect(toCreateTemplateRequest({ ...input, ttlSeconds: null })).not.toHaveProperty("message_send_ttl_seconds");
  });

  it("the sandbox refuses what Meta refuses: one card, cards unlike each other, a long offer headline", () => {
    const request = toCreateTemplateRequest(templateInputSchema.parse(carousel), undefined, ["h1", "h2"]);
    const cards = (request.components[1] as unknown as { cards: { components: { type: string }[] }[] }).cards;
    const one = { ...request, components: [request.components[0]!, { type: "CAROUSEL", cards: cards.slice(0, 1) }] };
    expect(structuralProblems(one)).toEqual(["CAROUSEL: 2 to 10 cards (has 1)"]);
    const unlike = {
      ...request,
      components: [
        request.components[0]!,
        { type: "CAROUSEL", cards: [cards[0], { components: cards[1]!.components.slice(0, 2) }] },
      ],
    };
    expect(structuralProblems(unlike)).toEqual([
      "CAROUSEL cards[1]: every card must have the same components as the first",
    ]);
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
