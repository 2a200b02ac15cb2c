// The Flows data-exchange endpoint as WhatsApp calls it: a signed, encrypted body in, an encrypted answer out
// (this test plays Meta with encryptExchangeRequest), Meta's statuses for what cannot be answered, and bookings
// that never exceed a slot's capacity however many answers arrive at once.
import { beforeAll, describe, expect, it } from "vitest";
import { encryptSecret } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/client";
import { BOOKING_TRIGGERS } from "@/lib/flows/booking-flow";
import { confirmBooking } from "@/lib/flows/exchange";
import { decryptExchangeResponse, encryptExchangeRequest, generateFlowKeyPair } from "@/lib/flows/exchange-crypto";
import { createFlowToken } from "@/lib/flows/flow-token";
import { signBody } from "@/lib/webhooks/signature";
import { createWorkspace } from "@/tests/factories";
import { APP_SECRET, connectAccount } from "@/tests/whatsapp";
import { POST } from "./route";

type Answer = { screen?: string; data: Record<string, unknown> };
type Option = { id: string; title: string };

let ws: string;
let publicKeyPem: string;

/** A workspace with a WhatsApp account, a key pair and every day open 00:00-23:00 in hours of 2 seats. */
async function endpointWorkspace() {
  const { workspace } = await createWorkspace(["ADMIN"]);
  await connectAccount(workspace.id);
  const keys = generateFlowKeyPair();
  await db.flowEndpointKey.create({
    data: {
      workspaceId: workspace.id,
      publicKeyPem: keys.publicKeyPem,
      privateKeyEncrypted: encryptSecret(keys.privateKeyPem),
      registeredAt: new Date(),
    },
  });
  await db.bookingAvailability.create({
    data: {
      workspaceId: workspace.id,
      weeklyHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, open: "00:00", close: "23:00" })),
      slotMinutes: 60,
      capacity: 2,
    },
  });
  return { workspaceId: workspace.id, publicKeyPem: keys.publicKeyPem };
}

beforeAll(async () => {
  ({ workspaceId: ws, publicKeyPem } = await endpointWorkspace());
});

const post = (workspaceId: string, raw: string, signature: string | null) =>
  POST(
    new Request(`http://localhost/api/flows/endpoint/${workspaceId}`, {
      method: "POST",
      body: raw,
      headers: signature ? { "x-hub-signature-256": signature } : {},
    }),
    { params: Promise.resolve({ workspaceId }) },
  );

/** Plays WhatsApp: encrypts for `key`, signs with `secret`, and opens the answer when there is one. */
async function exchange(payload: unknown, options: { key?: string; secret?: string; workspaceId?: string } = {}) {
  const { body, aesKey, iv } = encryptExchangeRequest(payload, options.key ?? publicKeyPem);
  const raw = JSON.stringify(body);
  const response = await post(options.workspaceId ?? ws, raw, signBody(raw, options.secret ?? APP_SECRET));
  const text = await response.text();
  const answer = response.status === 200 ? (decryptExchangeResponse(text, aesKey, iv) as Answer) : undefined;
  return {
    status: response.status,
    text,
    answer,
    replay: () => post(options.workspaceId ?? ws, raw, signBody(raw, APP_SECRET)),
  };
}

const request = (flowToken: string, action: string, data?: Record<string, unknown>) => ({
  version: "3.0",
  action,
  screen: action === "INIT" ? undefined : "APPOINTMENT",
  data,
  flow_token: flowToken,
});
const hold = (flowToken: string, slot: string) =>
  exchange(request(flowToken, "data_exchange", { trigger: BOOKING_TRIGGERS.hold, slot }));

/** A slot a day ahead (so "now" never passes it during the test) with all its seats free. */
async function freeSlot(): Promise<string> {
  const init = await exchange(request(createFlowToken(ws), "INIT"));
  const days = init.answer!.data.days as Option[];
  const chosen = await exchange(
    request(createFlowToken(ws), "data_exchange", { trigger: BOOKING_TRIGGERS.day, day: days[1]!.id }),
  );
  const slots = chosen.answer!.data.slots as Option[];
  const used = new Set(
    (await db.booking.findMany({ where: { workspaceId: ws }, select: { slotStart: true } })).map((b) =>
      b.slotStart.getTime(),
    ),
  );
  return slots.find((s) => !used.has(Date.parse(s.id)))!.id;
}

const live = (slot: string) =>
  db.booking.count({
    where: {
      workspaceId: ws,
      slotStart: new Date(slot),
      OR: [{ status: "CONFIRMED" }, { status: "HELD", holdExpiresAt: { gt: new Date() } }],
    },
  });

