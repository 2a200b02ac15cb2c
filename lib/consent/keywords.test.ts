import { describe, expect, it } from "vitest";
import { consentKeyword } from "./keywords";

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
    expect(consentKeyword(text)).toBe(expected);
  });
});
