// TanStack Query keys for analytics (see lib/inbox/query-keys.ts for the pattern).
export const analyticsKeys = {
  all: ["analytics"] as const,
  /** A campaign's report, polled while it sends. */
  campaignReport: (id: string) => [...analyticsKeys.all, "campaign", id] as const,
};
