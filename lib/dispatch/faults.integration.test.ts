// A blip is not an outage (DESIGN.md invariant 7): a campaign sent by the real worker loop, against the
// sandbox over HTTP, survives every database connection being terminated mid-campaign, Cloud API calls
// failing or hanging (the sandbox's fault mode) and PostgreSQL being restarted mid-campaign, and ends with
// every recipient sent exactly once, as the sandbox's own log of accepted sends shows.
//
// This file runs on its own throwaway PostgreSQL (the shared test server is not to be restarted), on a
// fixed port so that the restarted server is found again at the same address.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type RunningPostgres } from "../../scripts/lib/embedded-postgres";
import { applyMigrations } from "../../scripts/lib/schema-engine";
import type { SandboxConfigInput } from "@/sandbox/config";
import { acceptedSends, counts, launch, sandboxWorkspace, type SandboxWorkspace } from "@/tests/campaigns";
import { terminateOtherConnections } from "@/tests/database";

let server: RunningPostgres;
let dataDir: string;
let databaseUrl: string;
const open: SandboxWorkspace[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "parley-faults-"));
  // Durable (not ephemeral): an ephemeral server deletes its data when stopped, and this one restarts.
  server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg") });
  await server.createDatabase("parley_faults");
  databaseUrl = server.url("parley_faults");
  await applyMigrations(databaseUrl);
  // Before anything in lib/ reads the environment (it is read once, on first use).
  process.env.DATABASE_URL = databaseUrl;
  const { env } = await import("@/lib/env");
  expect(env().DATABASE_URL).toBe(databaseUrl);
}, 120_000);

afterAll(async () => {
  await Promise.all(open.map((ws) => ws.sandbox.close()));
  const { disconnectDb } = await import("@/lib/db/client");
  const { closePgPool } = await import("@/lib/db/pg");
  await disconnectDb();
  await closePgPool();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The worker's own loops (jobs, webhooks, dispatch, rollups), in this process, until stopped. */
async function startWorker() {
  const { runWorker } = await import("@/lib/worker/run");
  const controller = new AbortController();
  let failure: unknown = null;
  const done = runWorker(controller.signal).catch((error: unknown) => {
    failure = error;
  });
  return {
    get failure() {
      return failure;
    },
    async stop() {
      controller.abort();
      await done;
    },
  };
}

async function campaignOf(recipients: number, sandbox: Partial<SandboxConfigInput> = {}) {
  const ws = await sandboxWorkspace({ contacts: recipients, sandbox });
  open.push(ws);
  // Paced, so that the campaign is still sending when the fault comes.
  const id = await launch(ws, { sendRatePerSec: 100 });
  return { ws, id };
}

const accepted = async (ws: SandboxWorkspace) => (await acceptedSends(ws.base)).length;

/** Waits for the campaign to complete with nothing queued or claimed, then checks the sandbox's log. */
async function expectEachSentOnce(ws: SandboxWorkspace, id: string, recipients: number) {
  const { db } = await import("@/lib/db/client");
  await expect
    .poll(
      async () => {
        const campaign = await db.campaign.findUniqueOrThrow({ where: { id }, select: { status: true } });
        const c = await counts(id);
        return { status: campaign.status, queued: c.QUEUED ?? 0, claimed: c.CLAIMED ?? 0 };
      },
      { timeout: 90_000, interval: 250 },
    )
    .toEqual({ status: "COMPLETED", queued: 0, claimed: 0 });
  const ids = (await acceptedSends(ws.base)).map((e) => e.body.biz_opaque_callback_data);
  const duplicates = ids.filter((x, i) => ids.indexOf(x) !== i);
  expect(duplicates).toEqual([]);
  expect(new Set(ids).size).toBe(recipients);
  const c = await counts(id);
  expect((c.SENT ?? 0) + (c.DELIVERED ?? 0) + (c.READ ?? 0)).toBe(recipients);
}

describe("a blip is not an outage", () => {
  it("sends every recipient exactly once when every database connection is terminated mid-campaign", async () => {
    const recipients = 400;
    const { ws, id } = await campaignOf(recipients);
    const worker = await startWorker();
    try {
      await expect.poll(() => accepted(ws), { timeout: 30_000, interval: 50 }).toBeGreaterThan(recipients * 0.2);
      expect(await terminateOtherConnections(databaseUrl)).toBeGreaterThan(0);
      await expect.poll(() => accepted(ws), { timeout: 30_000, interval: 50 }).toBeGreaterThan(recipients * 0.6);
      expect(await terminateOtherConnections(databaseUrl)).toBeGreaterThan(0);
      await expectEachSentOnce(ws, id, recipients);
      expect(worker.failure).toBeNull();
    } finally {
      await worker.stop();
    }
  }, 180_000);

  it("sends every recipient exactly once when a tenth of Cloud API calls fail or get no answer in time", async () => {
    const recipients = 300;
    // Held answers come after 15 s, past the client's 10 s deadline for a send: those are settled by webhooks.
    const { ws, id } = await campaignOf(recipients, { faults: { failShare: 0.05, hangShare: 0.05, hangMs: 15_000 } });
    const worker = await startWorker();
    try {
      await expectEachSentOnce(ws, id, recipients);
      expect(worker.failure).toBeNull();
      const stats = (await (await fetch(`${ws.base}/_sandbox/stats`)).json()) as {
        faultFailed: number;
        faultHeld: number;
      };
      expect(stats.faultFailed).toBeGreaterThan(0);
      expect(stats.faultHeld).toBeGreaterThan(0);
    } finally {
      await worker.stop();
    }
  }, 180_000);

  it("sends every recipient exactly once when PostgreSQL restarts mid-campaign", async () => {
    const recipients = 400;
    const { ws, id } = await campaignOf(recipients);
    const worker = await startWorker();
    try {
      await expect.poll(() => accepted(ws), { timeout: 30_000, interval: 50 }).toBeGreaterThan(recipients * 0.3);
      await server.stop();
      server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), port: server.port });
      await expectEachSentOnce(ws, id, recipients);
      expect(worker.failure).toBeNull();
    } finally {
      await worker.stop();
    }
  }, 180_000);
});
