// Leases in PostgreSQL: who holds a thing until when (the Lease table). A worker proves it is alive by
// renewing "worker:<id>"; the worker that paces a sender number holds "sender:<phone number id>". A holder
// that stops renewing (killed, frozen, cut off from the database) loses it when it expires, and anyone may
// take it then. Unlike a session advisory lock, a lease survives a dropped connection that comes back.
import "server-only";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";

/** How long a lease lasts without renewal (PARLEY_LEASE_SECONDS), and how often holders renew (a third of it). */
export const leaseSeconds = () => env().PARLEY_LEASE_SECONDS;
export const renewEveryMs = () => (leaseSeconds() * 1000) / 3;

export const workerLeaseKey = (workerId: string) => `worker:${workerId}`;

/** Takes or renews `key` for `holder`; false when someone else holds it and it has not expired. */
export async function holdLease(key: string, holder: string, seconds = leaseSeconds()): Promise<boolean> {
  const rows = await db.$queryRaw<unknown[]>`
    INSERT INTO "Lease" (key, holder, "expiresAt", "renewedAt") VALUES (${key}, ${holder}, now() + make_interval(secs => ${seconds}), now())
    ON CONFLICT (key) DO UPDATE SET holder = EXCLUDED.holder, "expiresAt" = EXCLUDED."expiresAt", "renewedAt" = now()
    WHERE "Lease".holder = EXCLUDED.holder OR "Lease"."expiresAt" < now()
    RETURNING key`;
  return rows.length === 1;
}

export async function releaseLease(key: string, holder: string): Promise<void> {
  await db.lease.deleteMany({ where: { key, holder } });
}
