// Meta's error codes are explained to the person reading, in their language; machines read English.
import { describe, expect, it } from "vitest";
import { english, loadMessages } from "@/lib/i18n/catalog";
import { locales } from "@/lib/i18n/config";
import { englishTranslator, translatorFor } from "@/lib/i18n/translator";
import { classifyError } from "./errors";

const reader = async (locale: (typeof locales)[number]) => translatorFor(locale, await loadMessages(locale));

describe("Cloud API error explanations", () => {
  it("tell a Spanish reader in Spanish that the person stopped marketing messages (131050)", async () => {
    const { action, effect, explanation } = classifyError(131050);
    expect([action, effect]).toEqual(["suppress_contact", "opt_out"]);
    expect((await reader("es")).message(explanation)).toBe(
      "Esta persona desactivó tus mensajes de marketing en WhatsApp. Parley registró la baja y no volverá a escribirle.",
    );
    expect(englishTranslator.message(explanation)).toBe(
      "This person stopped marketing messages from you in WhatsApp. Parley recorded the opt-out and will not message them again.",
    );
  });

  it("explain every known code, and unknown ones with their number, in every language", async () => {
    const codes = Object.keys(english.cloudApi.reason).map(Number);
    expect(codes.length).toBeGreaterThan(25);
    for (const locale of locales) {
      const t = await reader(locale);
      for (const code of codes) {
        const words = t.message(classifyError(code).explanation);
        expect(words, `${locale} ${code}`).not.toMatch(/^errors\./);
        expect(words.length, `${locale} ${code}`).toBeGreaterThan(20);
      }
      expect(t.message(classifyError(999_001, 503).explanation)).toContain("999001");
      expect(t.message(classifyError(999_002, 400).explanation)).toContain("999002");
    }
    expect(classifyError(999_001, 503).action).toBe("retry");
    expect(classifyError(999_002, 400).action).toBe("fix_request");
  });
});
