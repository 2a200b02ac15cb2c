import { describe, expect, it } from "vitest";
import { sendMessageRequestSchema } from "@/lib/whatsapp/schemas";
import { variableSchema } from "./schemas";
import {
  MissingValueError,
  previewText,
  renderTemplateMessage,
  resolveVariable,
  routeLanguage,
  templateSlots,
} from "./render";

const PROMO = [
  { type: "HEADER", format: "IMAGE" },
  { type: "BODY", text: "Hi {{1}}, *{{2}}* off until {{3}}. {{1}}, see you!" },
  { type: "FOOTER", text: "Reply STOP to unsubscribe" },
  {
    type: "BUTTONS",
    buttons: [
      { type: "QUICK_REPLY", text: "Show me deals" },
      { type: "URL", text: "Shop", url: "https://shop.example.com/sale/{{1}}" },
      { type: "PHONE_NUMBER", text: "Call us" },
    ],
  },
];
const contact = {
  phone: "+34612345678",
  name: "  Lucía  Pérez ",
  locale: "es_ES",
  attributes: { city: "Madrid", points: 120, empty: "" },
};

describe("template slots", () => {
  it("lists each variable once, URL endings, and optional quick-reply payloads", () => {
    expect(templateSlots(PROMO).map((s) => [s.key, s.optional])).toEqual([
      ["body:1", false],
      ["body:2", false],
      ["body:3", false],
      ["payload:0", true],
      ["button:1", false],
    ]);
    expect(
      templateSlots([
        { type: "HEADER", format: "TEXT", text: "Hello {{name}}" },
        { type: "BODY", text: "No variables" },
      ]).map((s) => s.key),
    ).toEqual(["header"]);
  });
});

describe("variable values", () => {
  it("come from a field, an attribute or a constant, else the fallback", () => {
    expect(resolveVariable({ source: "field", value: "first_name", fallback: "" }, contact)).toBe("Lucía");
    expect(resolveVariable({ source: "field", value: "name", fallback: "" }, contact)).toBe("Lucía  Pérez");
    expect(resolveVariable({ source: "attribute", value: "points", fallback: "" }, contact)).toBe("120");
    expect(resolveVariable({ source: "attribute", value: "empty", fallback: "friend" }, contact)).toBe("friend");
    expect(resolveVariable({ source: "attribute", value: "missing", fallback: "" }, contact)).toBe("");
    expect(
      resolveVariable({ source: "field", value: "first_name", fallback: "there" }, { ...contact, name: null }),
    ).toBe("there");
    expect(resolveVariable({ source: "constant", value: "25%", fallback: "" }, contact)).toBe("25%");
  });

  it("read only a contact's own fields and attributes, never what every object inherits", () => {
    for (const value of ["__proto__", "constructor", "toString"]) {
      expect(variableSchema.safeParse({ source: "field", value }).success).toBe(false);
      expect(resolveVariable({ source: "field", value, fallback: "there" }, contact)).toBe("there");
      expect(resolveVariable({ source: "attribute", value, fallback: "there" }, contact)).toBe("there");
    }
  });
});

describe("language routing", () => {
  const versions = ["en_US", "es_ES", "pt_BR"];
  it.each([
    ["es_ES", "es_ES"],
    ["es-ES", "es_ES"],
    ["es_MX", "es_ES"],
    ["pt_PT", "pt_BR"],
    ["de_DE", "en_US"],
    [null, "en_US"],
  ])("sends %s the %s version", (locale, expected) => {
    expect(routeLanguage(locale, versions, "en_US")).toBe(expected);
  });
});

