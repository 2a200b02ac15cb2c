import { describe, expect, it } from "vitest";
import { NotFoundError } from "./errors";
import { parseId, urlHasNul } from "./ids";

describe("ids from URLs", () => {
  it("pass cuids and hex UUIDs", () => {
    expect(parseId("cmabc123xyz0001")).toBe("cmabc123xyz0001");
    expect(parseId("0f1e2d3c4b5a69788796a5b4c3d2e1f0")).toBe("0f1e2d3c4b5a69788796a5b4c3d2e1f0");
  });

  it.each(["", "a\u0000b", "\u0000", "../etc/passwd", "x".repeat(65), "id with space", "%00"])(
    "answer %j as not found, before any query",
    (raw) => {
      expect(() => parseId(raw, "campaign")).toThrow(new NotFoundError("campaign"));
    },
  );

  it("find %00 and raw NUL in a request URL", () => {
    expect(urlHasNul("/campaigns/%00")).toBe(true);
    expect(urlHasNul("/audiences/contacts?q=a%00b")).toBe(true);
    expect(urlHasNul("/x\u0000")).toBe(true);
    expect(urlHasNul("/audiences/contacts?q=100%25")).toBe(false);
  });
});
