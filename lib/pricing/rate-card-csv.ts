// Reading Meta's published rate-card file (the CSV behind developers.facebook.com's pricing page): one row per
// market, one column per category, amounts as printed ("$0.0625", "0,0625", "n/a", "Free"). Lines before the
// header (a title, a date) are skipped. A tier file is read in either of two layouts: Meta's own volume-tier
// file (a block of rows per market, a From/To/Rate section per category) or Parley's (a volume column added to
// the base layout); docs/pricing.md. Every problem is reported with its line and a code the screen translates;
// a file with any error imports nothing.
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
  | "badRange"
  | "noMarket"
  | "duplicateTier"
  | "currencyMismatch"
  | "tiersWithoutStart";

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

/** `tiers`: a tier file (one rate per market, category and tier): it is laid over the card in effect. */
export type ParsedRateCard = { currency: string; rates: Rate[]; unknownMarkets: string[]; tiers: boolean };

/** A row of the file with the line it starts on (a quoted cell can hold a line break, as Meta's headers do). */
type Row = { cells: string[]; line: number };

/** What a layout's reader finds, checked the same way whichever layout it was. */
type Read = { problems: CsvProblem[]; rates: Rate[]; currencies: Set<string>; unknownMarkets: string[] };

const knownMarket = (market: string) => KNOWN_MARKETS.find((m) => normal(m) === normal(market));

const currencyOf = (row: Row, column: number) => (column === -1 ? "" : (row.cells[column]?.trim().toUpperCase() ?? ""));

