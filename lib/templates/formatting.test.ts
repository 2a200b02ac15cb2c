import { describe, expect, it } from "vitest";
import { formatWhatsApp } from "./formatting";

describe("formatWhatsApp", () => {
  it("parses each kind of markup, nested", () => {
    expect(formatWhatsApp("Get *25% off* _today_, ~was 10%~ code ```SAVE25```")).toEqual([
      "Get ",
      { tag: "b", children: ["25% off"] },
      " ",
      { tag: "i", children: ["today"] },
      ", ",
      { tag: "s", children: ["was 10%"] },
      " code ",
      { tag: "code", children: ["SAVE25"] },
    ]);
    expect(formatWhatsApp("*bold _and italic_*")).toEqual([
      { tag: "b", children: ["bold ", { tag: "i", children: ["and italic"] }] },
    ]);
  });

  it("leaves unmatched markers and markup across lines as text", () => {
    expect(formatWhatsApp("2 * 3 = 6")).toEqual(["2 * 3 = 6"]);
    expect(formatWhatsApp("*not\nbold*")).toEqual(["*not\nbold*"]);
    expect(formatWhatsApp("<script>alert(1)</script>")).toEqual(["<script>alert(1)</script>"]);
  });
});
