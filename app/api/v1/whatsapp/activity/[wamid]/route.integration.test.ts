// One message's statuses, as the WhatsApp settings page polls them under a test send: in the order they were
// recorded, only the caller's workspace's, an empty list for a message that has none yet, admins only.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createWorkspace } from "@/tests/factories";
import { actAs } from "@/tests/request-context";
import { GET } from "./route";

const call = (wamid: string) =>
  GET(new Request(`http://localhost/api/v1/whatsapp/activity/${encodeURIComponent(wamid)}`), {
    params: Promise.resolve({ wamid }),
  });

let ours: Awaited<ReturnType<typeof createWorkspace>>;
const wamid = `wamid.route-test-${Date.now()}`;
const theirs = `${wamid}-theirs`;

beforeAll(async () => {
  ours = await createWorkspace(["ADMIN", "MANAGER"]);
  const other = await createWorkspace(["ADMIN"]);
  const status = (workspaceId: string, id: string, s: string, minute: number, errorCode?: number) => ({
    workspaceId,
    wamid: id,
    status: s,
    recipient: "+447400900555",
    errorCode,
    occurredAt: new Date(`2026-12-05T10:0${minute}:00Z`),
  });
  // Recorded one after another, as the webhooks arrive: the ids give the order.
  for (const row of [
    status(ours.workspace.id, wamid, "sent", 1),
    status(ours.workspace.id, wamid, "delivered", 2),
    status(ours.workspace.id, wamid, "failed", 3, 131050),
    status(other.workspace.id, theirs, "sent", 1),
  ]) {
    await db.messageStatusEvent.create({ data: row });
  }
});

describe("GET /api/v1/whatsapp/activity/[wamid]", () => {
  it("lists the message's statuses in the order they were recorded, with Meta's code", async () => {
    await actAs(ours.users.ADMIN.id, ours.workspace.id);
    const response = await call(wamid);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; errorCode: number | null }[];
    expect(body.map((s) => [s.status, s.errorCode])).toEqual([
      ["sent", null],
      ["delivered", null],
      ["failed", 131050],
    ]);
  });

  it("shows nothing of another workspace's message, and nothing for one with no status yet", async () => {
    await actAs(ours.users.ADMIN.id, ours.workspace.id);
    for (const id of [theirs, "wamid.not-sent-yet"]) {
      const response = await call(id);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual([]);
    }
  });

  it("answers an id no message could have with a 404, and a manager with a 403", async () => {
    await actAs(ours.users.ADMIN.id, ours.workspace.id);
    expect((await call("x".repeat(201))).status).toBe(404);
    expect((await call("   ")).status).toBe(404);
    await actAs(ours.users.MANAGER.id, ours.workspace.id);
    expect((await call(wamid)).status).toBe(403);
  });
});
