// Bookings made through the booking Flow: seats taken per slot, a hold per flow token, its confirmation.
//
// Capacity holds under concurrency because every step that adds a seat to a slot (a hold, the confirmation of a
// hold that expired) first takes that slot's BookingSlot row FOR UPDATE and counts the slot's live bookings in
// the same transaction (see the schema's BookingSlot). A booking is live while CONFIRMED, or HELD until its
// holdExpiresAt: an expired hold stops counting at once, without a sweeper. One row per flow token makes a
// replayed hold a no-op and a new choice a move, never a second seat. Locks are taken slot first, then the
// token's row, on every path, so two of them cannot deadlock. The hourly clean-up (lib/worker/maintenance.ts) deletes
// the lock rows of slots a day past; a late confirmation simply makes its slot's row again.
import "server-only";
import { db, Prisma } from "@/lib/db/client";
import { pgPool } from "@/lib/db/pg";
import type { AvailabilityRules, OpeningHours } from "./availability";
import { weeklyHoursSchema } from "./endpoint-schemas";

type Tx = Prisma.TransactionClient;

/** How long a chosen time is kept for someone who has not finished the Flow. */
export const HOLD_MINUTES = 15;

// The endpoint's reads go through the plain pool (lib/db/pg): at a few hundred requests a second Prisma's own
// work per query is a good part of the endpoint's CPU, and these two queries are all a request reads.

/** Live seats per slot start (epoch ms) between two instants. */
export async function takenSeats(workspaceId: string, from: Date, to: Date, now: Date): Promise<Map<number, number>> {
  const { rows } = await pgPool().query<{ slotStart: Date; n: number }>(
    `SELECT "slotStart", count(*)::int AS n FROM "Booking"
     WHERE "workspaceId" = $1 AND "slotStart" >= $2 AND "slotStart" < $3
       AND (status = 'CONFIRMED' OR (status = 'HELD' AND "holdExpiresAt" > $4))
     GROUP BY "slotStart"`,
    [workspaceId, from, to, now],
  );
  return new Map(rows.map((r) => [r.slotStart.getTime(), r.n]));
}

/**
 * What answering a request needs, in one query: the workspace's availability (null: never set, or no such
 * workspace) and the flow token's booking status (null: none yet).
 */
export async function bookingContext(
  workspaceId: string,
  flowToken: string,
): Promise<{ rules: AvailabilityRules | null; tokenStatus: "HELD" | "CONFIRMED" | "RELEASED" | null }> {
  const { rows } = await pgPool().query<{
    timeZone: string;
    weeklyHours: unknown;
    slotMinutes: number | null;
    capacity: number | null;
    tokenStatus: "HELD" | "CONFIRMED" | "RELEASED" | null;
  }>(
    `SELECT w."timeZone", a."weeklyHours", a."slotMinutes", a.capacity,
       (SELECT b.status::text FROM "Booking" b WHERE b."workspaceId" = w.id AND b."flowToken" = $2) AS "tokenStatus"
     FROM "Workspace" w LEFT JOIN "BookingAvailability" a ON a."workspaceId" = w.id
     WHERE w.id = $1`,
    [workspaceId, flowToken],
  );
  const row = rows[0];
  if (!row) return { rules: null, tokenStatus: null };
  const rules =
    row.slotMinutes === null || row.capacity === null
      ? null
      : {
          timeZone: row.timeZone,
          weeklyHours: weeklyHoursSchema.parse(row.weeklyHours) as OpeningHours[],
          slotMinutes: row.slotMinutes,
          capacity: row.capacity,
        };
  return { rules, tokenStatus: row.tokenStatus };
}

type TokenBooking = {
  id: string;
  slotStart: Date;
  status: "HELD" | "CONFIRMED" | "RELEASED";
  holdExpiresAt: Date | null;
};

/** The token's booking, if any, without a lock. */
async function bookingOfToken(workspaceId: string, flowToken: string, client: Tx = db) {
  return client.booking.findUnique({
    where: { workspaceId_flowToken: { workspaceId, flowToken } },
    select: { id: true, slotStart: true, status: true, holdExpiresAt: true },
  });
}

/** Takes the slot's lock row (made on first use), for the rest of the transaction. */
async function lockSlot(tx: Tx, workspaceId: string, slotStart: Date) {
  await tx.$executeRaw`
    INSERT INTO "BookingSlot" ("workspaceId", "startsAt") VALUES (${workspaceId}, ${slotStart}) ON CONFLICT DO NOTHING`;
  await tx.$queryRaw`
    SELECT 1 FROM "BookingSlot" WHERE "workspaceId" = ${workspaceId} AND "startsAt" = ${slotStart} FOR UPDATE`;
}

async function lockTokenRow(tx: Tx, workspaceId: string, flowToken: string): Promise<TokenBooking | undefined> {
  const rows = await tx.$queryRaw<TokenBooking[]>`
    SELECT id, "slotStart", status::text AS status, "holdExpiresAt" FROM "Booking"
    WHERE "workspaceId" = ${workspaceId} AND "flowToken" = ${flowToken} FOR UPDATE`;
  return rows[0];
}

