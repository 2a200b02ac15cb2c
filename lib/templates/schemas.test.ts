// Every limit at its boundary: the limit passes, one more fails with a message naming the field and limit.
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { english } from "@/lib/i18n/catalog";
import { translateMessage } from "@/lib/i18n/message-key";
import { LIMITS } from "./limits";
import { EMPTY_TEMPLATE, templateInputSchema, type TemplateButton, type TemplateInput } from "./schemas";

const valid: TemplateInput = {
  ...EMPTY_TEMPLATE,
  name: "summer_sale",
  body: { text: "Hi {{1}}, get {{2}} off today.", samples: { "1": "Ana", "2": "25%" } },
};

function errors(patch: Partial<TemplateInput>): string[] {
  const result = templateInputSchema.safeParse({ ...valid, ...patch });
  // The messages are catalog keys; these tests read them in English, as the builder shows them.
  const t = createTranslator({ locale: "en", messages: english });
  return result.success ? [] : result.error.issues.map((i) => translateMessage(t, i.message));
}

const text = (n: number) => "a".repeat(n);
const qr = (n: number): TemplateButton[] =>
  Array.from({ length: n }, (_, i) => ({ type: "QUICK_REPLY", text: `Reply ${i + 1}` }));
const url = (n: number): TemplateButton[] =>
  Array.from({ length: n }, (_, i) => ({ type: "URL", text: `Link ${i + 1}`, url: "https://shop.example.com" }));

describe("template limits at their boundaries", () => {
  it("accepts the valid base template", () => expect(errors({})).toEqual([]));

  it.each([
    ["name", { name: text(LIMITS.name) }, { name: text(LIMITS.name + 1) }, "Name: at most 512 characters."],
    [
      "header text",
      { header: { type: "TEXT", text: text(60) } },
      { header: { type: "TEXT", text: text(61) } },
      "Header text: at most 60 characters (61 now).",
    ],
    [
      "body",
      { body: { text: `x${text(1023)}`, samples: {} } },
      { body: { text: text(1025), samples: {} } },
      "Body: at most 1,024 characters (1,025 now).",
    ],
    ["footer", { footer: text(60) }, { footer: text(61) }, "Footer: at most 60 characters (61 now)."],
    [
      "button label",
      { buttons: [{ type: "QUICK_REPLY", text: text(25) }] },
      { buttons: [{ type: "QUICK_REPLY", text: text(26) }] },
      "Button 1 label: at most 25 characters (26 now).",
    ],
    [
      "URL",
      { buttons: [{ type: "URL", text: "Go", url: `https://a.co/${text(2000 - 13)}` }] },
      { buttons: [{ type: "URL", text: "Go", url: `https://a.co/${text(2000 - 12)}` }] },
      "Button 1 URL: at most 2,000 characters (2,001 now).",
    ],
    [
      "phone number",
      { buttons: [{ type: "PHONE_NUMBER", text: "Call", phoneNumber: `+${"1".repeat(19)}` }] },
      { buttons: [{ type: "PHONE_NUMBER", text: "Call", phoneNumber: `+${"1".repeat(20)}` }] },
      "Button 1 phone number: at most 20 characters (21 now).",
    ],
    [
      "copy code",
      { buttons: [{ type: "COPY_CODE", example: text(20) }] },
      { buttons: [{ type: "COPY_CODE", example: text(21) }] },
      "Button 1 code: at most 20 characters (21 now).",
    ],
    ["quick replies", { buttons: qr(10) }, { buttons: qr(11) }, "Quick replies: at most 10."],
    [
      "buttons in all",
      { buttons: [...qr(8), ...url(2)] },
      { buttons: [...qr(9), ...url(2)] },
      "Buttons: at most 10 in all (11 now).",
    ],
    ["URL buttons", { buttons: url(2) }, { buttons: url(3) }, "URL buttons: at most 2."],
    [
      "phone buttons",
      { buttons: [{ type: "PHONE_NUMBER", text: "Call", phoneNumber: "+34910000000" }] },
      {
        buttons: [
          { type: "PHONE_NUMBER", text: "Call", phoneNumber: "+34910000000" },
          { type: "PHONE_NUMBER", text: "Call 2", phoneNumber: "+34910000001" },
        ],
      },
      "Phone number buttons: at most 1.",
    ],
    [
      "copy-code buttons",
      { buttons: [{ type: "COPY_CODE", example: "SAVE10" }] },
      {
        buttons: [
          { type: "COPY_CODE", example: "SAVE10" },
          { type: "COPY_CODE", example: "SAVE20" },
        ],
      },
      "Copy-code buttons: at most 1.",
    ],
    [
      "header variables",
      { header: { type: "TEXT", text: "Our {{1}} sale", sample: "summer" } },
      { header: { type: "TEXT", text: "Our {{1}} {{2}} sale", sample: "summer" } },
      "Header text: at most 1 variable.",
    ],
  ] as [string, Partial<TemplateInput>, Partial<TemplateInput>, string][])(
    "%s: the limit passes, one more fails",
    (_name, atLimit, overLimit, message) => {
      expect(errors(atLimit)).toEqual([]);
      expect(errors(overLimit)).toContain(message);
    },
  );
});