describe("the send request", () => {
  const mapping = {
    variables: {
      "body:1": { source: "field" as const, value: "first_name", fallback: "there" },
      "body:2": { source: "constant" as const, value: "25%", fallback: "" },
      "body:3": { source: "attribute" as const, value: "until", fallback: "Sunday" },
      "button:1": { source: "attribute" as const, value: "city", fallback: "" },
    },
  };
  const version = { name: "summer_sale", language: "es_ES", components: PROMO, parameterFormat: "POSITIONAL" };

  it("fills each component in Meta's format, with Parley's id for the webhooks", () => {
    const request = renderTemplateMessage({
      version,
      mapping,
      contact,
      headerMediaId: "media-1",
      callbackData: "pm:msg-1",
    });
    expect(request).toEqual({
      messaging_product: "whatsapp",
      to: "+34612345678",
      type: "template",
      biz_opaque_callback_data: "pm:msg-1",
      template: {
        name: "summer_sale",
        language: { code: "es_ES", policy: "deterministic" },
        components: [
          { type: "header", parameters: [{ type: "image", image: { id: "media-1" } }] },
          {
            type: "body",
            parameters: [
              { type: "text", text: "Lucía" },
              { type: "text", text: "25%" },
              { type: "text", text: "Sunday" },
            ],
          },
          {
            type: "button",
            sub_type: "quick_reply",
            index: "0",
            parameters: [{ type: "payload", payload: "Show me deals" }],
          },
          { type: "button", sub_type: "url", index: "1", parameters: [{ type: "text", text: "Madrid" }] },
        ],
      },
    });
    expect(sendMessageRequestSchema.safeParse(request).success).toBe(true);
  });

  it("names parameters for named templates", () => {
    const named = {
      name: "welcome",
      language: "en_US",
      parameterFormat: "NAMED",
      components: [{ type: "BODY", text: "Hi {{first_name}}" }],
    };
    const request = renderTemplateMessage({
      version: named,
      mapping: { variables: { "body:first_name": { source: "field", value: "first_name", fallback: "" } } },
      contact,
      callbackData: "pm:x",
    });
    expect(request.template.components).toEqual([
      { type: "body", parameters: [{ type: "text", text: "Lucía", parameter_name: "first_name" }] },
    ]);
  });

  it("refuses an empty value without a fallback, and a media header without media", () => {
    expect(() =>
      renderTemplateMessage({
        version,
        mapping,
        contact: { ...contact, attributes: {} },
        headerMediaId: "m",
        callbackData: "pm:x",
      }),
    ).toThrow(MissingValueError);
    expect(() => renderTemplateMessage({ version, mapping, contact, callbackData: "pm:x" })).toThrow(/header media/);
  });
});

describe("tracked link buttons", () => {
  const version = {
    name: "promo",
    language: "en_US",
    parameterFormat: "POSITIONAL",
    components: [
      { type: "BODY", text: "Hello" },
      { type: "BUTTONS", buttons: [{ type: "URL", text: "Shop", url: "https://parley.example/r/{{1}}" }] },
    ],
  };
  const mapping = {
    variables: { "button:0": { source: "tracked" as const, value: "https://shop.example.com/sale", fallback: "" } },
  };
  const contact = { phone: "+34600000001", name: "Ana", locale: null, attributes: {} };

  it("carry the message's own ending, and cannot be sent without one", () => {
    const request = renderTemplateMessage({
      version,
      mapping,
      contact,
      callbackData: "pm:m1",
      trackLink: (i) => `m1.${i}.signature`,
    });
    expect(request.template.components).toContainEqual({
      type: "button",
      sub_type: "url",
      index: "0",
      parameters: [{ type: "text", text: "m1.0.signature" }],
    });
    expect(() => renderTemplateMessage({ version, mapping, contact, callbackData: "pm:m1" })).toThrow(
      MissingValueError,
    );
    expect(previewText(version, mapping, contact).buttons[0]!.url).toBe("https://shop.example.com/sale"); // the preview shows where it goes
  });
});