/** Live bookings of a slot other than the token's own. Call with the slot locked. */
async function othersLive(tx: Tx, workspaceId: string, slotStart: Date, flowToken: string, now: Date) {
  const [row] = await tx.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "Booking"
    WHERE "workspaceId" = ${workspaceId} AND "slotStart" = ${slotStart} AND "flowToken" <> ${flowToken}
      AND (status = 'CONFIRMED' OR (status = 'HELD' AND "holdExpiresAt" > ${now}))`;
  return row!.n;
}

export type HoldResult =
  | { status: "held"; holdExpiresAt: Date }
  | { status: "full" }
  /** The token's booking was cancelled, or it is confirmed for another time: the token is used up. */
  | { status: "closed" };

/**
 * Holds one seat of `slotStart` for the flow token until now + HOLD_MINUTES. The same token holding the same slot
 * again renews its hold (a replay takes no second seat); holding another slot moves its booking there.
 */
export async function holdSlot(input: {
  workspaceId: string;
  flowToken: string;
  slotStart: Date;
  capacity: number;
  contactId: string | null;
  service?: string | null;
  now: Date;
}): Promise<HoldResult> {
  const { workspaceId, flowToken, slotStart, now } = input;
  const holdExpiresAt = new Date(now.getTime() + HOLD_MINUTES * 60_000);
  const attempt = () =>
    db.$transaction(async (tx): Promise<HoldResult> => {
      await lockSlot(tx, workspaceId, slotStart);
      const mine = await lockTokenRow(tx, workspaceId, flowToken);
      if (mine?.status === "RELEASED") return { status: "closed" };
      const here = mine?.slotStart.getTime() === slotStart.getTime();
      if (mine?.status === "CONFIRMED") return here ? { status: "held", holdExpiresAt } : { status: "closed" };
      const stillMine = here && mine?.status === "HELD" && mine.holdExpiresAt !== null && mine.holdExpiresAt > now;
      if (!stillMine && (await othersLive(tx, workspaceId, slotStart, flowToken, now)) >= input.capacity)
        return { status: "full" };
      const fields = { slotStart, status: "HELD" as const, holdExpiresAt, service: input.service ?? null };
      if (mine) {
        await tx.booking.update({
          where: { id: mine.id },
          data: { ...fields, ...(input.contactId ? { contactId: input.contactId } : {}) },
        });
      } else {
        await tx.booking.create({ data: { workspaceId, flowToken, contactId: input.contactId, ...fields } });
      }
      return { status: "held", holdExpiresAt };
    });
  try {
    return await attempt();
  } catch (error) {
    // The same token's first hold on two slots at once: the second create meets the first's row. Once more,
    // it finds that row and moves it.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return attempt();
    throw error;
  }
}

export type ConfirmResult =
  | { status: "confirmed"; bookingId: string; slotStart: Date }
  /** The hold had expired and the slot filled up meanwhile: the booking is released, tell the person. */
  | { status: "unavailable"; bookingId: string; slotStart: Date }
  /** Cancelled before the answer came. */
  | { status: "released"; bookingId: string; slotStart: Date }
  /** No booking for this token (a Flow that was not a booking, or a token never used to hold a time). */
  | { status: "none" };

/**
 * Turns the flow token's HELD booking into CONFIRMED, inside the caller's transaction (the nfm_reply's). Idempotent:
 * a confirmed booking stays confirmed. A hold past its expiry is confirmed only if its slot still has a seat (counted
 * under the slot's lock), else released. `contactId` fills the booking's contact when the token named none.
 */
export async function confirmBooking(
  tx: Tx,
  workspaceId: string,
  flowToken: string,
  contactId: string | null,
  now: Date = new Date(),
): Promise<ConfirmResult> {
  for (;;) {
    const seen = await bookingOfToken(workspaceId, flowToken, tx);
    if (!seen) return { status: "none" };
    // Slot lock first, then the token's row (the order holdSlot uses); a move in between means: look again.
    await lockSlot(tx, workspaceId, seen.slotStart);
    const booking = await lockTokenRow(tx, workspaceId, flowToken);
    if (!booking) return { status: "none" };
    if (booking.slotStart.getTime() !== seen.slotStart.getTime()) continue;
    const result = { bookingId: booking.id, slotStart: booking.slotStart };
    if (booking.status === "RELEASED") return { status: "released", ...result };
    if (booking.status === "HELD") {
      const expired = booking.holdExpiresAt === null || booking.holdExpiresAt <= now;
      const capacity = await slotCapacity(tx, workspaceId);
      if (expired && (await othersLive(tx, workspaceId, booking.slotStart, flowToken, now)) >= capacity) {
        await tx.booking.update({ where: { id: booking.id }, data: { status: "RELEASED", holdExpiresAt: null } });
        return { status: "unavailable", ...result };
      }
      await tx.booking.update({
        where: { id: booking.id },
        data: { status: "CONFIRMED", confirmedAt: now, holdExpiresAt: null },
      });
    }
    if (contactId) await tx.booking.updateMany({ where: { id: booking.id, contactId: null }, data: { contactId } });
    return { status: "confirmed", ...result };
  }
}

async function slotCapacity(tx: Tx, workspaceId: string): Promise<number> {
  const availability = await tx.bookingAvailability.findUnique({ where: { workspaceId }, select: { capacity: true } });
  return availability?.capacity ?? 1;
}
