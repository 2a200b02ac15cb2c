// Turning one row of an uploaded file into a contact (or a reason it can't be one). Pure: no database.
import { normaliseLocale, normaliseTimeZone } from "@/lib/contacts/fields";
import type { ConsentSource } from "@/lib/db/generated/enums";
import { isBsuid, normaliseUsername } from "@/lib/contacts/identity";
import { normalisePhone } from "@/lib/contacts/phone";
import type { RowProblem } from "./problems";
import type { ImportMapping } from "./schemas";

const DELIMITERS = [",", ";", "\t", "|"] as const;

/**
 * The delimiter of a file from its first lines: the candidate that splits the header and the next rows
 * into the same number of fields (more than one), counting only outside quotes. Excel's `sep=;` line wins.
 */
export function sniffDelimiter(sample: string): { delimiter: string; sepLine: boolean } {
  const first = sample.split(/\r?\n/, 1)[0] ?? "";
  const sep = /^"?sep=(.)"?$/i.exec(first.trim());
  if (sep) return { delimiter: sep[1]!, sepLine: true };
  const lines = sample
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .slice(0, 20);
  let best: { delimiter: string; score: number } = { delimiter: ",", score: -1 };
  for (const delimiter of DELIMITERS) {
    const counts = lines.map((line) => countOutsideQuotes(line, delimiter));
    const header = counts[0] ?? 0;
    if (header === 0) continue;
    // Rows that agree with the header; quoted newlines make some lines disagree, which only lowers the score.
    const score = counts.filter((c) => c === header).length * 1000 + header;
    if (score > best.score) best = { delimiter, score };
  }
  return { delimiter: best.delimiter, sepLine: false };
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (char === delimiter && !quoted) count++;
  }
  return count;
}

/** A cell as a person meant it: Excel's `="0612…"` and leading apostrophe undone, odd spaces trimmed. */
export function cleanCell(value: string | undefined): string {
  if (!value) return "";
  let text = value.replace(/[\u00a0\u200b\ufeff]/g, " ").trim();
  const formula = /^="(.*)"$/.exec(text);
  if (formula) text = formula[1]!;
  if (text.startsWith("'")) text = text.slice(1);
  return text.trim();
}

const YES = new Set([
  "yes",
  "y",
  "true",
  "1",
  "x",
  "opted in",
  "opt-in",
  "optin",
  "subscribed",
  "si",
  "sí",
  "oui",
  "ja",
]);
const NO = new Set(["no", "n", "false", "0", "opted out", "opt-out", "optout", "unsubscribed", "non", "nein"]);

export function parseYesNo(text: string): boolean | undefined {
  const key = text.toLowerCase();
  return YES.has(key) ? true : NO.has(key) ? false : undefined;
}

const SOURCES: Record<string, ConsentSource> = {
  web: "WEB_FORM",
  "web form": "WEB_FORM",
  web_form: "WEB_FORM",
  website: "WEB_FORM",
  form: "WEB_FORM",
  sms: "SMS",
  chat: "CHAT",
  whatsapp: "CHAT",
  phone: "PHONE",
  call: "PHONE",
  paper: "PAPER",
  "in store": "PAPER",
  import: "IMPORT",
};

export function parseSource(text: string): ConsentSource | undefined {
  return SOURCES[text.toLowerCase().replace(/\s+/g, " ")];
}

const CONSENT_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(?:(Z)|([+-])(\d{2}):?(\d{2}))?$/;

/**
 * ISO 8601, or `YYYY-MM-DD[ HH:MM[:SS]]` read as UTC. Day/month orders are ambiguous, so refused, and so is a
 * calendar day that doesn't exist (2025-02-30). Plain arithmetic: this runs once per row of a large import.
 */
export function parseConsentTime(text: string): Date | undefined {
  const match = CONSENT_TIME.exec(text);
  if (!match) return undefined;
  const part = (i: number) => Number(match[i] ?? 0);
  const [year, month, day, hour, minute, second] = [part(1), part(2), part(3), part(4), part(5), part(6)];
  const [offsetHours, offsetMinutes] = [part(9), part(10)];
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) return undefined;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  const date = new Date(utc - (match[8] === "-" ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000);
  // Date.UTC rolls 2025-02-30 over into March: such a day is refused. (It also reads years below 100 as 19xx;
  // no consent is older than 1900.)
  const calendar = new Date(utc);
  return calendar.getUTCMonth() === month - 1 && calendar.getUTCDate() === day && year >= 1900 ? date : undefined;
}