describe("POST /api/flows/endpoint/[workspaceId]", () => {
  it("answers the health check, encrypted", async () => {
    const { status, answer } = await exchange({ version: "3.0", action: "ping" });
    expect(status).toBe(200);
    expect(answer).toEqual({ data: { status: "active" } });
  });

  it("acknowledges an error notification", async () => {
    const { answer } = await exchange(
      request(createFlowToken(ws), "data_exchange", { error: "INVALID_SCREEN", error_message: "bad" }),
    );
    expect(answer).toEqual({ data: { acknowledged: true } });
  });

  it("walks the booking Flow: free days, a day's times, a hold, the details screen", async () => {
    const token = createFlowToken(ws);
    const init = await exchange(request(token, "INIT"));
    expect(init.answer).toMatchObject({ screen: "APPOINTMENT", data: { slots_enabled: false } });
    const days = init.answer!.data.days as Option[];
    expect(days.length).toBeGreaterThanOrEqual(13);
    expect(days[1]).toEqual({ id: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), title: expect.any(String) });

    const day = await exchange(request(token, "data_exchange", { trigger: BOOKING_TRIGGERS.day, day: days[1]!.id }));
    expect(day.answer).toMatchObject({ screen: "APPOINTMENT", data: { slots_enabled: true } });
    const slots = day.answer!.data.slots as Option[];
    expect(slots).toHaveLength(23); // 00:00 to 22:00, the last ending at closing
    expect(slots[9]).toEqual({ id: `${days[1]!.id}T09:00Z`, title: "09:00" });

    const slot = await freeSlot();
    const held = await hold(token, slot);
    expect(held.answer).toEqual({ screen: "DETAILS", data: { slot, slot_label: expect.stringMatching(/, \d\d:00$/) } });
    const booking = await db.booking.findUniqueOrThrow({
      where: { workspaceId_flowToken: { workspaceId: ws, flowToken: token } },
    });
    expect(booking).toMatchObject({ status: "HELD", slotStart: new Date(slot) });
    expect(booking.holdExpiresAt!.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
  });

  it("answers 421 for a request encrypted for another key, and for a workspace without a key", async () => {
    const other = generateFlowKeyPair().publicKeyPem;
    const wrong = await exchange(request(createFlowToken(ws), "INIT"), { key: other });
    expect(wrong).toMatchObject({ status: 421, text: "" });
    const { workspace } = await createWorkspace(["ADMIN"]);
    await connectAccount(workspace.id);
    expect((await exchange({ version: "3.0", action: "ping" }, { workspaceId: workspace.id })).status).toBe(421);
    expect((await exchange({ version: "3.0", action: "ping" }, { workspaceId: "no-such-workspace" })).status).toBe(421);
  });

  it("answers 432 for a wrong or missing signature", async () => {
    expect((await exchange({ version: "3.0", action: "ping" }, { secret: "not-the-app-secret" })).status).toBe(432);
    const { body } = encryptExchangeRequest({ version: "3.0", action: "ping" }, publicKeyPem);
    expect((await post(ws, JSON.stringify(body), null)).status).toBe(432);
  });

  it("answers 400 for junk, signed or not encrypted as Meta does, with no stack trace", async () => {
    for (const raw of ["not json", "{}", JSON.stringify({ encrypted_flow_data: "x", encrypted_aes_key: 1 })]) {
      const response = await post(ws, raw, signBody(raw, APP_SECRET));
      expect(response.status).toBe(400);
      expect(await response.text()).not.toMatch(/at .*\.ts|Error:/);
    }
    // Decrypted, but not a data API request.
    expect((await exchange({ hello: "there" })).status).toBe(400);
  });

  it("answers 427 for a token Parley did not issue, one of another workspace, and one whose booking was cancelled", async () => {
    expect((await exchange(request("made-up-token", "INIT"))).status).toBe(427);
    const other = await endpointWorkspace();
    expect((await exchange(request(createFlowToken(other.workspaceId), "INIT"))).status).toBe(427);

    const token = createFlowToken(ws);
    expect((await hold(token, await freeSlot())).answer?.screen).toBe("DETAILS");
    await db.booking.update({
      where: { workspaceId_flowToken: { workspaceId: ws, flowToken: token } },
      data: { status: "RELEASED" },
    });
    expect((await exchange(request(token, "INIT"))).status).toBe(427);
  });

  it("holds a slot of capacity 2 for exactly 2 of 20 people answering at once; the others are told it is full", async () => {
    const slot = await freeSlot();
    const results = await Promise.all(Array.from({ length: 20 }, () => hold(createFlowToken(ws), slot)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    const held = results.filter((r) => r.answer?.screen === "DETAILS");
    const full = results.filter((r) => r.answer?.screen === "APPOINTMENT");
    expect([held.length, full.length]).toEqual([2, 18]);
    for (const r of full) {
      expect(r.answer!.data.error_message).toMatch(/taken/);
      expect((r.answer!.data.slots as Option[]).map((s) => s.id)).not.toContain(slot);
    }
    expect(await live(slot)).toBe(2);
  });

  it("takes no second seat for a replayed hold, and moves a token's hold when it chooses another time", async () => {
    const slot = await freeSlot();
    const token = createFlowToken(ws);
    const first = await hold(token, slot);
    expect(first.answer?.screen).toBe("DETAILS");
    expect((await first.replay()).status).toBe(200);
    expect((await hold(token, slot)).answer?.screen).toBe("DETAILS");
    expect(await live(slot)).toBe(1);

    const next = new Date(Date.parse(slot) + 3_600_000).toISOString().slice(0, 16) + "Z";
    expect((await hold(token, next)).answer?.screen).toBe("DETAILS");
    expect([await live(slot), await live(next)]).toEqual([0, 1]);
    expect(await db.booking.count({ where: { workspaceId: ws, flowToken: token } })).toBe(1);
  });

  it("frees the seat of an expired hold", async () => {
    const slot = await freeSlot();
    const [a, b, c] = [createFlowToken(ws), createFlowToken(ws), createFlowToken(ws)];
    await hold(a, slot);
    await hold(b, slot);
    expect((await hold(c, slot)).answer?.screen).toBe("APPOINTMENT");
    await db.booking.update({
      where: { workspaceId_flowToken: { workspaceId: ws, flowToken: a } },
      data: { holdExpiresAt: new Date(Date.now() - 1000) },
    });
    expect((await hold(c, slot)).answer?.screen).toBe("DETAILS");
    expect(await live(slot)).toBe(2);
  });

  it("confirms a hold once, whatever the number of answers, and refuses an expired hold whose slot filled", async () => {
    const slot = await freeSlot();
    const contact = await db.contact.create({ data: { workspaceId: ws, phone: `+3460${Date.now() % 1e7}` } });
    const token = createFlowToken(ws);
    await hold(token, slot);
    const first = await db.$transaction((tx) => confirmBooking(tx, ws, token, contact.id));
    const again = await db.$transaction((tx) => confirmBooking(tx, ws, token, contact.id));
    expect(first).toMatchObject({ status: "confirmed", slotStart: new Date(slot) });
    expect(again).toEqual(first);
    const booking = await db.booking.findUniqueOrThrow({
      where: { workspaceId_flowToken: { workspaceId: ws, flowToken: token } },
    });
    expect(booking).toMatchObject({ status: "CONFIRMED", contactId: contact.id, holdExpiresAt: null });
    // A confirmed booking holds its seat; a replayed hold changes nothing.
    expect((await hold(token, slot)).answer?.screen).toBe("DETAILS");
    expect(await live(slot)).toBe(1);

    // Expired, and the slot filled meanwhile: released, and the person's token is used up.
    const late = createFlowToken(ws);
    await hold(late, slot);
    await db.booking.update({
      where: { workspaceId_flowToken: { workspaceId: ws, flowToken: late } },
      data: { holdExpiresAt: new Date(Date.now() - 1000) },
    });
    await hold(createFlowToken(ws), slot);
    expect(await db.$transaction((tx) => confirmBooking(tx, ws, late, null))).toMatchObject({ status: "unavailable" });
    expect((await exchange(request(late, "INIT"))).status).toBe(427);
    expect(await db.$transaction((tx) => confirmBooking(tx, ws, createFlowToken(ws), null))).toEqual({
      status: "none",
    });
  });

  it("answers 500 without a stack trace when the workspace's key cannot be read", async () => {
    const broken = await endpointWorkspace();
    await db.flowEndpointKey.update({
      where: { workspaceId: broken.workspaceId },
      data: { privateKeyEncrypted: "v1:AAAA:AAAA:AAAA" },
    });
    const response = await exchange(
      { version: "3.0", action: "ping" },
      {
        workspaceId: broken.workspaceId,
        key: broken.publicKeyPem,
      },
    );
    expect(response.status).toBe(500);
    expect(response.text).toMatch(/^Internal error \(reference [0-9a-f-]{36}\)$/);
  });
});
