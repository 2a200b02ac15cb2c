// Upgrading from the home-made queue: jobs still waiting in the old "Job" table (a campaign scheduled
// for next week, an import queued at the moment of the upgrade) are handed to pg-boss when a worker
// starts, with their start time and dedupe key, and removed from the old table. Hourly cleanups are left
// to the cron schedule. The table goes in a later release, once every installation has drained it.
import "server-only";
import { db, Prisma } from "@/lib/db/client";
import { sendJob } from "@/lib/jobs/engine";
import { logger } from "@/lib/logger";
import { JOB_HANDLERS } from "./jobs";

type LegacyJob = {
  id: bigint;
  type: string;
  payload: unknown;
  workspaceId: string | null;
  runAt: Date;
  dedupeKey: string | null;
};

/** Moves the old table's unfinished jobs to pg-boss; returns how many were moved. */
export async function forwardLegacyJobs(): Promise<number> {
  return db.$transaction(async (tx) => {
    const jobs = await tx.$queryRaw<LegacyJob[]>`
      SELECT id, type, payload, "workspaceId", "runAt", "dedupeKey" FROM "Job"
      WHERE status IN ('QUEUED', 'RUNNING') FOR UPDATE SKIP LOCKED`;
    let moved = 0;
    for (const job of jobs) {
      const handler = JOB_HANDLERS.find((h) => h.definition.name === job.type);
      const payload = handler?.definition.schema.safeParse(job.payload);
      if (handler && payload?.success && job.type !== "maintenance.cleanup") {
        await sendJob(handler.definition, payload.data, tx, {
          workspaceId: job.workspaceId,
          runAt: job.runAt,
          dedupeKey: job.dedupeKey ?? `legacy:${job.id}`,
        });
        moved++;
      } else if (job.type !== "maintenance.cleanup") {
        logger.warn("an old queued job could not be moved to the job engine", {
          jobId: job.id.toString(),
          jobType: job.type,
        });
      }
    }
    if (jobs.length) await tx.$executeRaw`DELETE FROM "Job" WHERE id IN (${Prisma.join(jobs.map((j) => j.id))})`;
    return moved;
  });
}