export function splitTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,;|]/)
        .map((t) => t.trim().toLowerCase())
        .filter(Boolean),
    ),
  ].map((t) => t.slice(0, 40));
}

export type ImportedConsent = { listId: string; optedIn: boolean; source: ConsentSource; time?: Date; proof?: string };
/** A person is known by a phone, a BSUID (WhatsApp's business-scoped user id) or both: docs/identity.md. */
export type ImportedContact = {
  phone?: string;
  bsuid?: string;
  username?: string;
  name?: string;
  locale?: string;
  timeZone?: string;
  attributes: Record<string, string>;
  tags: string[];
  consent?: ImportedConsent;
};
export type RowResult = { ok: true; contact: ImportedContact } | { ok: false; problem: RowProblem };

export type RowContext = {
  mapping: ImportMapping;
  defaultCountry: string;
  /** Consent lists by lower-case name. */
  lists: Map<string, string>;
};

/** One row of cells (in the file's column order) into a contact, or the first reason it can't be imported. */
export function mapRow(cells: readonly string[], { mapping, defaultCountry, lists }: RowContext): RowResult {
  const contact: ImportedContact = { attributes: {}, tags: [] };
  let optedIn: boolean | undefined;
  let listName: string | undefined;
  let source: ConsentSource = "IMPORT";
  let time: Date | undefined;
  let proof = mapping.proof || undefined;

  for (let i = 0; i < mapping.columns.length; i++) {
    const column = mapping.columns[i]!;
    if (column.target === "ignore") continue;
    const value = cleanCell(cells[i]);
    if (column.target === "phone") {
      if (/^\d+(?:[.,]\d+)?E\+?\d+$/i.test(value)) {
        return { ok: false, problem: { code: "scientific", value } };
      }
      if (!value) continue; // a person known by their WhatsApp user id alone; checked below
      const phone = normalisePhone(value, defaultCountry);
      if (!phone.ok)
        return { ok: false, problem: { code: "phone", value, why: phone.code, country: phone.country ?? "" } };
      contact.phone = phone.e164;
      continue;
    }
    if (!value) continue;
    switch (column.target) {
      case "bsuid":
        if (!isBsuid(value)) return { ok: false, problem: { code: "bsuid", value } };
        contact.bsuid = value;
        break;
      case "username":
        contact.username = normaliseUsername(value)?.slice(0, 100);
        break;
      case "name":
        contact.name = value.slice(0, 200);
        break;
      case "locale": {
        const locale = normaliseLocale(value);
        if (!locale) return { ok: false, problem: { code: "language", value } };
        contact.locale = locale;
        break;
      }
      case "timeZone": {
        const zone = normaliseTimeZone(value);
        if (!zone) return { ok: false, problem: { code: "timeZone", value } };
        contact.timeZone = zone;
        break;
      }
      case "tags":
        contact.tags = splitTags(value);
        break;
      case "attribute":
        contact.attributes[column.attribute!] = value.slice(0, 500);
        break;
      case "optedIn":
        optedIn = parseYesNo(value);
        if (optedIn === undefined) return { ok: false, problem: { code: "optedIn", value } };
        break;
      case "list":
        listName = value;
        break;
      case "source": {
        const parsed = parseSource(value);
        if (!parsed) return { ok: false, problem: { code: "source", value } };
        source = parsed;
        break;
      }
      case "time":
        time = parseConsentTime(value);
        if (!time) return { ok: false, problem: { code: "time", value } };
        if (time.getTime() > Date.now() + 60_000) return { ok: false, problem: { code: "futureTime", value } };
        break;
      case "proof":
        proof = value.slice(0, 2000);
        break;
    }
  }

  if (!contact.phone && !contact.bsuid) return { ok: false, problem: { code: "noPhone" } };
  const hasConsentColumns = optedIn !== undefined || listName !== undefined;
  if (mapping.consentListId || hasConsentColumns) {
    const listId = listName ? lists.get(listName.toLowerCase()) : mapping.consentListId;
    if (listName && !listId) return { ok: false, problem: { code: "noList", list: listName } };
    if (listId) {
      const consent: ImportedConsent = { listId, optedIn: optedIn ?? true, source, time, proof };
      if (consent.optedIn && (!proof || proof.length < 10)) return { ok: false, problem: { code: "noProof" } };
      contact.consent = consent;
    }
  }
  return { ok: true, contact };
}
