import { describe, expect, it } from "vitest";
import { normalisePhone } from "./phone";

describe("normalisePhone", () => {
  it.each([
    ["+34 610 00 00 01", "ES", "+34610000001"],
    ["610 000 001", "ES", "+34610000001"],
    ["0034 610000001", undefined, "+34610000001"],
    ["+44 7911 123456", "ES", "+447911123456"],
    ["07911 123456", "GB", "+447911123456"],
    ["(415) 555-0132", "US", "+14155550132"],
    ["+55 11 91234-5678", undefined, "+5511912345678"],
    ["+91 98100 24757", undefined, "+919810024757"],
    ["+49 1512 3456789", undefined, "+4915123456789"],
  ])("%s (default %s) → %s", (input, country, expected) => {
    expect(normalisePhone(input, country)).toEqual({ ok: true, e164: expected });
  });

  it.each([
    ["", "ES", "empty"],
    ["hello", "ES", "not a phone number"],
    ["610 000 001", undefined, "no country code, and no default country to assume"],
    ["+34 123", undefined, "not a valid number for ES"],
    ["+1 555 0100", undefined, "not a valid number for +1"],
    ["+44 7700 900123", "GB", "not a valid number for +44"], // Ofcom keeps 07700 900xxx for TV drama
  ])("refuses %j (default %s): %s", (input, country, reason) => {
    expect(normalisePhone(input, country)).toMatchObject({ ok: false, reason });
  });

  it("gives each refusal a code a screen can word, with the country the number belongs to", () => {
    expect(normalisePhone("", "ES")).toEqual({ ok: false, reason: "empty", code: "empty" });
    expect(normalisePhone("hello", "ES")).toMatchObject({ code: "NOT_A_NUMBER" });
    expect(normalisePhone("610 000 001")).toMatchObject({ code: "INVALID_COUNTRY" });
    expect(normalisePhone("+34 123")).toMatchObject({ code: "invalid_for_country", country: "ES" });
    expect(normalisePhone("+1 555 0100")).toMatchObject({ code: "invalid_for_country", country: "+1" });
  });
});
