// The hourly clean-up against the real database: booking slots' lock rows go once their slot is a day past; the
// bookings stay, later slots keep their rows, and a late answer for a pruned slot still confirms its booking.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { confirmBooking, holdSlot } from "@/lib/flows/bookings";
import { createWorkspace } from "@/tests/factories";
import { cleanUp } from "./maintenance";

const HOUR = 3_600_000;

describe("the hourly clean-up", () => {
  it("prunes the lock rows of booking slots a day past, and nothing a booking still needs", async () => {
    const workspaceId = (await createWorkspace(["ADMIN"])).workspace.id;
    const now = Date.now();
    const slots = { old: new Date(now - 72 * HOUR), recent: new Date(now - 2 * HOUR), next: new Date(now + 24 * HOUR) };
    for (const [name, slotStart] of Object.entries(slots)) {
      const held = await holdSlot({
        workspaceId,
        flowToken: name,
        slotStart,
        capacity: 1,
        contactId: null,
        now: new Date(slotStart.getTime() - HOUR),
      });
      expect(held.status).toBe("held");
    }
    const rows = async () =>
      (await db.bookingSlot.findMany({ where: { workspaceId }, orderBy: { startsAt: "asc" } })).map((r) => r.startsAt);
    expect(await rows()).toEqual([slots.old, slots.recent, slots.next]);

    await cleanUp();
    expect(await rows()).toEqual([slots.recent, slots.next]);
    expect(await db.booking.count({ where: { workspaceId } })).toBe(3);

    // The answer for the pruned slot comes very late: the slot's row is taken again, and the seat is still free.
    const confirmed = await db.$transaction((tx) => confirmBooking(tx, workspaceId, "old", null));
    expect(confirmed).toMatchObject({ status: "confirmed", slotStart: slots.old });
    expect(await rows()).toEqual([slots.old, slots.recent, slots.next]);
  });
});
