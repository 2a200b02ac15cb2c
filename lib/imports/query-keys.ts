// TanStack Query keys for contact imports (see lib/inbox/query-keys.ts for the pattern).
export const importKeys = {
  all: ["imports"] as const,
  /** One import's status and progress, polled while it runs. */
  detail: (id: string) => [...importKeys.all, id] as const,
};
