// Reading Meta's published rate-card file (the CSV behind developers.facebook.com's pricing page): one row per
// market, one column per category, amounts as printed ("$0.0625", "0,0625", "n/a", "Free"). Lines before the
// header (a title, a date) are skipped. Every problem is reported with its line and a code the screen
// translates; a file with any error imports nothing.
import { parse } from "csv-parse/sync";
import { KNOWN_MARKETS, type CardCategory, type Rate } from "./rates";
import { MAX_RATE_CARD_BYTES } from "./limits";

export type CsvProblem = { line: number | null; code: CsvProblemCode; values?: Record<string, string> };
export type CsvProblemCode =
  | "empty"
  | "unreadable"
  | "noHeader"
  | "noCurrency"
  | "mixedCurrencies"
  | "badAmount"
  | "duplicateMarket"
  | "noRates"
  | "tooLarge"
  | "badVolume"
  | "duplicateTier"
  | "currencyMismatch";

const COLUMNS: Record<string, CardCategory> = {
  marketing: "MARKETING",
  utility: "UTILITY",
  authentication: "AUTHENTICATION",
  "authentication-international": "AUTHENTICATION_INTERNATIONAL",
  "authentication international": "AUTHENTICATION_INTERNATIONAL",
  authentication_international: "AUTHENTICATION_INTERNATIONAL",
  service: "SERVICE",
};

/** A column of volume ranges makes the file a tier file: one row per market and tier (docs/pricing.md). */
const VOLUME_COLUMNS = [
  "volume range",
  "volume tier",
  "monthly volume",
  "messages per month",
  "volume",
  "tier range",
  "tier",
];

const MAX_RATE_MICROS = 2_000_000_000;
const MAX_VOLUME = 2_000_000_000;

/** A count as printed: "750,001", "750.001", "750 001", "750K", "1.5M", "2B". null when unreadable. */
function count(text: string): number | null {
  const m = /^(\d[\d,.\s]*?)\s*([kmb])?$/i.exec(text.trim());
  if (!m) return null;
  const scale = { k: 1e3, m: 1e6, b: 1e9 }[(m[2] ?? "").toLowerCase() as "k" | "m" | "b"] ?? 1;
  const digits = scale === 1 ? m[1]!.replace(/[,.\s]/g, "") : m[1]!.replace(/\s/g, "").replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(digits)) return null;
  const n = Math.round(Number(digits) * scale);
  return Number.isSafeInteger(n) && n <= MAX_VOLUME ? n : null;
}

/**
 * The messages of the month before a tier, from its range as printed: "1:750000", "0 - 750K", "750,001 – 15M",
 * "15M+", "Above 100M", "100,000,001 and above". A range starting at a round number (750K, 0) starts after
 * it; one starting at any other number (750,001, 2) starts at that message; "Above 100M" starts after 100M.
 * null when unreadable.
 */
export function tierStart(cell: string): number | null {
  const before = (first: number) => (first % 10 === 0 ? first : first - 1);
  const text = cell.trim().toLowerCase();
  const open =
    /^(?:above|over|more than|>)\s*(.+?)$/.exec(text) ?? /^(.+?)\s*(?:\+|and above|or more|and up|:|-)$/.exec(text);
  if (open) {
    const n = count(open[1]!);
    if (n === null) return null;
    return /^(?:above|over|more than|>)/.test(text) ? n : before(n);
  }
  const range = /^(.+?)\s*(?:[:\-–—]|to)\s*(.+)$/.exec(text);
  if (!range) return null;
  const [first, last] = [count(range[1]!), count(range[2]!)];
  if (first === null || last === null || last < first) return null;
  return before(first);
}
// Meta's file breaks its header inside a hyphenated word ("Authentication-" newline "International").
const normal = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/\s*-\s*/g, "-")
    .replace(/\s+/g, " ");

/** An amount as Meta prints it, in millionths; null for "n/a" or an empty cell; "error" when unreadable. */
function amountMicros(cell: string): number | null | "error" {
  const text = cell.trim().replace(/^[^\d\-.,]*?(?=[\d.,])/, ""); // a currency symbol or code before the digits
  if (!cell.trim() || /^(n\/?a|-|—|not available)$/i.test(cell.trim())) return null;
  if (/^free$/i.test(cell.trim())) return 0;
  const decimal = text.includes(",") && !text.includes(".") ? text.replace(",", ".") : text.replace(/,/g, "");
  if (!/^\d+(\.\d+)?$/.test(decimal)) return "error";
  const micros = Math.round(Number(decimal) * 1e6);
  return micros > MAX_RATE_MICROS ? "error" : micros; // no currency's rate comes near it; the column holds 2^31
}