describe("copy-code buttons", () => {
  const OFFER = [
    { type: "BODY", text: "Hi {{1}}, your code is below." },
    {
      type: "BUTTONS",
      buttons: [
        { type: "QUICK_REPLY", text: "Stop promotions" },
        { type: "COPY_CODE", example: "SAVE25" },
      ],
    },
  ];
  const version = { name: "summer_code", language: "en_US", components: OFFER, parameterFormat: "POSITIONAL" };
  const body = { "body:1": { source: "field" as const, value: "first_name", fallback: "there" } };

  it("are a slot of their own, sent as Meta's coupon_code parameter from the campaign's mapping", () => {
    expect(templateSlots(OFFER).map((s) => [s.key, s.optional])).toEqual([
      ["body:1", false],
      ["payload:0", true],
      ["button:1", false],
    ]);
    const mapping = {
      variables: { ...body, "button:1": { source: "attribute" as const, value: "code", fallback: "SUMMER25" } },
    };
    const request = renderTemplateMessage({
      version,
      mapping,
      contact: { ...contact, attributes: { code: "LUCIA10" } },
      callbackData: "pm:1",
    });
    expect(request.template.components?.at(-1)).toEqual({
      type: "button",
      sub_type: "copy_code",
      index: "1",
      parameters: [{ type: "coupon_code", coupon_code: "LUCIA10" }],
    });
    expect(sendMessageRequestSchema.safeParse(request).success).toBe(true);
    const fallback = renderTemplateMessage({ version, mapping, contact, callbackData: "pm:1" });
    expect(fallback.template.components?.at(-1)).toMatchObject({
      parameters: [{ type: "coupon_code", coupon_code: "SUMMER25" }],
    });
  });

  it("cannot be sent without a code, nor with a tracked link as one", () => {
    expect(() =>
      renderTemplateMessage({ version, mapping: { variables: body }, contact, callbackData: "pm:1" }),
    ).toThrow(MissingValueError);
    const tracked = {
      variables: {
        ...body,
        "button:1": { source: "tracked" as const, value: "https://shop.example.com", fallback: "" },
      },
    };
    expect(() =>
      renderTemplateMessage({ version, mapping: tracked, contact, callbackData: "pm:1", trackLink: () => "t" }),
    ).toThrow(MissingValueError);
  });
});

