// The customer service window and quick-answer filling: plain functions the inbox's pages use as they render
// (apart from the schemas, which bring zod).
export const WINDOW_MS = 24 * 3_600_000;

/** The customer service window: open for 24 hours after the person's last message. */
export function windowState(lastInboundAt: Date | string | null, now = Date.now()) {
  const last = lastInboundAt ? new Date(lastInboundAt).getTime() : null;
  const closesAt = last === null ? null : last + WINDOW_MS;
  return {
    open: closesAt !== null && closesAt > now,
    closesAt: closesAt === null ? null : new Date(closesAt).toISOString(),
    remainingMs: closesAt === null ? 0 : Math.max(0, closesAt - now),
  };
}

/** Fills {{first_name}}, {{name}} and {{phone}} in a saved reply. */
export function fillSavedReply(body: string, contact: { name: string | null; phone: string | null }) {
  const values: Record<string, string> = {
    first_name: contact.name?.trim().split(/\s+/)[0] ?? "",
    name: contact.name ?? "",
    phone: contact.phone ?? "",
  };
  return body.replace(/\{\{\s*(first_name|name|phone)\s*\}\}/g, (_, key: string) => values[key] || "there");
}
