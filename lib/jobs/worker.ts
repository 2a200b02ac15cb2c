// The worker loop: wakes on NOTIFY (or every few seconds), claims jobs, runs them, records the outcome.
// It runs as its own process (`npm run worker`), never inside the web server.
import "server-only";
import { hostname } from "node:os";
import pg from "pg";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { runJob } from "./definitions";
import { claimJobs, completeJob, enqueueJob, failJob, JOBS_CHANNEL } from "./queue";

const POLL_MS = 2000;
const BATCH = 10;

/** Hourly maintenance, enqueued once per hour however many workers run. */
async function scheduleMaintenance(): Promise<void> {
  const hour = new Date().toISOString().slice(0, 13);
  await enqueueJob("maintenance.cleanup", {}, { dedupeKey: `maintenance.cleanup:${hour}` });
}

export async function runWorker(signal: AbortSignal): Promise<void> {
  const workerId = env().PARLEY_WORKER_ID ?? `${hostname()}:${process.pid}`;
  const listener = new pg.Client({ connectionString: env().DATABASE_URL });
  let wake: () => void = () => {};
  await listener.connect();
  listener.on("notification", () => wake());
  await listener.query(`LISTEN ${JOBS_CHANNEL}`);
  logger.info("worker ready", { workerId });

  let scheduledAt = 0;
  try {
    while (!signal.aborted) {
      if (Date.now() - scheduledAt > 60_000) {
        await scheduleMaintenance();
        scheduledAt = Date.now();
      }
      const jobs = await claimJobs(workerId, BATCH);
      for (const job of jobs) {
        try {
          await runJob(job.type, job.payload);
          await completeJob(job.id);
        } catch (error) {
          logger.warn("job failed", { jobId: job.id.toString(), type: job.type, attempt: job.attempts, error });
          await failJob(job, error);
        }
      }
      if (jobs.length === BATCH) continue;
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          signal.removeEventListener("abort", done);
          wake = () => {};
          resolve();
        };
        const timer = setTimeout(done, POLL_MS);
        wake = done;
        signal.addEventListener("abort", done, { once: true });
      });
    }
  } finally {
    await listener.end();
    logger.info("worker stopped", { workerId });
  }
}
