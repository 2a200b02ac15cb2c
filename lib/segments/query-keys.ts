// TanStack Query keys for segments (see lib/inbox/query-keys.ts for the pattern).
export const segmentKeys = {
  all: ["segments"] as const,
  /** The live count of rules being edited, keyed by the rules as JSON. */
  preview: (rules: string | null) => [...segmentKeys.all, "preview", rules] as const,
  /** The rules' zod schema, downloaded after the page for the live count (components/audiences/segment-builder.tsx). */
  rulesSchema: ["segments", "rules-schema"] as const,
};
