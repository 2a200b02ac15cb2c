// Reading Meta's published rate-card file (the CSV behind developers.facebook.com's pricing page): one row per
// market, one column per category, amounts as printed ("$0.0625", "0,0625", "n/a", "Free"). Lines before the
// header (a title, a date) are skipped. Every problem is reported with its line and a code the screen
// translates; a file with any error imports nothing.
import { parse } from "csv-parse/sync";
import { KNOWN_MARKETS, type CardCategory, type Rate } from "./rates";
import { MAX_RATE_CARD_BYTES } from "./schemas";

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
  | "tooLarge";

const COLUMNS: Record<string, CardCategory> = {
  marketing: "MARKETING",
  utility: "UTILITY",
  authentication: "AUTHENTICATION",
  "authentication-international": "AUTHENTICATION_INTERNATIONAL",
  "authentication international": "AUTHENTICATION_INTERNATIONAL",
  authentication_international: "AUTHENTICATION_INTERNATIONAL",
  service: "SERVICE",
};

const MAX_RATE_MICROS = 2_000_000_000;
const normal = (s: string) => s.trim().toLowerCase().replace(/\s+/g, " ");

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

export type ParsedRateCard = { currency: string; rates: Rate[]; unknownMarkets: string[] };

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
    if (seen.has(normal(market))) problems.push({ line, code: "duplicateMarket", values: { market } });
    seen.add(normal(market));
    if (!known) unknownMarkets.push(market);
    const currency = currencyColumn === -1 ? "" : (row[currencyColumn]?.trim().toUpperCase() ?? "");
    if (currency) currencies.add(currency);
    for (const { i, category, name } of categoryColumns) {
      const amount = amountMicros(row[i] ?? "");
      if (amount === "error")
        problems.push({ line, code: "badAmount", values: { market, column: name, value: row[i] ?? "" } });
      else if (amount !== null) rates.push({ market: known ?? market, category, fromVolume: 0, rateMicros: amount });
    }
  });
  const currency = [...currencies][0] ?? fallbackCurrency?.trim().toUpperCase() ?? "";
  if (currencies.size > 1)
    problems.push({ line: null, code: "mixedCurrencies", values: { currencies: [...currencies].join(", ") } });
  else if (!/^[A-Z]{3}$/.test(currency)) problems.push({ line: null, code: "noCurrency" });
  if (problems.length === 0 && rates.length === 0) problems.push({ line: null, code: "noRates" });
  return problems.length ? { ok: false, problems } : { ok: true, card: { currency, rates, unknownMarkets } };
}