describe("carousels and limited-time offers", () => {
  const card = (text: string) => ({
    components: [
      { type: "HEADER", format: "IMAGE" },
      { type: "BODY", text },
      {
        type: "BUTTONS",
        buttons: [
          { type: "QUICK_REPLY", text: "Send me more like this!" },
          { type: "URL", text: "Shop", url: "https://www.luckyshrub.com/rare-succulents/{{1}}" },
        ],
      },
    ],
  });
  const CAROUSEL = {
    name: "carousel_template_media_cards_v1",
    language: "en_US",
    parameterFormat: "POSITIONAL",
    components: [
      { type: "BODY", text: "Rare succulents for sale! {{1}}, these are {{2}} with code {{3}}. Shop now!" },
      { type: "CAROUSEL", cards: [card("Aloe 'Blue Elf'."), card("Crassula Buddha's Temple.")] },
    ],
  };
  const constant = (value: string) => ({ source: "constant" as const, value, fallback: "" });
  const mapping = {
    variables: {
      "body:1": { source: "field" as const, value: "first_name", fallback: "" },
      "body:2": constant("30%"),
      "body:3": constant("30OFF"),
      "card:0:payload:0": constant("more_like_blue_elf"),
      "card:0:button:1": constant("BLUE_ELF"),
      "card:1:payload:0": constant("more_like_buddha"),
      "card:1:button:1": constant("BUDDHA"),
    },
  };
  const cardMedia = [
    { link: "https://www.luckyshrub.com/assets/blue_elf.jpg" },
    { link: "https://www.luckyshrub.com/assets/buddha.jpg" },
  ];

  it("has a slot for each card's link ending and reply payload", () => {
    expect(templateSlots(CAROUSEL.components).map((s) => [s.key, s.card])).toEqual([
      ["body:1", undefined],
      ["body:2", undefined],
      ["body:3", undefined],
      ["card:0:payload:0", 0],
      ["card:0:button:1", 0],
      ["card:1:payload:0", 1],
      ["card:1:button:1", 1],
    ]);
  });

  it("sends Meta's carousel example: the body's values, then each card's media and buttons", async () => {
    const { fixtures } = await import("@/lib/whatsapp/fixtures");
    const example = fixtures("send_template_request_media_carousel")[0]![1] as {
      template: { components: unknown[] };
    };
    const request = renderTemplateMessage({
      version: CAROUSEL,
      mapping,
      contact: { ...contact, name: "Pablo" },
      cardMedia,
      callbackData: "parley:m1",
    });
    // Meta's example writes a button's index as a number; Parley sends it as a string, as the OpenAPI has it.
    const indexAsString = (value: unknown) =>
      JSON.parse(JSON.stringify(value).replace(/"index":(\d)/g, '"index":"$1"'));
    expect(request.template.components).toEqual(indexAsString(example.template.components));
    expect(sendMessageRequestSchema.safeParse(request).success).toBe(true);
    expect(previewText(CAROUSEL, mapping, contact).cards.map((c) => c.buttons[1]!.url)).toEqual([
      "https://www.luckyshrub.com/rare-succulents/BLUE_ELF",
      "https://www.luckyshrub.com/rare-succulents/BUDDHA",
    ]);
  });

  it("cannot send a carousel without every card's media", () => {
    expect(() =>
      renderTemplateMessage({
        version: CAROUSEL,
        mapping,
        contact,
        cardMedia: cardMedia.slice(0, 1),
        callbackData: "x",
      }),
    ).toThrow(MissingValueError);
  });

  it("sends a card's tracked link with an ending that names the card, and none without a way to make one", () => {
    const tracked = {
      variables: {
        ...mapping.variables,
        "card:1:button:1": { ...constant("https://www.luckyshrub.com/buddha"), source: "tracked" as const },
      },
    };
    const send = (trackLink?: (button: number, card?: number) => string) =>
      renderTemplateMessage({ version: CAROUSEL, mapping: tracked, contact, cardMedia, callbackData: "x", trackLink });
    const request = send((button, card) => `m1.${card ?? "own"}.${button}.signature`);
    const cards = request.template.components!.find((c) => c.type === "carousel");
    const linkOf = (i: number) =>
      cards?.type === "carousel" ? cards.cards[i]!.components.find((c) => c.sub_type === "url") : undefined;
    // Card 1's link is the campaign's ending; card 2's is Parley's signed one, naming card 2 (from 0: 1).
    expect(linkOf(0)).toEqual({
      type: "button",
      sub_type: "url",
      index: "1",
      parameters: [{ type: "text", text: "BLUE_ELF" }],
    });
    expect(linkOf(1)).toEqual({
      type: "button",
      sub_type: "url",
      index: "1",
      parameters: [{ type: "text", text: "m1.1.1.signature" }],
    });
    expect(sendMessageRequestSchema.safeParse(request).success).toBe(true);
    expect(() => send(undefined)).toThrow(MissingValueError);
    // The preview shows where the tracked link leads.
    expect(previewText(CAROUSEL, tracked, contact).cards[1]!.buttons[1]!.url).toBe("https://www.luckyshrub.com/buddha");
  });

  it("sends a limited-time offer's expiry in milliseconds, and refuses one that is not a date", () => {
    const OFFER = {
      name: "flash_sale",
      language: "en_US",
      parameterFormat: "POSITIONAL",
      components: [
        { type: "LIMITED_TIME_OFFER", limited_time_offer: { text: "Ends soon!", has_expiration: true } },
        { type: "BODY", text: "Good news, {{1}}! Take 25% off." },
        {
          type: "BUTTONS",
          buttons: [{ type: "COPY_CODE" }, { type: "URL", text: "Book", url: "https://x.example/o" }],
        },
      ],
    };
    const variables = {
      "body:1": constant("Ana"),
      "button:0": constant("CARIBE25"),
      offer: constant("2026-12-24T23:00:00Z"),
    };
    expect(templateSlots(OFFER.components).map((s) => s.key)).toEqual(["body:1", "button:0", "offer"]);
    const request = renderTemplateMessage({ version: OFFER, mapping: { variables }, contact, callbackData: "x" });
    expect(request.template.components!.map((c) => c.type)).toEqual(["body", "limited_time_offer", "button"]);
    expect(request.template.components![1]).toEqual({
      type: "limited_time_offer",
      parameters: [
        { type: "limited_time_offer", limited_time_offer: { expiration_time_ms: Date.UTC(2026, 11, 24, 23) } },
      ],
    });
    expect(() =>
      renderTemplateMessage({
        version: OFFER,
        mapping: { variables: { ...variables, offer: constant("next friday") } },
        contact,
        callbackData: "x",
      }),
    ).toThrow(MissingValueError);
  });
});
