import { z } from "zod";
import { messageKey } from "@/lib/i18n/message-key";
import { ATTRIBUTE_KEY } from "@/lib/contacts/fields";
import { COLUMN_TARGETS, CONSENT_TARGETS, type ColumnTarget } from "./model";

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

/** The upload's query: `?name=` the file's own name, for the import's list and its reports. */
export const importUploadQuerySchema = z.object({ name: z.string().default("contacts.csv") });
