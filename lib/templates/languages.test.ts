// A template language is named in the reader's language; its code only tells two of one language apart.
import { describe, expect, it } from "vitest";
import { codeHelps, languageNameIn } from "./languages";

describe("languageNameIn", () => {
  it("names Meta's codes in the reader's language, English with the picker's own names", () => {
    expect(languageNameIn("en", "en_US")).toBe("English (US)");
    expect(languageNameIn("es", "es_ES")).toBe("Español de España");
    expect(languageNameIn("fr", "pt_BR")).toBe("Portugais brésilien");
    expect(languageNameIn("sv", "de")).toBe("Tyska");
  });

  it("falls back to the code when nothing names it", () => {
    expect(languageNameIn("en", "xx_YY")).toBe("xx_YY");
  });
});

describe("codeHelps", () => {
  it("is true only when another code is the same language", () => {
    expect(codeHelps(["en", "en_US", "es_ES"], "en_US")).toBe(true);
    expect(codeHelps(["en_US", "es_ES"], "en_US")).toBe(false);
  });
});
