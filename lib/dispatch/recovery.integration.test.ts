// No resend on a guess (DESIGN.md, invariant 2): a worker that dies mid-batch leaves rows whose request
// never left (sent again at once) and rows whose request may have reached Meta (settled by their webhooks,
// or "unconfirmed" after the evidence window, never sent again). Checked against the sandbox's own log.
import { afterAll, describe, expect, it } from "vitest";
import { loadPlan } from "@/lib/campaigns/plan";
import { renderTemplateMessage } from "@/lib/campaigns/render";
import { db } from "@/lib/db/client";
import { holdLease, workerLeaseKey } from "@/lib/jobs/leases";
import { applyStatuses } from "@/lib/webhooks/apply-statuses";
import { clientFor } from "@/lib/whatsapp/accounts";
import type { StatusEvent } from "@/lib/whatsapp/schemas";
import {
  acceptedSends,
  counts,
  launch,
  sandboxWorkspace,
  startDispatcher,
  type SandboxWorkspace,
} from "@/tests/campaigns";
import { drain } from "@/tests/whatsapp";
import { claimMessages, markLeaving, settleOrphanedClaims, UNCONFIRMED_REASON, type ClaimedMessage } from "./store";

const open: SandboxWorkspace[] = [];
afterAll(async () => {
  await Promise.all(open.map((ws) => ws.sandbox.close()));
});

async function workspace(contacts: number) {
  const ws = await sandboxWorkspace({ contacts });
  open.push(ws);
  return ws;
}

/** What a worker does before it dies: claims, marks and really sends some of its rows, records nothing. */
async function dieMidBatch(
  ws: SandboxWorkspace,
  campaignId: string,
  workerId: string,
  options: { claim: number; reachMeta: number; lostOnTheWay: number },
) {
  const claimed = await claimMessages(
    workerId,
    { workspaceId: "", transactional: false, campaignIds: [campaignId] },
    options.claim,
  );
  const reached = claimed.slice(0, options.reachMeta);
  const lost = claimed.slice(options.reachMeta, options.reachMeta + options.lostOnTheWay);
  expect(
    (
      await markLeaving(
        workerId,
        [...reached, ...lost].map((m) => m.id),
      )
    ).size,
  ).toBe(reached.length + lost.length);
  const plan = await loadPlan(ws.workspace.id, campaignId);
  const client = (await clientFor(ws.workspace.id))!;
  for (const message of reached) {
    await client.sendMessage(
      renderTemplateMessage({
        version: plan.approved[0]!,
        mapping: plan.mapping,
        contact: message,
        callbackData: `pm:${message.id}`,
      }),
    );
  }
  return { claimed, reached, lost };
}

/** The sandbox's accepted sends per Parley message id. */
async function sendsPerMessage(base: string) {
  const perId = new Map<string, number>();
  for (const e of await acceptedSends(base)) {
    const id = e.body.biz_opaque_callback_data!.replace("pm:", "");
    perId.set(id, (perId.get(id) ?? 0) + 1);
  }
  return perId;
}

/** Webhooks the sandbox has posted for these messages are stored (not processed): Meta has told us, we have not read it yet. */
async function untilStored(messages: ClaimedMessage[]) {
  const wanted = messages.map((m) => `pm:${m.id}`);
  for (let i = 0; i < 400; i++) {
    const rows = await db.$queryRaw<{ n: number }[]>`
      SELECT count(DISTINCT cb)::int AS n FROM "WebhookDelivery" d,
        LATERAL jsonb_path_query(convert_from(d."rawBody", 'UTF8')::jsonb, '$.entry[*].changes[*].value.statuses[*].biz_opaque_callback_data') cb
      WHERE d."processedAt" IS NULL AND cb #>> '{}' = ANY(${wanted}::text[])`;
    if ((rows[0]?.n ?? 0) === wanted.length) return;
    await new Promise((resolve) => setTimeout(resolve, 25)); // polling for the condition, not waiting a guessed time
  }
  throw new Error("the sandbox's webhooks were not stored");
}

