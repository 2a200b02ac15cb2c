// The worker side of the job engine: pg-boss fetches each type's jobs (SKIP LOCKED, so any number of
// workers share the database), runs them with the type's timeout and concurrency, retries failures with
// the one back-off (lib/jobs/engine.ts) and records the last error on the job. Cron schedules are pg-boss
// schedules: sent once per minute slot however many workers run. Platform code: the handlers come from
// the worker's wiring (lib/worker), so this imports no domain.
import "server-only";
import { randomUUID } from "node:crypto";
import PgBoss from "pg-boss";
import type { z } from "zod";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { withLogContext } from "@/lib/observability/context";
import { traced } from "@/lib/observability/spans";
import { ARCHIVE_AFTER_SECONDS, JOBS_SCHEMA, sendOptions, type JobData, type JobDefinition } from "./engine";
import { holdLease, leaseSeconds, releaseLease, renewEveryMs } from "./leases";

/** How often an idle worker asks for each type's next job. */
const POLL_SECONDS = 1;

type JobContext = { jobId: string; workspaceId: string | null };

export type JobHandler = {
  definition: JobDefinition;
  run: (payload: unknown, job: JobContext) => Promise<void>;
};

/** Binds a job type to the function that runs it (the payload arrives parsed by the type's schema). */
export function handle<S extends z.ZodType>(
  definition: JobDefinition<S>,
  run: (payload: z.output<S>, job: JobContext) => Promise<void>,
): JobHandler {
  return { definition, run: (payload, job) => run(payload as z.output<S>, job) };
}

export type CronSchedule = { definition: JobDefinition; cron: string; payload: unknown };

/** A run that found its job still running elsewhere: failed so that pg-boss tries it again later. */
class JobStillRunningError extends Error {
  constructor(jobId: string) {
    super(`Job ${jobId} is still running on another worker; it will be tried again after it ends.`);
    this.name = "JobStillRunningError";
  }
}

/**
 * Runs one job under a lease renewed every few seconds while it runs ("job:<id>", one holder per run).
 * pg-boss fails a run that outlives its timeout and retries it, but cannot stop the run in hand (a long
 * import, say); the lease makes the retry wait until that run has ended, so a job never runs twice at
 * once. A worker that dies stops renewing, and its lease lapses within PARLEY_LEASE_SECONDS.
 */
export async function runJob(handler: JobHandler, job: { id: string; data: JobData }, worker: string): Promise<void> {
  const key = `job:${job.id}`;
  const holder = `${worker}#${randomUUID()}`;
  if (!(await holdLease(key, holder, leaseSeconds()))) throw new JobStillRunningError(job.id);
  const renew = setInterval(() => {
    holdLease(key, holder, leaseSeconds()).then(
      (held) => held || logger.error("a running job lost its lease", { jobId: job.id }),
      (error: unknown) => logger.warn("a running job could not renew its lease", { jobId: job.id, error }),
    );
  }, renewEveryMs());
  try {
    const { workspaceId, payload } = job.data;
    const name = handler.definition.name;
    await withLogContext({ jobId: job.id, jobType: name, ...(workspaceId ? { workspaceId } : {}) }, () =>
      traced(
        `job ${name}`,
        () => handler.run(handler.definition.schema.parse(payload), { jobId: job.id, workspaceId }),
        {
          "job.id": job.id,
          "job.type": name,
        },
      ),
    );
  } finally {
    clearInterval(renew);
    await releaseLease(key, holder).catch(() => {});
  }
}

export type JobRunner = {
  /** Stops fetching, lets jobs in hand finish for up to `timeoutMs`, then fails what is left (retried later). */
  stop: (timeoutMs?: number) => Promise<void>;
};

/** Starts pg-boss in this process: creates the queues, registers the cron schedules, works the handlers. */
export async function startJobRunner(options: {
  worker: string;
  handlers: JobHandler[];
  schedules: CronSchedule[];
}): Promise<JobRunner> {
  const boss = new PgBoss({
    connectionString: env().DATABASE_URL,
    schema: JOBS_SCHEMA,
    application_name: "parley-jobs-worker",
    max: Math.max(
      4,
      options.handlers.reduce((sum, h) => sum + h.definition.concurrency, 2),
    ),
    archiveCompletedAfterSeconds: ARCHIVE_AFTER_SECONDS,
  });
  boss.on("error", (error: Error) => logger.error("job engine error", { error }));
  await boss.start();
  try {
    for (const { definition } of [...options.handlers, ...options.schedules]) {
      await boss.createQueue(definition.name, { name: definition.name, policy: "standard" });
    }
    await registerSchedules(boss, options.schedules);
    for (const handler of options.handlers) {
      for (let slot = 0; slot < handler.definition.concurrency; slot++) {
        await boss.work<JobData>(
          handler.definition.name,
          { batchSize: 1, pollingIntervalSeconds: POLL_SECONDS, includeMetadata: true },
          async ([job]) => {
            if (!job) return;
            try {
              await runJob(handler, job, options.worker);
            } catch (error) {
              logger.warn("job failed", {
                jobId: job.id,
                jobType: job.name,
                attempt: job.retryCount + 1,
                retriesLeft: job.retryLimit - job.retryCount,
                error,
              });
              throw error;
            }
          },
        );
      }
    }
  } catch (error) {
    await boss.stop({ graceful: false });
    throw error;
  }
  return { stop: (timeoutMs = 20_000) => boss.stop({ graceful: true, timeout: timeoutMs }) };
}

async function registerSchedules(boss: PgBoss, schedules: CronSchedule[]): Promise<void> {
  for (const { definition, cron, payload } of schedules) {
    const data: JobData = { workspaceId: null, payload: definition.schema.parse(payload) };
    await boss.schedule(definition.name, cron, data, { ...sendOptions(definition), tz: "UTC" });
  }
  // A schedule this version no longer has stops with it.
  const wanted = new Set(schedules.map((s) => s.definition.name));
  for (const { name } of await boss.getSchedules()) if (!wanted.has(name)) await boss.unschedule(name);
}
