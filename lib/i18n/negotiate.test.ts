import { describe, expect, it } from "vitest";
import { isTimeZone } from "./config";
import { chooseLocale, chooseTimeZone } from "./negotiate";

describe("chooseLocale", () => {
  it("prefers the person's own choice over the browser", () => {
    expect(chooseLocale("sv", "es-ES,es;q=0.9")).toBe("sv");
  });

  it("takes the browser's best match among the six languages", () => {
    expect(chooseLocale(undefined, "es-MX,es;q=0.9,en;q=0.8")).toBe("es");
    expect(chooseLocale(undefined, "pt-BR")).toBe("pt");
    expect(chooseLocale(undefined, "de-DE,de;q=0.9,fr;q=0.7,en;q=0.5")).toBe("fr");
    expect(chooseLocale("xx", "it")).toBe("it");
  });

  it("falls back to English", () => {
    expect(chooseLocale(undefined, null)).toBe("en");
    expect(chooseLocale(undefined, "de-DE,ja;q=0.5")).toBe("en");
    expect(chooseLocale(undefined, "*")).toBe("en");
    expect(chooseLocale(undefined, "not a language!!")).toBe("en");
  });
});

describe("chooseTimeZone", () => {
  it("prefers the saved zone, then the browser's, then UTC", () => {
    expect(chooseTimeZone("Europe/Stockholm", "America/Lima")).toBe("Europe/Stockholm");
    expect(chooseTimeZone(undefined, "America/Lima")).toBe("America/Lima");
    expect(chooseTimeZone("Mars/Olympus", "Nowhere")).toBe("UTC");
    expect(isTimeZone("Europe/Paris")).toBe(true);
    expect(isTimeZone("Europe/Atlantis")).toBe(false);
  });
});
