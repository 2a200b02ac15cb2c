// Capacity under real concurrency, below the endpoint: many holds on one slot start together (no decryption
// in front of them to space them out), so that only the database's lock stands between them and overbooking.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createWorkspace } from "@/tests/factories";
import { holdSlot } from "./bookings";

let ws: string;
beforeAll(async () => {
  ws = (await createWorkspace(["ADMIN"])).workspace.id;
});

describe("holdSlot", () => {
  it.each([1, 2, 5])("gives a slot of capacity %i to exactly that many of 40 simultaneous holds", async (capacity) => {
    const slotStart = new Date(Date.UTC(2030, 0, 1, 9 + capacity));
    const now = new Date();
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        holdSlot({ workspaceId: ws, flowToken: `t-${capacity}-${i}`, slotStart, capacity, contactId: null, now }),
      ),
    );
    expect(results.filter((r) => r.status === "held")).toHaveLength(capacity);
    expect(results.filter((r) => r.status === "full")).toHaveLength(40 - capacity);
    expect(await db.booking.count({ where: { workspaceId: ws, slotStart, status: "HELD" } })).toBe(capacity);
  });

  it("takes one seat for the same token holding the same slot many times at once", async () => {
    const slotStart = new Date(Date.UTC(2030, 0, 2, 9));
    const now = new Date();
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        holdSlot({ workspaceId: ws, flowToken: "same", slotStart, capacity: 3, contactId: null, now }),
      ),
    );
    expect(results.every((r) => r.status === "held")).toBe(true);
    expect(await db.booking.count({ where: { workspaceId: ws, slotStart } })).toBe(1);
  });

  it("keeps one booking for a token holding two slots at once (the later one wins)", async () => {
    const [a, b] = [new Date(Date.UTC(2030, 0, 3, 9)), new Date(Date.UTC(2030, 0, 3, 10))];
    const now = new Date();
    const results = await Promise.all(
      [a, b, a, b].map((slotStart) =>
        holdSlot({ workspaceId: ws, flowToken: "two", slotStart, capacity: 3, contactId: null, now }),
      ),
    );
    expect(results.every((r) => r.status === "held")).toBe(true);
    expect(await db.booking.count({ where: { workspaceId: ws, flowToken: "two" } })).toBe(1);
  });
});
