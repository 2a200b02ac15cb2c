// Uploaded CSV files: where they are kept, what encoding and delimiter they use, and their rows as a stream.
import "server-only";
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import path from "node:path";
import { Transform } from "node:stream";
import { parse, type Options } from "csv-parse";
import { env } from "@/lib/env";
import { messageKey } from "@/lib/i18n/message-key";
import { sniffDelimiter } from "./rows";

export type FileFormat = {
  encoding: "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";
  delimiter: string;
  sepLine: boolean;
};

/**
 * The longest record (row) taken, in characters. A contact's row is a few hundred; a record this long
 * is a quote never closed (csv-parse, with relaxed quotes, would read the rest of the file into one
 * field, in memory) or not a contacts file at all.
 */
export const MAX_RECORD_CHARS = 128 * 1024;

/** Uploads and their reports hold personal data: readable by Parley's own user only. */
export const FILE_MODE = 0o600;

/** Imports live in the data folder, which web and worker share (one machine, or a shared volume). */
export function importFile(id: string, kind: "upload" | "rejected" = "upload"): string {
  if (!/^[a-z0-9]+$/i.test(id)) throw new Error(`Unsafe import id ${id}`);
  return path.resolve(env().PARLEY_DATA_DIR, "imports", kind === "upload" ? `${id}.csv` : `${id}.rejected.csv`);
}

const SAMPLE_BYTES = 64 * 1024;

/**
 * The encoding of a file's first bytes: UTF-16 by its byte order mark, UTF-8 by its BOM or when the bytes
 * are valid UTF-8, else Windows-1252 (Excel on Windows). `complete` says the bytes are the whole file: when
 * they are not, a character cut at their end is the next read's start, not a sign of another encoding.
 */
export function detectEncoding(
  bytes: Uint8Array,
  complete: boolean,
): { encoding: FileFormat["encoding"]; text: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { encoding: "utf-16le", text: new TextDecoder("utf-16le").decode(bytes, { stream: !complete }) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { encoding: "utf-16be", text: new TextDecoder("utf-16be").decode(bytes, { stream: !complete }) };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    // Streaming, the decoder keeps an incomplete last character for later instead of calling it invalid.
    return { encoding: "utf-8", text: new TextDecoder("utf-8", { fatal: !bom }).decode(bytes, { stream: !complete }) };
  } catch {
    return { encoding: "windows-1252", text: new TextDecoder("windows-1252").decode(bytes) };
  }
}

/** A file's encoding and delimiter, from its first 64 KB; `sample` is that start as text, without a BOM. */
export async function detectFormat(file: string): Promise<{ format: FileFormat; sample: string }> {
  const handle = await open(file);
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    const complete = bytesRead < SAMPLE_BYTES || (await handle.stat()).size === bytesRead;
    const { encoding, text } = detectEncoding(buffer.subarray(0, bytesRead), complete);
    // TextDecoder drops a BOM of its own encoding; this one is left only where it was doubled or misread.
    const sample = text.replace(/^\ufeff/, "");
    return { format: { encoding, ...sniffDelimiter(sample) }, sample };
  } finally {
    await handle.close();
  }
}

/** A CSV parser's error as a sentence for the person who uploaded the file (a message key). */
export function csvErrorMessage(error: unknown): string | null {
  const csv = error as { code?: string; records?: number } | null;
  if (csv?.code === "CSV_MAX_RECORD_SIZE") {
    const row = (csv.records ?? 0) + 1;
    return messageKey("audiences.errors.import.rowTooLong", { row, kb: MAX_RECORD_CHARS / 1024 });
  }
  return null;
}

export function parserOptions(format: FileFormat): Options {
  return {
    delimiter: format.delimiter,
    bom: true,
    max_record_size: MAX_RECORD_CHARS,
    from_line: format.sepLine ? 2 : 1,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
  };
}

/**
 * The file's records (header first) as a stream, decoded to text. `onBytes` reports how much of the file
 * has been read, for the progress bar.
 */
export function readRecords(
  file: string,
  format: FileFormat,
  onBytes?: (bytes: number) => void,
): AsyncIterable<string[]> {
  const source = createReadStream(file, { highWaterMark: 64 * 1024 });
  let bytes = 0;
  source.on("data", (chunk) => onBytes?.((bytes += chunk.length)));
  const decoder = new TextDecoder(format.encoding);
  const decode = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      callback(null, decoder.decode(chunk, { stream: true }));
    },
    flush(callback) {
      callback(null, decoder.decode());
    },
  });
  const parser = parse(parserOptions(format));
  source.on("error", (error) => parser.destroy(error));
  return source.pipe(decode).pipe(parser);
}
