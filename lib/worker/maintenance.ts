// Hourly housekeeping across domains (a pg-boss cron schedule, lib/worker/jobs.ts): rows whose
// usefulness has a time limit. pg-boss keeps and archives its own jobs.
import "server-only";
import { z } from "zod";
import { LOGIN_WINDOW_MINUTES } from "@/lib/auth/login";
import { db } from "@/lib/db/client";
import { defineJob } from "@/lib/jobs/engine";

export const cleanupJob = defineJob("maintenance.cleanup", z.object({}), { retryLimit: 2, timeoutSeconds: 10 * 60 });

/**
 * A booking slot's lock row (lib/flows/bookings.ts) is kept this long after the slot starts: a late answer may still
 * confirm a hold (and takes the row again if it is gone); past that nobody holds or confirms the slot.
 */
export const BOOKING_SLOT_KEEP_MS = 86_400_000;

/**
 * Deletes expired sessions, stale sign-in failures, spent idempotency keys and rate-limit windows, and the lock
 * rows of booking slots long past.
 */
export async function cleanUp(): Promise<void> {
  const now = Date.now();
  await db.session.deleteMany({ where: { expiresAt: { lt: new Date(now) } } });
  await db.loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(now - LOGIN_WINDOW_MINUTES * 60_000) } } });
  // An Idempotency-Key is honoured for 24 hours (docs/api.md); a rate-limit window for a second.
  await db.apiIdempotency.deleteMany({ where: { createdAt: { lt: new Date(now - 86_400_000) } } });
  await db.apiRateLimit.deleteMany({ where: { expire: { lt: BigInt(now - 60_000) } } });
  await db.bookingSlot.deleteMany({ where: { startsAt: { lt: new Date(now - BOOKING_SLOT_KEEP_MS) } } });
}
