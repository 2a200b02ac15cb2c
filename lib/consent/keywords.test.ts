import { describe, expect, it } from "vitest";
import { consentKeyword } from "./keywords";

const keywords = { optOut: ["STOP", "STOP PROMOTIONS", "BAJA", "ARRÊT"], optIn: ["START"] };

describe("consentKeyword", () => {
  it.each([
    ["STOP", "OPT_OUT"],
    ["  stop!  ", "OPT_OUT"],
    ["Stop promotions", "OPT_OUT"],
    ["Baja", "OPT_OUT"],
    ["arrêt", "OPT_OUT"],
    ["START", "OPT_IN"],
    ["please stop sending me this", null],
    ["Show me deals", null],
    ["", null],
  ])("%j means %s", (text, expected) => {
    expect(consentKeyword(text, keywords)).toBe(expected);
  });
});

describe("workspace keywords", () => {
  it("match however they were typed in settings", () => {
    expect(consentKeyword("basta ya!", { optOut: ["  Basta  ya "], optIn: [] })).toBe("OPT_OUT");
    expect(consentKeyword("STOP", { optOut: ["BASTA"], optIn: [] })).toBeNull();
  });
});
