import { describe, expect, it } from "vitest";
import { englishTranslator } from "@/lib/i18n/translator";
import { checkMedia, MEDIA_RULES } from "./rules";

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const pdf = Buffer.from("%PDF-1.7\n...");
const mp4 = Buffer.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d]);
const padded = (head: Buffer, size: number) => Buffer.concat([head, Buffer.alloc(size - head.length)]);

describe("checkMedia", () => {
  it("recognises files by their bytes", () => {
    expect(checkMedia("a.png", png)).toEqual({ ok: true, kind: "IMAGE", mimeType: "image/png" });
    expect(checkMedia("a.pdf", pdf)).toEqual({ ok: true, kind: "DOCUMENT", mimeType: "application/pdf" });
    expect(checkMedia("a.mp4", mp4)).toEqual({ ok: true, kind: "VIDEO", mimeType: "video/mp4" });
    const evil = checkMedia("evil.png", Buffer.from("<svg onload=alert(1)>"));
    expect(evil.ok).toBe(false);
    if (!evil.ok) expect(englishTranslator.message(evil.message)).toMatch(/^evil\.png: not a file WhatsApp takes/);
  });

  it("allows each kind up to its limit and refuses one byte more", () => {
    for (const [head, kind] of [
      [png, "IMAGE"],
      [mp4, "VIDEO"],
      [pdf, "DOCUMENT"],
    ] as const) {
      const max = MEDIA_RULES[kind].maxBytes;
      expect(checkMedia("f", padded(head, max)).ok).toBe(true);
      const over = checkMedia("f", padded(head, max + 1));
      expect(over.ok).toBe(false);
      if (!over.ok)
        expect(englishTranslator.message(over.message)).toMatch(
          /^f: (images|videos|documents) can be at most (5\.0|16\.0|100\.0) MB \(this one is/,
        );
    }
  });
});