export function parseRateCardCsv(
  text: string,
  fallbackCurrency?: string,
): { ok: true; card: ParsedRateCard } | { ok: false; problems: CsvProblem[] } {
  if (Buffer.byteLength(text) > MAX_RATE_CARD_BYTES) return { ok: false, problems: [{ line: null, code: "tooLarge" }] };
  if (!text.trim()) return { ok: false, problems: [{ line: null, code: "empty" }] };
  const rows: Row[] = [];
  try {
    const records = parse(text.replace(/^\uFEFF/, ""), {
      relax_column_count: true,
      skip_empty_lines: false,
      trim: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[]; // csv-parse's types do not follow `info`
    let next = 1; // info.lines is the line a record ends on; the next one starts after it
    for (const { record, info } of records) {
      rows.push({ cells: record, line: next });
      next = info.lines + 1;
    }
  } catch {
    return { ok: false, problems: [{ line: null, code: "unreadable" }] };
  }
  let read: Read;
  let tiers: boolean;
  const headerIndex = rows.findIndex(
    (r) => r.cells.some((c) => normal(c) === "market") && r.cells.some((c) => COLUMNS[normal(c)]),
  );
  const metaTierHeader = rows.findIndex(
    (r) =>
      /^market\b/.test(normal(r.cells[0] ?? "")) &&
      ["from", "to", "rate"].every((h) => r.cells.map(normal).includes(h)),
  );
  if (headerIndex !== -1) {
    const header = rows[headerIndex]!.cells.map(normal);
    tiers = VOLUME_COLUMNS.some((name) => header.includes(name));
    read = readColumns(rows, headerIndex);
  } else if (metaTierHeader !== -1) {
    tiers = true;
    const sections = metaSections(rows, metaTierHeader);
    if (sections.length === 0) return { ok: false, problems: [{ line: null, code: "noHeader" }] };
    read = readMetaTiers(rows, metaTierHeader, sections);
  } else return { ok: false, problems: [{ line: null, code: "noHeader" }] };

  const { problems, rates, currencies, unknownMarkets } = read;
  const currency = [...currencies][0] ?? fallbackCurrency?.trim().toUpperCase() ?? "";
  if (currencies.size > 1)
    problems.push({ line: null, code: "mixedCurrencies", values: { currencies: [...currencies].join(", ") } });
  else if (!/^[A-Z]{3}$/.test(currency)) problems.push({ line: null, code: "noCurrency" });
  if (problems.length === 0 && rates.length === 0) problems.push({ line: null, code: "noRates" });
  return problems.length ? { ok: false, problems } : { ok: true, card: { currency, rates, unknownMarkets, tiers } };
}

/** The base layout, and Parley's tier layout (the same with a volume column): one row per market (and tier). */
function readColumns(rows: Row[], headerIndex: number): Read {
  const header = rows[headerIndex]!.cells.map(normal);
  const marketColumn = header.indexOf("market");
  const currencyColumn = header.indexOf("currency");
  const volumeColumn = VOLUME_COLUMNS.map((name) => header.indexOf(name)).find((i) => i !== -1) ?? -1;
  const categoryColumns = header.flatMap((h, i) =>
    COLUMNS[h] ? [{ i, category: COLUMNS[h], name: rows[headerIndex]!.cells[i]! }] : [],
  );

  const read: Read = { problems: [], rates: [], currencies: new Set(), unknownMarkets: [] };
  const { problems, rates, currencies, unknownMarkets } = read;
  const seen = new Set<string>();
  for (const row of rows.slice(headerIndex + 1)) {
    const { line } = row;
    const market = row.cells[marketColumn]?.trim() ?? "";
    if (!market || row.cells.every((c) => !c.trim())) continue;
    const known = knownMarket(market);
    let fromVolume = 0;
    if (volumeColumn !== -1) {
      const start = tierStart(row.cells[volumeColumn] ?? "");
      if (start === null) {
        problems.push({ line, code: "badVolume", values: { market, value: row.cells[volumeColumn] ?? "" } });
        continue;
      }
      fromVolume = start;
    }
    const key = `${normal(market)}|${fromVolume}`;
    if (seen.has(key))
      problems.push({ line, code: volumeColumn === -1 ? "duplicateMarket" : "duplicateTier", values: { market } });
    if (!known && ![...seen].some((k) => k.startsWith(`${normal(market)}|`))) unknownMarkets.push(market);
    seen.add(key);
    const currency = currencyOf(row, currencyColumn);
    if (currency) currencies.add(currency);
    for (const { i, category, name } of categoryColumns) {
      const amount = amountMicros(row.cells[i] ?? "");
      if (amount === "error")
        problems.push({ line, code: "badAmount", values: { market, column: name, value: row.cells[i] ?? "" } });
      else if (amount !== null) rates.push({ market: known ?? market, category, fromVolume, rateMicros: amount });
    }
  }
  return read;
}

type MetaSection = { name: string; category: CardCategory; from: number; to: number; rate: number };

/**
 * The category sections of Meta's tier file: the row above the header names them ("Utility", "Authentication",
 * "Authentication-International"), each over its From, To, Rate type, Rate and "vs. List rate" columns. A
 * section naming no category Parley knows is ignored, as other columns are.
 */
function metaSections(rows: Row[], headerIndex: number): MetaSection[] {
  const header = rows[headerIndex]!.cells.map(normal);
  const names = rows
    .slice(0, headerIndex)
    .reverse()
    .find((r) => r.cells.some((c) => COLUMNS[normal(c)]))?.cells;
  if (!names) return [];
  const froms = header.flatMap((h, i) => (h === "from" ? [i] : []));
  return froms.flatMap((from, n) => {
    const end = froms[n + 1] ?? header.length;
    const within = (h: string) => {
      const i = header.indexOf(h, from);
      return i !== -1 && i < end ? i : -1;
    };
    const name = names.slice(0, from + 1).findLast((c) => c.trim()) ?? "";
    const category = COLUMNS[normal(name)];
    const [to, rate] = [within("to"), within("rate")];
    return category && to !== -1 && rate !== -1 ? [{ name: name.trim(), category, from, to, rate }] : [];
  });
}

const notApplicable = (cell: string) => /^(n\/?a|)$/i.test(cell.trim());

/**
 * Meta's volume-tier file: per market a block of rows, the first naming the market and the rest with an empty
 * market cell; in each category section a tier from "0" or "100,001" to "100,000" or "--" (no end) and its rate;
 * "n/a" throughout where the market has no such section.
 */
function readMetaTiers(rows: Row[], headerIndex: number, sections: MetaSection[]): Read {
  const currencyColumn = rows[headerIndex]!.cells.map(normal).indexOf("currency");
  const read: Read = { problems: [], rates: [], currencies: new Set(), unknownMarkets: [] };
  const { problems, rates, currencies, unknownMarkets } = read;
  const seen = new Set<string>();
  let market = "";
  for (const row of rows.slice(headerIndex + 1)) {
    const { line, cells } = row;
    if (cells.every((c) => !c.trim())) continue;
    market = cells[0]?.trim() || market;
    if (!market) {
      problems.push({ line, code: "noMarket" });
      continue;
    }
    const known = knownMarket(market);
    const currency = currencyOf(row, currencyColumn);
    if (currency) currencies.add(currency);
    for (const s of sections) {
      const [from, to, rate] = [s.from, s.to, s.rate].map((i) => cells[i]?.trim() ?? "") as [string, string, string];
      if ([from, to, rate].every(notApplicable)) continue;
      const fromVolume = tierStart(/^(--?|—|–)$/.test(to) ? `${from}+` : `${from} - ${to}`);
      if (fromVolume === null) {
        problems.push({ line, code: "badRange", values: { market, column: s.name, from, to } });
        continue;
      }
      const amount = amountMicros(rate);
      if (amount === "error" || amount === null) {
        problems.push({ line, code: "badAmount", values: { market, column: s.name, value: rate } });
        continue;
      }
      const key = `${normal(market)}|${s.category}|${fromVolume}`;
      if (seen.has(key)) problems.push({ line, code: "duplicateTier", values: { market } });
      seen.add(key);
      if (!known && !unknownMarkets.includes(market)) unknownMarkets.push(market);
      rates.push({ market: known ?? market, category: s.category, fromVolume, rateMicros: amount });
    }
  }
  return read;
}