describe("template rules", () => {
  it("asks for a sample per variable", () => {
    expect(errors({ body: { text: "Hi {{1}}, welcome.", samples: {} } })).toContain(
      "Body variable {{1}}: a sample value is required for Meta's review.",
    );
    expect(errors({ header: { type: "TEXT", text: "Our {{1}} sale" } })).toContain(
      "Header variable: a sample value is required for Meta's review.",
    );
  });

  it("refuses a body that starts or ends with a variable, or variables that touch", () => {
    expect(errors({ body: { text: "{{1}}, welcome back.", samples: { "1": "Ana" } } })[0]).toMatch(
      /may not start or end with a variable/,
    );
    expect(errors({ body: { text: "Welcome back {{1}}", samples: { "1": "Ana" } } })[0]).toMatch(
      /may not start or end with a variable/,
    );
    expect(errors({ body: { text: "Hi {{1}}{{2}} there.", samples: { "1": "a", "2": "b" } } })).toContain(
      "Body: two variables may not touch; put words or punctuation between them.",
    );
  });

  it("wants positional variables numbered without gaps, and named ones when the format says so", () => {
    expect(errors({ body: { text: "Hi {{1}} and {{3}} here.", samples: { "1": "a", "3": "c" } } })).toContain(
      "Body: number the variables {{1}} to {{2}} without gaps.",
    );
    expect(errors({ body: { text: "Hi {{first_name}} here.", samples: { first_name: "Ana" } } })[0]).toMatch(
      /is a named variable, but this template uses numbers/,
    );
    expect(
      errors({ parameterFormat: "NAMED", body: { text: "Hi {{first_name}} here.", samples: { first_name: "Ana" } } }),
    ).toEqual([]);
  });

  it("keeps quick replies together", () => {
    expect(errors({ buttons: [...qr(1), ...url(1), ...qr(1)] })).toContain(
      "Buttons: keep the quick replies together, before or after the other buttons.",
    );
    expect(errors({ buttons: [...qr(2), ...url(1)] })).toEqual([]);
  });

  it("allows one URL variable, at the end, with a sample", () => {
    expect(
      errors({ buttons: [{ type: "URL", text: "Shop", url: "https://shop.example.com/{{1}}", sample: "summer" }] }),
    ).toEqual([]);
    expect(errors({ buttons: [{ type: "URL", text: "Shop", url: "https://shop.example.com/{{1}}/x" }] })).toContain(
      "Button 1 URL: one variable at most, and only at the very end (a dynamic suffix).",
    );
    expect(errors({ buttons: [{ type: "URL", text: "Shop", url: "https://shop.example.com/{{1}}" }] })).toContain(
      "Button 1 URL: a sample suffix is required for Meta's review.",
    );
  });

  it("checks the name and language like Meta does", () => {
    expect(errors({ name: "Summer Sale" })).toContain(
      "Name: lowercase letters, digits and underscores only (e.g. summer_sale_2026).",
    );
    expect(errors({ language: "english" as never })).toContain("Language: choose one of Meta's language codes.");
  });
});

