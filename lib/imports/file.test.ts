// How an uploaded file is read: its encoding from its first bytes (a character cut at the end of those
// bytes is not a sign of another encoding; a BOM is dropped), and the longest row it may have.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { englishTranslator } from "@/lib/i18n/translator";
import { detectEncoding, detectFormat, MAX_RECORD_CHARS, readRecords, csvErrorMessage } from "./file";

const dir = mkdtempSync(path.join(tmpdir(), "parley-csv-"));
let n = 0;
function fileOf(bytes: Uint8Array | string): string {
  const file = path.join(dir, `f${n++}.csv`);
  writeFileSync(file, bytes);
  return file;
}

/** ASCII rows with a multi-byte character placed so that it starts `before` bytes before the 64 KB mark. */
function utf8WithCharAtEdge(char: string, before: number): Buffer {
  const head = Buffer.from("phone,name\n");
  const filler = Buffer.alloc(64 * 1024 - head.length - before, "a");
  return Buffer.concat([head, filler, Buffer.from(`${char}z,Zoë\n+34600000001,Ana\n`)]);
}

describe("detectFormat", () => {
  it.each([
    ["é", 1],
    ["€", 1],
    ["€", 2],
    ["🌷", 3],
    ["€", 5], // cut where the old check cut the sample, 4 bytes before its end
    ["🌷", 6],
  ])(
    "reads UTF-8 with %s cut at the 64 KB edge (%i bytes before it) as UTF-8, not Windows-1252",
    async (char, before) => {
      const { format } = await detectFormat(fileOf(utf8WithCharAtEdge(char, before)));
      expect(format.encoding).toBe("utf-8");
    },
  );

  it("drops a UTF-8 byte order mark, and trusts it over a stray invalid byte", async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const { format, sample } = await detectFormat(
      fileOf(Buffer.concat([bom, Buffer.from("phone;name\n+34600000001;Jos"), Buffer.from([0xe9]), Buffer.from("\n")])),
    );
    expect(format).toMatchObject({ encoding: "utf-8", delimiter: ";" });
    expect(sample.startsWith("phone;name")).toBe(true);
  });

  it("still reads Windows-1252 when the bytes are not UTF-8", async () => {
    const { format, sample } = await detectFormat(fileOf(Buffer.from("phone,name\n+34600000001,Jos\xe9\n", "latin1")));
    expect(format.encoding).toBe("windows-1252");
    expect(sample).toContain("José");
  });

  it("reads UTF-16 in either byte order", () => {
    const text = "phone,name\n";
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    const be = Buffer.from(le);
    be.swap16();
    expect(detectEncoding(le, true)).toEqual({ encoding: "utf-16le", text });
    expect(detectEncoding(be, true)).toEqual({ encoding: "utf-16be", text });
  });
});

describe("readRecords", () => {
  it("refuses a record longer than the cap, naming its row, instead of holding it in memory", async () => {
    const huge = `phone,name\n+34600000001,Ana\n+34600000002,"${"x".repeat(MAX_RECORD_CHARS + 10)}\n`;
    const file = fileOf(huge);
    const { format } = await detectFormat(file);
    const read = async () => {
      for await (const record of readRecords(file, format)) void record;
    };
    const error = await read().then(
      () => null,
      (e: unknown) => e,
    );
    expect(englishTranslator.message(csvErrorMessage(error)!)).toBe(
      `Row 3 is longer than ${MAX_RECORD_CHARS / 1024} KB, more than any contact needs: look for a quote (") that opens a value and is never closed, or split the row.`,
    );
  });
});