/** `tiers`: the file has a volume column (one row per market and tier): it is laid over the card in effect. */
export type ParsedRateCard = { currency: string; rates: Rate[]; unknownMarkets: string[]; tiers: boolean };

export function parseRateCardCsv(
  text: string,
  fallbackCurrency?: string,
): { ok: true; card: ParsedRateCard } | { ok: false; problems: CsvProblem[] } {
  if (Buffer.byteLength(text) > MAX_RATE_CARD_BYTES) return { ok: false, problems: [{ line: null, code: "tooLarge" }] };
  if (!text.trim()) return { ok: false, problems: [{ line: null, code: "empty" }] };
  let rows: string[][];
  try {
    rows = parse(text.replace(/^\uFEFF/, ""), { relax_column_count: true, skip_empty_lines: false, trim: true });
  } catch {
    return { ok: false, problems: [{ line: null, code: "unreadable" }] };
  }
  const headerIndex = rows.findIndex((r) => r.some((c) => normal(c) === "market") && r.some((c) => COLUMNS[normal(c)]));
  if (headerIndex === -1) return { ok: false, problems: [{ line: null, code: "noHeader" }] };
  const header = rows[headerIndex]!.map(normal);
  const marketColumn = header.indexOf("market");
  const currencyColumn = header.indexOf("currency");
  const volumeColumn = VOLUME_COLUMNS.map((name) => header.indexOf(name)).find((i) => i !== -1) ?? -1;
  const categoryColumns = header.flatMap((h, i) =>
    COLUMNS[h] ? [{ i, category: COLUMNS[h], name: rows[headerIndex]![i]! }] : [],
  );

  const problems: CsvProblem[] = [];
  const rates: Rate[] = [];
  const seen = new Set<string>();
  const currencies = new Set<string>();
  const unknownMarkets: string[] = [];
  rows.slice(headerIndex + 1).forEach((row, n) => {
    const line = headerIndex + n + 2;
    const market = row[marketColumn]?.trim() ?? "";
    if (!market || row.every((c) => !c.trim())) return;
    const known = KNOWN_MARKETS.find((m) => normal(m) === normal(market));
    let fromVolume = 0;
    if (volumeColumn !== -1) {
      const start = tierStart(row[volumeColumn] ?? "");
      if (start === null) {
        problems.push({ line, code: "badVolume", values: { market, value: row[volumeColumn] ?? "" } });
        return;
      }
      fromVolume = start;
    }
    const key = `${normal(market)}|${fromVolume}`;
    if (seen.has(key))
      problems.push({ line, code: volumeColumn === -1 ? "duplicateMarket" : "duplicateTier", values: { market } });
    if (!known && ![...seen].some((k) => k.startsWith(`${normal(market)}|`))) unknownMarkets.push(market);
    seen.add(key);
    const currency = currencyColumn === -1 ? "" : (row[currencyColumn]?.trim().toUpperCase() ?? "");
    if (currency) currencies.add(currency);
    for (const { i, category, name } of categoryColumns) {
      const amount = amountMicros(row[i] ?? "");
      if (amount === "error")
        problems.push({ line, code: "badAmount", values: { market, column: name, value: row[i] ?? "" } });
      else if (amount !== null) rates.push({ market: known ?? market, category, fromVolume, rateMicros: amount });
    }
  });
  const currency = [...currencies][0] ?? fallbackCurrency?.trim().toUpperCase() ?? "";
  if (currencies.size > 1)
    problems.push({ line: null, code: "mixedCurrencies", values: { currencies: [...currencies].join(", ") } });
  else if (!/^[A-Z]{3}$/.test(currency)) problems.push({ line: null, code: "noCurrency" });
  if (problems.length === 0 && rates.length === 0) problems.push({ line: null, code: "noRates" });
  return problems.length
    ? { ok: false, problems }
    : { ok: true, card: { currency, rates, unknownMarkets, tiers: volumeColumn !== -1 } };
}