describe("carousels and limited-time offers", () => {
  const card = (patch: Partial<TemplateInput["cards"][number]> = {}): TemplateInput["cards"][number] => ({
    mediaAssetId: "asset",
    body: "A rare succulent.",
    samples: {},
    buttons: [{ type: "QUICK_REPLY", text: "More like this" }],
    ...patch,
  });
  const carousel = (patch: Partial<TemplateInput>) => errors({ format: "CAROUSEL", cards: [card(), card()], ...patch });

  it("takes 2 to 10 cards of one shape, each with its media, on a marketing template", () => {
    expect(carousel({})).toEqual([]);
    expect(carousel({ cards: Array.from({ length: LIMITS.cards }, () => card()) })).toEqual([]);
    expect(carousel({ cards: [card()] })).toEqual(["Cards: 2 to 10 cards (1 now)."]);
    expect(carousel({ cards: Array.from({ length: 11 }, () => card()) })).toEqual(["Cards: 2 to 10 cards (11 now)."]);
    expect(carousel({ cards: [card(), card({ mediaAssetId: "" })] })).toEqual([
      "Card 2: choose an image from the media library.",
    ]);
    expect(carousel({ category: "UTILITY" })).toEqual([
      "Format: carousels and limited-time offers are for marketing templates only.",
    ]);
  });

  it("keeps a card's text within 160 characters, its samples filled and its buttons like the first card's", () => {
    expect(carousel({ cards: [card({ body: text(LIMITS.cardBody) }), card({ body: text(LIMITS.cardBody) })] })).toEqual(
      [],
    );
    expect(carousel({ cards: [card(), card({ body: text(161) })] })).toEqual([
      "Card 2 text: at most 160 characters (161 now).",
    ]);
    expect(carousel({ cards: [card(), card({ body: "Now {{1}} off.", samples: { "1": "" } })] })).toContain(
      "Card 2 variable {{1}}: a sample value is required for Meta's review.",
    );
    expect(carousel({ cards: [card(), card({ buttons: [...url(1)] })] })).toEqual([
      "Card 2: every card needs the same parts as card 1 (text or none, and the same buttons in the same order).",
    ]);
    expect(carousel({ cards: [card({ buttons: qr(3) }), card({ buttons: qr(3) })] })).toContain(
      "Card 1: at most 2 buttons.",
    );
    expect(carousel({ buttons: qr(1) })).toEqual(["Buttons: in a carousel, buttons go on the cards."]);
  });

  it("gives a limited-time offer a headline of 16 characters, one URL button and a code of 15", () => {
    const offer = (patch: Partial<TemplateInput>) =>
      errors({
        format: "LIMITED_TIME_OFFER",
        offer: { text: text(LIMITS.offerText), expires: true },
        buttons: [{ type: "COPY_CODE", example: text(LIMITS.offerCode) }, ...url(1)],
        ...patch,
      });
    expect(offer({})).toEqual([]);
    expect(offer({ offer: { text: text(17), expires: true } })).toEqual([
      "Offer headline: at most 16 characters (17 now).",
    ]);
    expect(offer({ buttons: [{ type: "COPY_CODE", example: text(16) }, ...url(1)] })).toEqual([
      "Button 1 code: at most 15 characters (16 now).",
    ]);
    expect(offer({ buttons: qr(1) })).toEqual([
      "Buttons: a limited-time offer has one URL button, and may have a copy-code button.",
    ]);
    expect(offer({ footer: "Terms apply" })).toEqual(["Footer: not allowed in carousels or limited-time offers."]);
  });
});

describe("the delivery window (time-to-live)", () => {
  it("takes Meta's range for the category, or Meta's default", () => {
    expect(errors({ ttlSeconds: null })).toEqual([]);
    expect(errors({ ttlSeconds: 43_200 })).toEqual([]); // marketing: 12 hours to 30 days
    expect(errors({ ttlSeconds: 2_592_000 })).toEqual([]);
    expect(errors({ ttlSeconds: 3_600 })).toEqual(["Delivery window: 12 hours to 30 days for this category."]);
    expect(errors({ ttlSeconds: 2_592_001 })).toEqual(["Delivery window: 12 hours to 30 days for this category."]);
    expect(errors({ category: "UTILITY", ttlSeconds: 3_600 })).toEqual([]);
    expect(errors({ category: "AUTHENTICATION", ttlSeconds: 901 })).toEqual([
      "Delivery window: 30 seconds to 15 minutes for this category.",
    ]);
  });
});
