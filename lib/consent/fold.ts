// The rule read from the whole consent log, for one contact and one list: what ContactConsent must say.
// Events arrive in any order (a webhook retried an hour late, an admin back-dating a paper opt-out), so a
// list's state is always recomputed from every event that covers it, never patched from the last one seen.

/** Meta's timestamps are whole seconds: a global opt-out covers whatever happened within its second. */
export const OPT_OUT_SLACK_MS = 999;

export type LoggedConsentEvent = { consentListId: string | null; action: "OPT_IN" | "OPT_OUT"; occurredAt: Date };

/**
 * The newest event that covers the list decides: its own, or for a marketing list a global one (no list). An
 * opt-out wins a tie, and a global opt-out counts as the end of its second. A global opt-out closes the list;
 * a global resume reopens it only when its own newest event before the resume is an opt-in. `changedAt` is
 * the time of the last event that touched it. Null: the list has no event of its own.
 */
export function foldListState(
  events: LoggedConsentEvent[],
  listId: string,
  marketing: boolean,
): { optedIn: boolean; changedAt: Date } | null {
  const at = (e: LoggedConsentEvent) =>
    e.occurredAt.getTime() + (e.consentListId === null && e.action === "OPT_OUT" ? OPT_OUT_SLACK_MS : 0);
  // Within one instant: opt-ins before opt-outs (an opt-out is the newer), the list's own before global ones.
  const rank = (e: LoggedConsentEvent) => (e.action === "OPT_OUT" ? 2 : 0) + (e.consentListId === null ? 1 : 0);
  const covering = events
    .filter((e) => e.consentListId === listId || (marketing && e.consentListId === null))
    .sort((a, b) => at(a) - at(b) || rank(a) - rank(b));
  let state: { optedIn: boolean; changedAt: Date } | null = null;
  let ownLast: LoggedConsentEvent["action"] | null = null;
  for (const e of covering) {
    if (e.consentListId === listId) {
      ownLast = e.action;
      state = { optedIn: e.action === "OPT_IN", changedAt: e.occurredAt };
    } else if (state) {
      state = { optedIn: e.action === "OPT_IN" && ownLast === "OPT_IN", changedAt: e.occurredAt };
    }
  }
  return state;
}