describe("a worker that dies mid-batch", () => {
  it("with webhook processing held back past the reclaim time: zero duplicates, zero lost", async () => {
    const ws = await workspace(40);
    const id = await launch(ws);
    const { reached } = await dieMidBatch(ws, id, "dead-worker-1", { claim: 30, reachMeta: 12, lostOnTheWay: 0 });
    await untilStored(reached);
    // Long after the reclaim time (the requests are an hour old), and the webhooks still wait to be processed.
    await db.message.updateMany({
      where: { campaignId: id, requestAt: { not: null } },
      data: { requestAt: new Date(Date.now() - 3_600_000) },
    });

    const live = startDispatcher([ws.workspace.id]);
    try {
      for (let i = 0; i < 200 && ((await counts(id)).QUEUED ?? 0) > 0; i++) await live.round();
      await live.round();
    } finally {
      await live.close();
    }
    // Every row whose request never left went out again; the twelve that reached Meta wait for their evidence.
    expect(await db.message.count({ where: { campaignId: id, state: "CLAIMED" } })).toBe(12);
    expect(await db.message.count({ where: { campaignId: id, unconfirmedAt: { not: null } } })).toBe(0);

    await drain(); // processing catches up: the stored webhooks settle them
    const perId = await sendsPerMessage(ws.base);
    expect([...perId.values()].filter((n) => n > 1)).toEqual([]);
    expect(perId.size).toBe(40);
    const states = await counts(id);
    expect(states.CLAIMED ?? 0).toBe(0);
    expect(states.QUEUED ?? 0).toBe(0);
    expect(Object.values(states).reduce((a, b) => a + b, 0)).toBe(40);
  });

  it("ends a request that may have reached Meta as unconfirmed, explained, never sent again, and lets late evidence move it on", async () => {
    const ws = await workspace(10);
    const id = await launch(ws);
    const { lost } = await dieMidBatch(ws, id, "dead-worker-2", { claim: 10, reachMeta: 0, lostOnTheWay: 3 });
    await drain();
    await db.message.updateMany({
      where: { id: { in: lost.map((m) => m.id) } },
      data: { requestAt: new Date(Date.now() - 3_600_000) },
    });

    const live = startDispatcher([ws.workspace.id]);
    try {
      // Until the campaign completes: a webhook can settle the last rows between rounds, and the round after
      // that completes it.
      const status = async () => (await db.campaign.findUniqueOrThrow({ where: { id } })).status;
      for (let i = 0; i < 200 && (await status()) === "SENDING"; i++) {
        await live.round();
        await drain();
      }
    } finally {
      await live.close();
    }
    const unconfirmed = await db.message.findMany({
      where: { campaignId: id, unconfirmedAt: { not: null } },
      select: { id: true, state: true, errorReason: true },
    });
    expect(unconfirmed.map((m) => m.id).sort()).toEqual(lost.map((m) => m.id).sort());
    expect(unconfirmed.every((m) => m.state === "FAILED" && m.errorReason === UNCONFIRMED_REASON)).toBe(true);
    const perId = await sendsPerMessage(ws.base);
    for (const m of lost) expect(perId.get(m.id)).toBeUndefined();
    expect(perId.size).toBe(7);
    expect((await db.campaign.findUniqueOrThrow({ where: { id } })).status).toBe("COMPLETED");
    // The report counts them as their own kind of failure, not as one without a code.
    const facts = await db.$queryRaw<
      { key: string }[]
    >`SELECT f.key FROM "Message" m CROSS JOIN LATERAL parley_message_facts(m) f WHERE m.id = ${lost[0]!.id}`;
    expect(facts.map((f) => f.key)).toContain("error:unconfirmed");

    // Meta did get one after all: its webhook arrives late and the message counts as delivered.
    const late = lost[0]!;
    const event: StatusEvent = {
      id: `wamid.late-${late.id}`,
      status: "delivered",
      timestamp: new Date(),
      recipient_id: late.phone!.slice(1),
      biz_opaque_callback_data: `pm:${late.id}`,
    };
    await db.$transaction((tx) => applyStatuses(tx, [{ workspaceId: ws.workspace.id, event }]));
    const settled = await db.message.findUniqueOrThrow({ where: { id: late.id } });
    expect(settled).toMatchObject({ state: "DELIVERED", unconfirmedAt: null, errorReason: null });
  });

  it("leaves the claims of a worker that is alive alone, however old", async () => {
    const ws = await workspace(5);
    const id = await launch(ws);
    await holdLease(workerLeaseKey("alive-worker"), "alive-worker");
    const claimed = await claimMessages(
      "alive-worker",
      { workspaceId: "", transactional: false, campaignIds: [id] },
      5,
    );
    await markLeaving("alive-worker", [claimed[0]!.id]);
    await db.message.updateMany({
      where: { campaignId: id },
      data: { claimedAt: new Date(Date.now() - 86_400_000), requestAt: null },
    });
    await drain();
    await settleOrphanedClaims();
    expect(await db.message.count({ where: { campaignId: id, state: "CLAIMED", claimedBy: "alive-worker" } })).toBe(5);
    // Once its lease lapses, its unsent rows go back to the queue.
    await db.lease.update({
      where: { key: workerLeaseKey("alive-worker") },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await settleOrphanedClaims();
    expect(await db.message.count({ where: { campaignId: id, state: "QUEUED" } })).toBe(5);
  });
});
