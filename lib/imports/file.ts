// Uploaded CSV files: where they are kept, what encoding and delimiter they use, and their rows as a stream.
import "server-only";
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import path from "node:path";
import { Transform } from "node:stream";
import { parse, type Options } from "csv-parse";
import { env } from "@/lib/env";
import { sniffDelimiter } from "./rows";

export type FileFormat = { encoding: "utf-8" | "utf-16le" | "windows-1252"; delimiter: string; sepLine: boolean };

/** Imports live in the data folder, which web and worker share (one machine, or a shared volume). */
export function importFile(id: string, kind: "upload" | "rejected" = "upload"): string {
  if (!/^[a-z0-9]+$/i.test(id)) throw new Error(`Unsafe import id ${id}`);
  return path.resolve(env().PARLEY_DATA_DIR, "imports", kind === "upload" ? `${id}.csv` : `${id}.rejected.csv`);
}

const SAMPLE_BYTES = 64 * 1024;

/** UTF-16 (Excel's "Unicode text") by its byte order mark; UTF-8 when valid, else Windows-1252 (Excel on Windows). */
export async function detectFormat(file: string): Promise<{ format: FileFormat; sample: string }> {
  const handle = await open(file);
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    const bytes = buffer.subarray(0, bytesRead);
    let encoding: FileFormat["encoding"] = "utf-8";
    let sample: string;
    if (bytes[0] === 0xff && bytes[1] === 0xfe) {
      encoding = "utf-16le";
      sample = new TextDecoder("utf-16le").decode(bytes);
    } else {
      try {
        // A multi-byte character may be cut at the end of the sample: only the complete part must be valid.
        sample = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, Math.max(0, bytesRead - 4)));
        sample += new TextDecoder("utf-8").decode(bytes.subarray(Math.max(0, bytesRead - 4)));
      } catch {
        encoding = "windows-1252";
        sample = new TextDecoder("windows-1252").decode(bytes);
      }
    }
    sample = sample.replace(/^\ufeff/, "");
    return { format: { encoding, ...sniffDelimiter(sample) }, sample };
  } finally {
    await handle.close();
  }
}

export function parserOptions(format: FileFormat): Options {
  return {
    delimiter: format.delimiter,
    bom: true,
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
export function readRecords(file: string, format: FileFormat, onBytes?: (bytes: number) => void): AsyncIterable<string[]> {
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
