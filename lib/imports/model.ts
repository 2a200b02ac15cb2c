// An import's shapes and words the browser needs, without zod (the form's schema is in schemas.ts and downloads
// when the form first validates: components/forms/lazy-zod-resolver.ts).
import type { RowProblem } from "./problems";

/** What a column of the file becomes. Consent columns need the consent.edit permission (admins). */
export const COLUMN_TARGETS = {
  ignore: "Don't import",
  phone: "Phone number",
  bsuid: "WhatsApp user id",
  username: "WhatsApp username",
  name: "Name",
  locale: "Language (locale)",
  timeZone: "Time zone",
  tags: "Tags",
  attribute: "Custom attribute",
  optedIn: "Consent: opted in (yes/no)",
  list: "Consent: list name",
  source: "Consent: source",
  time: "Consent: time",
  proof: "Consent: wording or proof",
} as const;
export type ColumnTarget = keyof typeof COLUMN_TARGETS;
export const CONSENT_TARGETS: readonly ColumnTarget[] = ["optedIn", "list", "source", "time", "proof"];

export type ImportCounts = {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  duplicate: number;
  invalid: number;
  suppressed: number;
  consent: { optedIn: number; optedOut: number; unchanged: number; keptOptedOut: number };
};
/** Counts before the first row. */
export const noCounts = (): ImportCounts => ({
  rows: 0,
  created: 0,
  updated: 0,
  unchanged: 0,
  duplicate: 0,
  invalid: 0,
  suppressed: 0,
  consent: { optedIn: 0, optedOut: 0, unchanged: 0, keptOptedOut: 0 },
});
/** A left-out row: its problem as a code (worded by the page); imports checked before codes carry `reason`. */
export type RejectedRow = { row: number; problem?: RowProblem; reason?: string };

/** Rows left out of an import: invalid, repeated, or erased before. */
export function rejectedCount(counts: ImportCounts): number {
  return counts.invalid + counts.duplicate + counts.suppressed;
}

/** Each status's badge colour; its words are in the audiences messages (importStatus). */
export const IMPORT_STATUS = {
  UPLOADED: { tone: "neutral" },
  CHECKING: { tone: "blue" },
  CHECKED: { tone: "amber" },
  IMPORTING: { tone: "blue" },
  DONE: { tone: "green" },
  FAILED: { tone: "red" },
} as const;
