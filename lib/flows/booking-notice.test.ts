import { describe, expect, it } from "vitest";
import { bookingTakenText, customerLocale } from "./booking-notice";

describe("the booking-taken message", () => {
  it("speaks the contact's language when Parley has it, else English", () => {
    expect(customerLocale("pt_BR")).toBe("pt");
    expect(customerLocale("fr-CA")).toBe("fr");
    expect(customerLocale("SV")).toBe("sv");
    expect(customerLocale("de_DE")).toBe("en");
    expect(customerLocale(null)).toBe("en");
  });

  it("names the time in words on the workspace's clock, in that language", () => {
    const at = new Date(Date.UTC(2030, 6, 4, 8, 30)); // 10:30 in Stockholm (summer time)
    const swedish = bookingTakenText("sv", at, "Europe/Stockholm");
    expect(swedish).toMatch(/^Tyvärr/);
    for (const part of ["4", "juli", "2030", "10:30"]) expect(swedish).toContain(part);
    expect(bookingTakenText("en", at, "UTC")).toMatch(/^Sorry, .*8:30.* was taken/);
  });
});
