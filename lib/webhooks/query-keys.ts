// TanStack Query keys for webhook processing (see lib/inbox/query-keys.ts for the pattern).
export const webhookKeys = {
  all: ["webhooks"] as const,
  /** The latest events and the backlog, shown on the WhatsApp settings page. */
  activity: () => [...webhookKeys.all, "activity"] as const,
  /** One message's statuses, shown under the test message that sent it. */
  message: (wamid: string) => [...webhookKeys.all, "message", wamid] as const,
};
