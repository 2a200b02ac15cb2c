// The job engine against the real PostgreSQL: pg-boss with Parley's rules (one back-off, leases, cron,
// sending inside the caller's transaction). Each test uses job types of its own, so the shared database's
// other jobs never meet these workers.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db/client";
import {
  cancelJob,
  defineJob,
  JOBS_SCHEMA,
  jobIdFor,
  RETRY_DELAY_SECONDS,
  sendJob,
  stopSender,
  type JobOptions,
} from "./engine";
import { handle, startJobRunner, type CronSchedule, type JobHandler, type JobRunner } from "./runner";

const runners: JobRunner[] = [];
afterAll(async () => {
  await Promise.all(runners.map((r) => r.stop(1000)));
  await stopSender();
});

const testJob = (options: Partial<JobOptions> = {}) =>
  defineJob(`test.${randomUUID().slice(0, 8)}`, z.object({ n: z.number() }), options);

async function runner(handlers: JobHandler[], schedules: CronSchedule[] = []) {
  const started = await startJobRunner({ worker: `test-${randomUUID().slice(0, 8)}`, handlers, schedules });
  runners.push(started);
  return started;
}

type JobRow = { state: string; retryCount: number; output: { message?: string; value?: string } | null };
async function jobRow(name: string, id: string): Promise<JobRow | undefined> {
  const [row] = await db.$queryRawUnsafe<JobRow[]>(
    `SELECT state::text, retry_count AS "retryCount", output FROM ${JOBS_SCHEMA}.job WHERE name = $1 AND id = $2::uuid`,
    name,
    id,
  );
  return row;
}

describe("the job engine", () => {
  it("sends a job inside the caller's transaction: it exists only if the transaction commits, once per dedupe key, and cancels it by that key", async () => {
    const job = testJob();
    await expect(
      db.$transaction(async (tx) => {
        await sendJob(job, { n: 1 }, tx, { dedupeKey: "rolled-back" });
        throw new Error("the work failed");
      }),
    ).rejects.toThrow("the work failed");
    expect(await jobRow(job.name, jobIdFor(job.name, "rolled-back"))).toBeUndefined();

    const ids = await db.$transaction(async (tx) => [
      await sendJob(job, { n: 1 }, tx, { dedupeKey: "k", workspaceId: "ws-1" }),
      await sendJob(job, { n: 1 }, tx, { dedupeKey: "k" }),
    ]);
    expect(ids).toEqual([jobIdFor(job.name, "k"), null]);
    expect(await jobRow(job.name, ids[0]!)).toMatchObject({ state: "created" });
    // Cancelling by the same key, in a transaction (a scheduled campaign cancelled before its start).
    await db.$transaction((tx) => cancelJob(job, "k", tx));
    expect(await jobRow(job.name, ids[0]!)).toMatchObject({ state: "cancelled" });
    // A malformed payload fails its sender.
    await expect(db.$transaction((tx) => sendJob(job, { n: "one" } as never, tx))).rejects.toThrow();
  });

  it("runs a job once", async () => {
    const job = testJob();
    const seen: number[] = [];
    await runner([handle(job, async ({ n }) => void seen.push(n))]);
    const id = (await db.$transaction((tx) => sendJob(job, { n: 7 }, tx)))!;
    await vi.waitFor(async () => expect((await jobRow(job.name, id))?.state).toBe("completed"), { timeout: 15_000 });
    expect(seen).toEqual([7]);
  });

  it("retries a failing job with the back-off, then fails it with its error recorded", async () => {
    const job = testJob({ retryLimit: 1 });
    const attempts: number[] = [];
    await runner([
      handle(job, async () => {
        attempts.push(Date.now());
        throw new Error(`boom ${attempts.length}`);
      }),
    ]);
    const id = (await db.$transaction((tx) => sendJob(job, { n: 1 }, tx)))!;
    await vi.waitFor(async () => expect((await jobRow(job.name, id))?.state).toBe("failed"), {
      timeout: 20_000,
      interval: 200,
    });
    expect(await jobRow(job.name, id)).toMatchObject({ retryCount: 1, output: { message: "boom 2" } });
    expect(attempts).toHaveLength(2);
    // The first retry waits between one and two times the base delay.
    expect(attempts[1]! - attempts[0]!).toBeGreaterThanOrEqual(RETRY_DELAY_SECONDS * 1000 - 100);
  });

  it("never runs a job twice at once, even past its timeout, with two workers polling", async () => {
    // Times out after 1 s, while the run goes on until the test lets it end: pg-boss retries it, and
    // each retry (on either worker) finds the first run's lease and is refused.
    const job = testJob({ timeoutSeconds: 1, retryLimit: 1 });
    let running = 0;
    let mostAtOnce = 0;
    let runs = 0;
    let finish: () => void = () => {};
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const work = handle(job, async () => {
      runs++;
      mostAtOnce = Math.max(mostAtOnce, ++running);
      await finished;
      running--;
    });
    await runner([work]);
    await runner([work]);
    const id = (await db.$transaction((tx) => sendJob(job, { n: 1 }, tx)))!;
    await vi.waitFor(async () => expect((await jobRow(job.name, id))?.state).toBe("failed"), {
      timeout: 25_000,
      interval: 200,
    });
    expect((await jobRow(job.name, id))?.output?.message).toMatch(/still running on another worker/);
    expect({ runs, mostAtOnce }).toEqual({ runs: 1, mostAtOnce: 1 });
    finish();
  });

  it("stops gracefully: a job in hand finishes, one that outlasts the grace period is handed back for a retry", async () => {
    const quick = testJob();
    const slow = testJob();
    let started = 0;
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    const handlers = [
      handle(quick, async () => {
        started++;
        await released;
      }),
      handle(slow, async () => {
        started++;
        await new Promise<void>(() => {}); // never ends by itself
      }),
    ];
    const stopping = await startJobRunner({ worker: "test-stop", handlers, schedules: [] });
    const [quickId, slowId] = await db.$transaction(async (tx) => [
      (await sendJob(quick, { n: 1 }, tx))!,
      (await sendJob(slow, { n: 1 }, tx))!,
    ]);
    await vi.waitFor(() => expect(started).toBe(2), { timeout: 15_000 });
    const stopped = stopping.stop(1500);
    release();
    await stopped;
    expect((await jobRow(quick.name, quickId))?.state).toBe("completed");
    expect(await jobRow(slow.name, slowId)).toMatchObject({
      state: "retry",
      output: { value: "pg-boss shut down while active" },
    });
  });

  it("registers cron schedules, and drops one the worker no longer has", async () => {
    const hourly = testJob();
    const nightly = testJob();
    await (await runner([], [{ definition: hourly, cron: "7 * * * *", payload: { n: 0 } }])).stop(1000);
    await runner([], [{ definition: nightly, cron: "0 3 * * *", payload: { n: 0 } }]);
    const schedules = await db.$queryRawUnsafe<{ name: string; cron: string }[]>(
      `SELECT name, cron FROM ${JOBS_SCHEMA}.schedule WHERE name IN ($1, $2)`,
      hourly.name,
      nightly.name,
    );
    expect(schedules).toEqual([{ name: nightly.name, cron: "0 3 * * *" }]);
  });
});
