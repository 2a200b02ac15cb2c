import { z } from "zod";
import { messageKey, type MessageKey } from "@/lib/i18n/message-key";
import { EMPTY_CONDITION, ENGAGEMENT_EVENTS, OPERATORS_BY_FIELD, SEGMENT_FIELDS, TEXT_FIELDS } from "./fields";

const text = z
  .string()
  .trim()
  .max(500, { message: messageKey("audiences.errors.segment.textTooLong", { max: 500 }) });

/** One flat shape for every condition (easy to edit in a form); what each field needs is checked below. */
export const conditionSchema = z
  .object({
    field: z.enum(SEGMENT_FIELDS),
    op: z.string(),
    key: text.optional(), // attribute name
    value: text.optional(),
    listId: z.string().optional(),
    event: z.enum(ENGAGEMENT_EVENTS).optional(),
    campaignId: z.string().optional(), // engagement with one campaign, or any when empty
    days: z.coerce
      .number()
      .int()
      .min(1)
      .max(3650)
      .optional()
      .or(z.literal("").transform(() => undefined)),
  })
  .superRefine((c, ctx) => {
    const issue = (path: string, key: MessageKey, values?: Record<string, number>) =>
      ctx.addIssue({ code: "custom", path: [path], message: messageKey(key, values) });
    // A list lookup, not `in` on an object: `in` also finds "__proto__", "constructor" and "toString", and a
    // rule saved with one of them made every count of the workspace's segments throw.
    if (!(OPERATORS_BY_FIELD[c.field] as readonly string[]).includes(c.op))
      return issue("op", "audiences.errors.segment.chooseComparison");
    if (c.field === "attribute" && !/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/.test(c.key ?? ""))
      issue("key", "audiences.errors.segment.attributeName");
    const needsValue = (TEXT_FIELDS.includes(c.field) && !["empty", "not_empty"].includes(c.op)) || c.field === "tag";
    if (needsValue && !c.value) issue("value", "audiences.errors.segment.valueRequired");
    if (c.field === "consent" && !c.listId) issue("listId", "audiences.errors.segment.chooseList");
    if (c.field === "created") {
      if (c.op === "after" || c.op === "before") {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(c.value ?? "") || Number.isNaN(Date.parse(c.value!)))
          issue("value", "audiences.errors.segment.chooseDay");
      } else if (!c.days) issue("days", "audiences.errors.segment.days", { max: 3650 });
    }
    if (c.field === "engagement" && !c.event) issue("event", "audiences.errors.segment.chooseEvent");
    if (c.field === "engagement" && !c.campaignId && !c.days) issue("days", "audiences.errors.segment.campaignOrDays");
  });
export type SegmentCondition = z.infer<typeof conditionSchema>;

export const groupSchema = z.object({
  match: z.enum(["all", "any"]),
  conditions: z
    .array(conditionSchema)
    .min(1, { message: messageKey("audiences.errors.segment.groupEmpty") })
    .max(20, { message: messageKey("audiences.errors.segment.groupTooBig", { max: 20 }) }),
});

export const segmentRulesSchema = z.object({
  match: z.enum(["all", "any"]),
  groups: z
    .array(groupSchema)
    .min(1)
    .max(10, { message: messageKey("audiences.errors.segment.tooManyGroups", { max: 10 }) }),
});
export type SegmentRules = z.infer<typeof segmentRulesSchema>;

/** The live preview's query, `?rules=<JSON>` of rules still being edited. */
export const segmentPreviewQuerySchema = z.object({
  rules: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      let value: unknown;
      try {
        value = JSON.parse(raw ?? "");
      } catch {
        ctx.addIssue({ code: "custom", message: messageKey("audiences.errors.segment.notJson") });
        return z.NEVER;
      }
      const rules = segmentRulesSchema.safeParse(value);
      if (rules.success) return rules.data;
      ctx.addIssue({ code: "custom", message: messageKey("audiences.errors.segment.finish") });
      for (const issue of rules.error.issues)
        ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
      return z.NEVER;
    }),
});

export const segmentSchema = z.object({
  id: z.string().optional(),
  name: z
    .string()
    .trim()
    .min(1, { message: messageKey("audiences.errors.segment.nameRequired") })
    .max(80, { message: messageKey("audiences.errors.segment.nameTooLong", { max: 80 }) }),
  rules: segmentRulesSchema,
});
export type SegmentInput = z.infer<typeof segmentSchema>;

export const EMPTY_RULES: SegmentRules = { match: "all", groups: [{ match: "all", conditions: [EMPTY_CONDITION] }] };

/** "in" values are typed comma-separated. */
export function listValues(value: string | undefined): string[] {
  return [
    ...new Set(
      (value ?? "")
        .split(",")
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ];
}
