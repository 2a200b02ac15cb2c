import { z } from "zod";
import { messageKey } from "@/lib/i18n/message-key";
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

export const ATTRIBUTE_KEY = /^[a-zA-Z][a-zA-Z0-9_]{0,39}$/;

const columnSchema = z.object({
  target: z.enum(Object.keys(COLUMN_TARGETS) as [ColumnTarget, ...ColumnTarget[]]),
  attribute: z.string().trim().optional(),
});

/** One entry per column of the file, in the file's order, plus the list for rows that don't name one. */
export const importMappingSchema = z
  .object({
    columns: z.array(columnSchema).min(1).max(200),
    consentListId: z.string().optional(),
    /** Wording or proof for every opt-in of the file, where a row has none of its own. */
    proof: z
      .string()
      .trim()
      .max(2000, { message: messageKey("audiences.errors.consent.proofTooLong", { max: 2000 }) })
      .optional(),
  })
  .superRefine((mapping, ctx) => {
    const count = (target: ColumnTarget) => mapping.columns.filter((c) => c.target === target).length;
    if (count("phone") === 0 && count("bsuid") === 0)
      ctx.addIssue({
        code: "custom",
        path: ["columns"],
        message: messageKey("audiences.errors.import.noIdColumn"),
      });
    for (const target of Object.keys(COLUMN_TARGETS) as ColumnTarget[]) {
      if (target !== "ignore" && target !== "attribute" && count(target) > 1) {
        ctx.addIssue({
          code: "custom",
          path: ["columns"],
          message: messageKey("audiences.errors.import.oneColumn", { target }),
        });
      }
    }
    const keys = new Set<string>();
    mapping.columns.forEach((column, index) => {
      if (column.target !== "attribute") return;
      const key = column.attribute ?? "";
      if (!ATTRIBUTE_KEY.test(key)) {
        ctx.addIssue({
          code: "custom",
          path: ["columns", index, "attribute"],
          message: messageKey("audiences.errors.import.attributeName"),
        });
      } else if (keys.has(key)) {
        ctx.addIssue({
          code: "custom",
          path: ["columns", index, "attribute"],
          message: messageKey("audiences.errors.import.attributeTwice", { key }),
        });
      }
      keys.add(key);
    });
    const consentColumns = mapping.columns.some((c) => CONSENT_TARGETS.includes(c.target));
    if (consentColumns && !mapping.consentListId && count("list") === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["consentListId"],
        message: messageKey("audiences.errors.import.consentNeedsList"),
      });
    }
    if (usesConsent(mapping) && count("proof") === 0 && (mapping.proof ?? "").length < 10) {
      ctx.addIssue({
        code: "custom",
        path: ["proof"],
        message: messageKey("audiences.errors.import.proofNeeded"),
      });
    }
  });
export type ImportMapping = z.infer<typeof importMappingSchema>;

export function usesConsent(mapping: ImportMapping): boolean {
  return Boolean(mapping.consentListId) || mapping.columns.some((c) => CONSENT_TARGETS.includes(c.target));
}

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

/** The upload's query: `?name=` the file's own name, for the import's list and its reports. */
export const importUploadQuerySchema = z.object({ name: z.string().default("contacts.csv") });
