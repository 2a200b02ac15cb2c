// Crash safety: the real worker process is killed with SIGKILL in the middle of a campaign and started
// again. Every recipient ends in exactly one explained state and the sandbox received nobody twice.
import type { ChildProcess } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { startWorker } from "@/tests/worker";
import { acceptedSends, counts, launch, sandboxWorkspace, type SandboxWorkspace } from "@/tests/campaigns";

const RECIPIENTS = 1500;
let ws: SandboxWorkspace;
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const child of children) child.kill("SIGKILL");
  await ws?.sandbox.close();
});

async function accepted() {
  return ((await (await fetch(`${ws.base}/_sandbox/stats`)).json()) as { accepted: number }).accepted;
}

describe("a worker killed mid-campaign", () => {
  it("loses and duplicates nothing when it is started again", { timeout: 240_000 }, async () => {
    // The real worker serves every workspace in the (shared) test database. Work that earlier files left
    // unfinished points at sandboxes that are gone: each round would wait on their dead numbers. Files run
    // one at a time, so this one may set it aside.
    await db.$executeRaw`UPDATE "Campaign" SET status = 'CANCELLED' WHERE status IN ('SENDING', 'PAUSED', 'SCHEDULED')`;
    await db.$executeRaw`UPDATE "Message" SET state = 'SKIPPED', "skipReason" = 'cancelled', "claimedBy" = NULL WHERE state IN ('QUEUED', 'CLAIMED')`;
    ws = await sandboxWorkspace({ contacts: RECIPIENTS });
    const id = await launch(ws, { sendRatePerSec: 300 });

    const first = startWorker("crash-first", children);
    await expect.poll(accepted, { timeout: 60_000, interval: 100 }).toBeGreaterThan(RECIPIENTS / 4);
    first.kill("SIGKILL");
    await new Promise((r) => first.once("exit", r));
    const atKill = await counts(id);
    expect(atKill.QUEUED).toBeGreaterThan(0); // really in the middle
    // On their way at the kill: marked as leaving, their answer not recorded (how many depends on the
    // machine's speed: a busy one records answers later).
    const onTheirWay = new Set(
      (
        await db.message.findMany({
          where: { campaignId: id, state: "CLAIMED", requestAt: { not: null } },
          select: { id: true },
        })
      ).map((m) => m.id),
    );

    startWorker("crash-second", children);
    await expect
      .poll(async () => (await db.campaign.findUniqueOrThrow({ where: { id } })).status, {
        timeout: 90_000,
        interval: 250,
      })
      .toBe("COMPLETED");

    const sends = await acceptedSends(ws.base);
    const ids = sends.map((e) => e.body.biz_opaque_callback_data!.replace("pm:", ""));
    expect(ids.length).toBe(new Set(ids).size); // nobody twice
    // Nobody lost: each recipient was sent once, or (a request on its way when the worker was killed, that
    // never reached Meta) ended "unconfirmed", explained and not sent again: a second send is never a guess.
    const unconfirmed = await db.message.findMany({
      where: { campaignId: id, unconfirmedAt: { not: null } },
      select: { id: true, state: true },
    });
    expect(ids.length + unconfirmed.length).toBe(RECIPIENTS);
    expect(unconfirmed.every((m) => m.state === "FAILED" && !ids.includes(m.id))).toBe(true);
    expect(unconfirmed.filter((m) => !onTheirWay.has(m.id))).toEqual([]); // only what was on its way at the kill
    const final = await counts(id);
    expect(final.QUEUED ?? 0).toBe(0);
    expect(final.CLAIMED ?? 0).toBe(0);
    await expect
      .poll(async () => db.message.count({ where: { campaignId: id, wamid: { not: null } } }), { timeout: 15_000 })
      .toBe(ids.length);
  });
});
