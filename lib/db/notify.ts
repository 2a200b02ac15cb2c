// Waking the worker after a commit, from a hot path. A NOTIFY inside a writing transaction holds
// PostgreSQL's one notification lock until that transaction's commit is on disk, so every notifying
// transaction in the database commits one after another: with one per accepted message or webhook batch,
// that queue of disk flushes was the public API's ceiling (bench/api.ts). Here the notification is its own
// statement, sent after the caller's commit, and coalesced: at most one in flight per channel in this
// process, and one more after it if anything asked meanwhile. The worker polls as well, so a notification
// lost to a dropped connection only delays the work by a poll interval.
import "server-only";
import { logger } from "@/lib/logger";
import { pgPool } from "./pg";

/** The channel that wakes the worker's dispatch loop: a campaign launched, a transactional message accepted. */
export const DISPATCH_CHANNEL = "parley_dispatch";
/** The channel that wakes the worker's journeys loop: an event was recorded (lib/events, lib/journeys). */
export const JOURNEYS_CHANNEL = "parley_journeys";

const channels = new Map<string, { inFlight: boolean; again: boolean }>();

/** Sends `NOTIFY channel` soon (after the current commit), coalesced with other calls for the same channel. */
export function notifySoon(channel: string): void {
  let state = channels.get(channel);
  if (!state) channels.set(channel, (state = { inFlight: false, again: false }));
  if (state.inFlight) {
    state.again = true;
    return;
  }
  state.inFlight = true;
  void pgPool()
    .query("SELECT pg_notify($1, '')", [channel])
    .catch((error: unknown) =>
      logger.warn("could not wake the worker; it finds the work on its next poll", { channel, error }),
    )
    .finally(() => {
      state.inFlight = false;
      if (state.again) {
        state.again = false;
        notifySoon(channel);
      }
    });
}
