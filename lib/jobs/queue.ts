// A Postgres-backed job queue. Workers claim with FOR UPDATE SKIP LOCKED, so any number of them can
// share one database; a job whose worker died is claimed again once its lock expires.
import "server-only";
import { db, Prisma } from "@/lib/db/client";

export const JOBS_CHANNEL = "parley_jobs";
const LOCK_SECONDS = 300;

export type ClaimedJob = {
  id: bigint;
  type: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
  workspaceId: string | null;
};

export async function enqueueJob(
  type: string,
  payload: Prisma.InputJsonValue,
  options: { workspaceId?: string; runAt?: Date; maxAttempts?: number; dedupeKey?: string } = {},
  /** A transaction, so that the job exists only if the work that asked for it is committed. */
  client: Pick<typeof db, "$executeRaw"> = db,
): Promise<void> {
  // With a dedupe key the same job is only ever created once.
  await client.$executeRaw`
    INSERT INTO "Job" ("workspaceId", type, payload, "runAt", "maxAttempts", "dedupeKey")
    VALUES (${options.workspaceId ?? null}, ${type}, ${JSON.stringify(payload)}::jsonb,
            ${options.runAt ?? new Date()}, ${options.maxAttempts ?? 5}, ${options.dedupeKey ?? null})
    ON CONFLICT ("dedupeKey") DO NOTHING`;
  await client.$executeRaw`SELECT pg_notify(${JOBS_CHANNEL}, ${type})`;
}

export async function claimJobs(workerId: string, limit: number): Promise<ClaimedJob[]> {
  return db.$queryRaw<ClaimedJob[]>`
    UPDATE "Job" SET status = 'RUNNING', "lockedBy" = ${workerId},
           "lockedUntil" = now() + make_interval(secs => ${LOCK_SECONDS}), attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM "Job"
      WHERE (status = 'QUEUED' AND "runAt" <= now()) OR (status = 'RUNNING' AND "lockedUntil" < now())
      ORDER BY "runAt" LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, type, payload, attempts, "maxAttempts", "workspaceId"`;
}

export async function completeJob(id: bigint): Promise<void> {
  await db.job.update({
    where: { id },
    data: { status: "DONE", finishedAt: new Date(), lockedBy: null, lockedUntil: null },
  });
}

/** Exponential back-off: 2^attempts seconds, capped at an hour; after maxAttempts the job stays FAILED, visible. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(2 ** attempts, 3600);
}

export async function failJob(job: ClaimedJob, error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  const final = job.attempts >= job.maxAttempts;
  await db.job.update({
    where: { id: job.id },
    data: {
      status: final ? "FAILED" : "QUEUED",
      lastError: message.slice(0, 2000),
      runAt: new Date(Date.now() + retryDelaySeconds(job.attempts) * 1000),
      finishedAt: final ? new Date() : null,
      lockedBy: null,
      lockedUntil: null,
    },
  });
}
