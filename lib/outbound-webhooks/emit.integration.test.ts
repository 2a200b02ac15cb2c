import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { encryptSecret } from "@/lib/crypto/secrets";
import { createWorkspace } from "@/tests/factories";
import { emitEvents, newEventId } from "./emit";

async function endpoint(workspaceId: string, eventTypes: string[], enabled = true) {
  return db.webhookEndpoint.create({
    data: {
      workspaceId,
      url: "https://hooks.example.com/parley",
      eventTypes,
      enabled,
      secretEncrypted: encryptSecret("whsec_x"),
    },
  });
}

describe("emitEvents", () => {
  it("stores an event once and a delivery per enabled endpoint that chose its type, in the caller's transaction", async () => {
    const { workspace } = await createWorkspace(["ADMIN"]);
    const ws = workspace.id;
    const both = await endpoint(ws, ["message.sent", "message.read"]);
    const sentOnly = await endpoint(ws, ["message.sent"]);
    await endpoint(ws, ["message.sent"], false);
    const other = (await createWorkspace(["ADMIN"])).workspace.id;
    await endpoint(other, ["message.sent"]);

    const n = await db.$transaction((tx) =>
      emitEvents(tx, ws, [
        { type: "message.sent", payload: { messageId: "m1" }, orderingKey: "c1" },
        { type: "message.read", payload: { messageId: "m1" }, orderingKey: "c1" },
        { type: "message.inbound", payload: { wamid: "w" } },
      ]),
    );
    expect(n).toBe(3);
    const events = await db.outboundEvent.findMany({ where: { workspaceId: ws }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.type)).toEqual(["message.sent", "message.read"]);
    expect(events[0]!.id).toMatch(/^msg_[0-9A-Z]{26}$/);
    expect(events[0]!.payload).toMatchObject({ type: "message.sent", data: { messageId: "m1" } });
    expect(typeof (events[0]!.payload as { timestamp: unknown }).timestamp).toBe("string");
    const deliveries = await db.outboundDelivery.findMany({
      where: { eventId: { in: events.map((e) => e.id) } },
      orderBy: { id: "asc" },
    });
    const [first, second] = [both.id, sentOnly.id].sort();
    expect(deliveries.map((d) => [d.endpointId, d.eventId, d.orderingKey, d.state])).toEqual([
      [first, events[0]!.id, "c1", "PENDING"],
      [second, events[0]!.id, "c1", "PENDING"],
      [both.id, events[1]!.id, "c1", "PENDING"],
    ]);
  });

  it("writes nothing when no endpoint chose the type, and nothing when the transaction rolls back", async () => {
    const ws = (await createWorkspace(["ADMIN"])).workspace.id;
    expect(await emitEvents(db, ws, [{ type: "message.sent", payload: {} }])).toBe(0);
    await endpoint(ws, ["message.sent"]);
    await expect(
      db.$transaction(async (tx) => {
        await emitEvents(tx, ws, [{ type: "message.sent", payload: {} }]);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await db.outboundEvent.count({ where: { workspaceId: ws } })).toBe(0);
  });

  it("makes ids that sort by creation, also within one millisecond", () => {
    const ids = Array.from({ length: 1000 }, () => newEventId(1_700_000_000_000));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(1000);
    expect(newEventId(1_700_000_000_001) > ids.at(-1)!).toBe(true);
  });
});
