import { describe, expect, it } from "vitest";
import { audienceAdvice, contentAdvice, LONG_FOR_CHAT, templateText } from "./channel-advice";

describe("contentAdvice", () => {
  it("has nothing to say about a short, ordinary message", () => {
    expect(contentAdvice({ body: "Hi Ana, your order #10423 has shipped." })).toEqual([]);
  });

  it("says a body past the chat length is too long, with its length and the limit", () => {
    const body = "a".repeat(LONG_FOR_CHAT + 1);
    expect(contentAdvice({ body })).toEqual([
      { code: "tooLong", values: { length: LONG_FOR_CHAT + 1, limit: LONG_FOR_CHAT } },
    ]);
    expect(contentAdvice({ body: "a".repeat(LONG_FOR_CHAT) })).toEqual([]);
  });

  it("recognises an urgent notice in any of the six languages, in the header or the body", () => {
    expect(contentAdvice({ body: "URGENT: the water supply is cut until 6 pm." })).toEqual([
      { code: "urgent", values: { word: "urgent" } },
    ]);
    expect(contentAdvice({ header: "Aviso de emergencia", body: "Cerramos hoy." })[0]?.code).toBe("urgent");
    expect(contentAdvice({ body: "Merci de quitter le bâtiment immédiatement." })[0]?.code).toBe("urgent");
    expect(contentAdvice({ body: "Brådskande: ert tåg är inställt." })[0]?.code).toBe("urgent");
    expect(contentAdvice({ body: "Please act immediately." })[0]?.code).toBe("urgent");
  });

  it("matches whole words only", () => {
    expect(contentAdvice({ body: "Our insurgent-themed escape room opens Friday." })).toEqual([]);
    expect(contentAdvice({ body: "Recalling last summer? Book again." })).toEqual([]);
  });
});

describe("audienceAdvice", () => {
  it("advises another channel once a tenth of the audience is not on WhatsApp", () => {
    expect(audienceAdvice({ targeted: 200, notOnWhatsApp: 30 })).toEqual({
      code: "notOnWhatsApp",
      values: { count: 30, targeted: 200, percent: 15 },
    });
    expect(audienceAdvice({ targeted: 200, notOnWhatsApp: 20 })?.values.percent).toBe(10);
  });

  it("stays quiet below a tenth, or with nobody targeted", () => {
    expect(audienceAdvice({ targeted: 200, notOnWhatsApp: 19 })).toBeNull();
    expect(audienceAdvice({ targeted: 0, notOnWhatsApp: 0 })).toBeNull();
    expect(audienceAdvice({ targeted: 50, notOnWhatsApp: 0 })).toBeNull();
  });
});

describe("templateText", () => {
  it("reads a text header and the body from Meta's components", () => {
    expect(
      templateText([
        { type: "HEADER", format: "TEXT", text: "Service notice" },
        { type: "BODY", text: "Hello" },
      ]),
    ).toEqual({ header: "Service notice", body: "Hello" });
    expect(
      templateText([
        { type: "HEADER", format: "IMAGE" },
        { type: "BODY", text: "Hi" },
      ]),
    ).toEqual({
      header: null,
      body: "Hi",
    });
    expect(templateText(null)).toEqual({ header: null, body: "" });
  });
});
