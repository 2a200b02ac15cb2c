// The job engine: pg-boss (its own `pgboss` schema in Parley's database) behind a small typed API.
// A domain declares its job types (`defineJob`: a name, a zod payload schema, retries, a timeout, how
// many run at once per worker) and sends them (`sendJob`) inside the transaction that asks for the work,
// so a job exists only if that work commits. The worker's wiring (lib/worker) binds each type to the
// domain function that runs it (lib/jobs/runner.ts). Platform code: imports no domain.
import "server-only";
import { createHash } from "node:crypto";
import PgBoss from "pg-boss";
import type { z } from "zod";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

export const JOBS_SCHEMA = "pgboss";

/** Finished jobs stay in the job table (and so keep their dedupe key) this long, then move to pg-boss's archive. */
export const ARCHIVE_AFTER_SECONDS = 7 * 86_400;

/**
 * The one retry back-off for every job type: pg-boss's exponential back-off with jitter from this base
 * (the n-th retry waits between 2^n and 2^(n+1) seconds).
 */
export const RETRY_DELAY_SECONDS = 2;

export type JobOptions = {
  /** Retries after the first run fails (0: a failure is final). */
  retryLimit: number;
  /** How long one run may take; past it the run is failed (and retried if retries are left). */
  timeoutSeconds: number;
  /** Runs of this type at once in one worker process. */
  concurrency: number;
};

export type JobDefinition<S extends z.ZodType = z.ZodType> = JobOptions & { name: string; schema: S };

const DEFAULTS: JobOptions = { retryLimit: 4, timeoutSeconds: 15 * 60, concurrency: 1 };

export function defineJob<S extends z.ZodType>(
  name: string,
  schema: S,
  options: Partial<JobOptions> = {},
): JobDefinition<S> {
  return { name, schema, ...DEFAULTS, ...options };
}

/** What a job carries in pg-boss: its payload, and the workspace it works for (for logs and tests). */
export type JobData = { workspaceId: string | null; payload: unknown };

/** The per-job options pg-boss stores, so a job keeps the rules it was sent with. */
export function sendOptions(definition: JobDefinition): PgBoss.SendOptions {
  return {
    retryLimit: definition.retryLimit,
    retryDelay: RETRY_DELAY_SECONDS,
    retryBackoff: true,
    expireInSeconds: definition.timeoutSeconds,
  };
}

/** pg-boss ids are UUIDs: a dedupe key becomes a stable one, so the same key only ever makes one job. */
export function jobIdFor(name: string, dedupeKey: string): string {
  const hex = createHash("sha256").update(`${name}\0${dedupeKey}`).digest("hex");
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A Prisma transaction, or any client that runs SQL the same way (the journeys engine's node-postgres one). */
type Executor = { $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T> };

/** pg-boss's SQL, run on the caller's Prisma transaction instead of pg-boss's own connection. */
function onTransaction(tx: Executor): PgBoss.Db {
  return {
    executeSql: async (text, values) => ({
      rows: await tx.$queryRawUnsafe<unknown[]>(
        text,
        // pg-boss leaves unset options undefined (node-postgres sends them as NULL) and passes the job's data
        // as an object for a jsonb parameter.
        ...values.map((value: unknown) =>
          value === undefined
            ? null
            : value !== null && typeof value === "object" && !(value instanceof Date) && !Array.isArray(value)
              ? JSON.stringify(value)
              : value,
        ),
      ),
    }),
  };
}

// ---------------------------------------------------------------- sending

/**
 * A pg-boss that only sends: it creates or upgrades the `pgboss` schema and the queues, and never polls
 * (supervision and cron run in the worker). One per process, started on first use.
 */
let sender: Promise<PgBoss> | null = null;
const queues = new Map<string, Promise<void>>();

function senderBoss(): Promise<PgBoss> {
  sender ??= (async () => {
    const boss = new PgBoss({
      connectionString: env().DATABASE_URL,
      schema: JOBS_SCHEMA,
      max: 2,
      application_name: "parley-jobs-sender",
      supervise: false,
      schedule: false,
    });
    boss.on("error", (error: Error) => logger.error("job engine error (sender)", { error }));
    return boss.start();
  })().catch((error: unknown) => {
    sender = null;
    throw error;
  });
  return sender;
}

/** Creates the definition's queue once per process (a job sent to a missing queue would be dropped). */
async function ensureQueue(boss: PgBoss, definition: JobDefinition): Promise<void> {
  let created = queues.get(definition.name);
  if (!created) {
    created = boss.createQueue(definition.name, { name: definition.name, policy: "standard" }).catch((error) => {
      queues.delete(definition.name);
      throw error;
    });
    queues.set(definition.name, created);
  }
  await created;
}

type SendOptions = {
  workspaceId?: string | null;
  /** Not before this moment (default: now). */
  runAt?: Date;
  /** The same key never makes a second job of this type while the first is kept (a week: ARCHIVE_AFTER_SECONDS). */
  dedupeKey?: string;
};

/**
 * Sends a job in the caller's transaction: it becomes visible to workers only when that transaction
 * commits, and vanishes with it on a rollback. The payload is checked against the type's schema here,
 * so a malformed job fails its sender, not a worker later. Returns the job's id (null when the dedupe key
 * already made one).
 */
export async function sendJob<S extends z.ZodType>(
  definition: JobDefinition<S>,
  payload: z.input<S>,
  tx: Executor,
  options: SendOptions = {},
): Promise<string | null> {
  const data: JobData = { workspaceId: options.workspaceId ?? null, payload: definition.schema.parse(payload) };
  const boss = await senderBoss();
  await ensureQueue(boss, definition);
  return boss.send(definition.name, data, {
    ...sendOptions(definition),
    ...(options.dedupeKey ? { id: jobIdFor(definition.name, options.dedupeKey) } : {}),
    ...(options.runAt ? { startAfter: options.runAt } : {}),
    db: onTransaction(tx),
  });
}

/** Cancels a job that has not finished (sent with `dedupeKey`), in the caller's transaction. */
export async function cancelJob(definition: JobDefinition, dedupeKey: string, tx: Executor): Promise<void> {
  const boss = await senderBoss();
  await ensureQueue(boss, definition);
  await boss.cancel(definition.name, jobIdFor(definition.name, dedupeKey), { db: onTransaction(tx) });
}

/** Closes this process's sender (tests, and processes that end). */
export async function stopSender(): Promise<void> {
  const current = sender;
  sender = null;
  queues.clear();
  await (await current?.catch(() => null))?.stop({ graceful: false });
}
