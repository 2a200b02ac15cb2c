// TanStack Query keys for templates (see lib/inbox/query-keys.ts for the pattern).
export const templateKeys = {
  all: ["templates"] as const,
  /** Meta's review status of one template, polled while it is pending. */
  status: (id: string) => [...templateKeys.all, id, "status"] as const,
};
