import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./redirect";

describe("safeCallbackPath", () => {
  it("keeps paths on this site, with their query", () => {
    expect(safeCallbackPath("/campaigns/abc?tab=report")).toBe("/campaigns/abc?tab=report");
    expect(safeCallbackPath(["/inbox", "/other"])).toBe("/inbox");
  });

  it.each([
    undefined,
    "",
    "https://evil.com",
    "//evil.com",
    "/\\evil.com",
    "/\\/evil.com",
    "\\\\evil.com",
    "/\t/evil.com",
    "/\n/evil.com",
    "/\r\n/evil.com",
    "/%09/evil.com".replace("%09", "\t"),
    "/\u0000/evil.com",
    "javascript:alert(1)",
    " /inbox",
  ])("sends %j to the home page instead of another host", (raw) => {
    expect(safeCallbackPath(raw)).toBe("/");
  });

  it("never yields a value a browser reads as another host", () => {
    for (const raw of ["/\\evil.com", "/\t/evil.com", "//evil.com", "/./\\evil.com", "/..//evil.com"]) {
      const out = safeCallbackPath(raw);
      expect(new URL(out, "https://parley.example").host).toBe("parley.example");
    }
  });
});
