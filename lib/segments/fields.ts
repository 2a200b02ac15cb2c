// What a segment condition can look at and how it compares, without zod: the segment builder lists these
// at render, and schemas.ts checks rules against them.
import type { SegmentCondition } from "./schemas";

/**
 * What a condition looks at. Contact fields and attributes compare text; the rest have their own operators.
 * Only codes live here: the builder shows them through the audiences messages (segments.field, .operator, .event).
 */
export const SEGMENT_FIELDS = [
  "attribute",
  "name",
  "phone",
  "bsuid",
  "username",
  "locale",
  "timeZone",
  "tag",
  "consent",
  "created",
  "engagement",
] as const;
export type SegmentField = (typeof SEGMENT_FIELDS)[number];
/** Fields compared as text (contact columns and attributes). */
export const TEXT_FIELDS: readonly SegmentField[] = [
  "attribute",
  "name",
  "phone",
  "bsuid",
  "username",
  "locale",
  "timeZone",
];

export const TEXT_OPERATORS = [
  "equals",
  "not_equals",
  "contains",
  "not_contains",
  "in",
  "not_in",
  "empty",
  "not_empty",
] as const;
export const TAG_OPERATORS = ["has", "not_has"] as const;
export const CONSENT_OPERATORS = ["opted_in", "not_opted_in"] as const;
export const CREATED_OPERATORS = ["after", "before", "last_days", "not_last_days"] as const;
export const ENGAGEMENT_OPERATORS = ["did", "did_not"] as const;
export const ENGAGEMENT_EVENTS = ["received", "read", "clicked", "replied"] as const;
/** Every comparison; each name is used by one kind of field only, so it names its words on its own. */
export type SegmentOperator =
  | (typeof TEXT_OPERATORS)[number]
  | (typeof TAG_OPERATORS)[number]
  | (typeof CONSENT_OPERATORS)[number]
  | (typeof CREATED_OPERATORS)[number]
  | (typeof ENGAGEMENT_OPERATORS)[number];

export const OPERATORS_BY_FIELD: Record<SegmentField, readonly SegmentOperator[]> = {
  attribute: TEXT_OPERATORS,
  name: TEXT_OPERATORS,
  phone: TEXT_OPERATORS,
  bsuid: TEXT_OPERATORS,
  username: TEXT_OPERATORS,
  locale: TEXT_OPERATORS,
  timeZone: TEXT_OPERATORS,
  tag: TAG_OPERATORS,
  consent: CONSENT_OPERATORS,
  created: CREATED_OPERATORS,
  engagement: ENGAGEMENT_OPERATORS,
};

export const EMPTY_CONDITION: SegmentCondition = { field: "attribute", op: "equals", key: "", value: "" };
