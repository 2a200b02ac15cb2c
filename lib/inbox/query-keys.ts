// TanStack Query keys for the inbox, in one place so that a poll and an invalidation name the same data.
// Everything starts with "inbox": invalidating `inboxKeys.all` refreshes the list, the badge and threads.
export const inboxKeys = {
  all: ["inbox"] as const,
  unread: () => [...inboxKeys.all, "unread"] as const,
  /** The list for one set of filters (the address's query string). */
  conversations: (query: string) => [...inboxKeys.all, "conversations", query] as const,
  thread: (id: string) => [...inboxKeys.all, "thread", id] as const,
};
