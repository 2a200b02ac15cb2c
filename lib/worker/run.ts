// The worker process's wiring: the job engine (pg-boss, lib/jobs, with the handlers of lib/worker/jobs.ts)
// and specialised claim loops over Postgres-backed queues, woken by NOTIFY (or every few seconds):
// stored webhook deliveries (lib/webhooks/process.ts), campaign messages (lib/dispatch), outbound webhooks
// to the business's endpoints (lib/outbound-webhooks), the analytics rollups (lib/analytics/rollups.ts,
// every half second) and journeys (lib/journeys/engine.ts: events, and due runs). Those stay hand-written because they are the hot path measured in bench/: they
// claim hundreds of rows per statement, where a job engine would move one job per message.
// It runs as its own process (`npm run worker`), never inside the web server; run as many as needed.
import "server-only";
import { hostname } from "node:os";
import pg from "pg";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { WEBHOOKS_CHANNEL } from "@/lib/webhooks/ingest";
import { processPendingWebhooks } from "@/lib/webhooks/process";
import { DISPATCH_CHANNEL, JOURNEYS_CHANNEL } from "@/lib/db/notify";
import { enterOnDates } from "@/lib/journeys/date-trigger";
import { enterOnSegments } from "@/lib/journeys/segment-trigger";
import { advanceDueRuns, consumeEvents, wakeSignalledRuns } from "@/lib/journeys/engine";
import { createDispatcher } from "@/lib/dispatch/dispatcher";
import { foldRollups } from "@/lib/analytics/rollups";
import { deliverPendingWebhooks } from "@/lib/outbound-webhooks/deliver";
import { OUTBOUND_WEBHOOKS_CHANNEL } from "@/lib/outbound-webhooks/emit";
import { stopSender } from "@/lib/jobs/engine";
import { startJobRunner } from "@/lib/jobs/runner";
import { CRON_SCHEDULES, JOB_HANDLERS } from "./jobs";
import { forwardLegacyJobs } from "./legacy-jobs";

const IDLE_POLL_MS = 2000;
const RECONNECT_MAX_MS = 30_000;
const WEBHOOK_BATCH = 500;
const ROLLUP_POLL_MS = 500;
const OUTBOUND_BATCH = 500;
const JOURNEY_BATCH = 200;
/** Due-run claims in flight at once per worker. */
const JOURNEY_LANES = 4;
/** Branches waiting on a message's signal are looked at this often (a join over every such run). */
const SIGNAL_WAKE_MS = 1000;
/**
 * How often date and segment triggers look for dates that came and people new in a segment (lib/journeys/
 * date-trigger.ts, segment-trigger.ts): a reminder or a segment entry is at most this late.
 */
const TRIGGER_SCAN_MS = 30_000;
/** Due timers are found within this long when nothing wakes the loop. */
const JOURNEY_POLL_MS = 500;

/** A loop that runs `step` while it reports more work, then sleeps until woken or the poll interval. */
function createLoop(name: string, signal: AbortSignal, step: () => Promise<boolean>, idleMs = IDLE_POLL_MS) {
  let wake: () => void = () => {};
  // A wake that comes while a step runs is kept, not lost: the work it announces may have been committed after
  // the step looked, and would otherwise wait for the poll interval.
  let woken = false;
  const run = async () => {
    while (!signal.aborted) {
      let more = false;
      woken = false;
      try {
        more = await step();
      } catch (error) {
        logger.error(`${name} loop error`, { error });
      }
      if (more || woken) continue;
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          signal.removeEventListener("abort", done);
          wake = () => {};
          resolve();
        };
        const timer = setTimeout(done, idleMs);
        wake = done;
        signal.addEventListener("abort", done, { once: true });
      });
    }
  };
  return {
    run,
    wake: () => {
      woken = true;
      wake();
    },
  };
}

export async function runWorker(signal: AbortSignal): Promise<void> {
  const workerId = env().PARLEY_WORKER_ID ?? `${hostname()}:${process.pid}`;
  // Jobs (imports, campaign starts, replies, maintenance): pg-boss, with its own polling and cron.
  const jobs = await startJobRunner({ worker: workerId, handlers: JOB_HANDLERS, schedules: CRON_SCHEDULES });
  await forwardLegacyJobs().then(
    (moved) => moved && logger.info("old queued jobs moved to the job engine", { moved }),
    (error: unknown) => logger.error("old queued jobs could not be moved to the job engine", { error }),
  );

  // Specialised loop, not a pg-boss job: batches of 500 stored webhooks per claim (bench/webhooks.ts).
  const webhooks = createLoop("webhooks", signal, async () => {
    const { processed, failed } = await processPendingWebhooks(WEBHOOK_BATCH);
    return processed + failed === WEBHOOK_BATCH;
  });

  // Specialised loop, not a pg-boss job: paced per sender number under a renewed lease (bench/dispatch.ts).
  const dispatcher = createDispatcher(workerId);
  const dispatch = createLoop("dispatch", signal, dispatcher.round);
  // Specialised loop, not a pg-boss job: folds every new event each half second (rollup lag measured in bench/).
  const rollups = createLoop("rollups", signal, async () => (await foldRollups()) > 0, ROLLUP_POLL_MS);
  // Specialised loop, not a pg-boss job: claims 500 deliveries per statement (bench/api-webhooks.ts).
  // A retry comes due without a notification: the poll interval finds it.
  const outbound = createLoop(
    "outbound webhooks",
    signal,
    async () => (await deliverPendingWebhooks(workerId, OUTBOUND_BATCH)).more,
  );
  // Specialised loops, not a pg-boss job per timer: a run's due time is its timer (bench/journeys.ts). New
  // events are claimed 200 per statement; due runs by several claims in flight at once (SKIP LOCKED keeps
  // them apart), so a turn's round trips to the database overlap instead of adding up.
  let signalsAt = 0;
  const journeyRuns = createLoop(
    "journey runs",
    signal,
    async () => {
      if (Date.now() - signalsAt > SIGNAL_WAKE_MS) {
        signalsAt = Date.now();
        await wakeSignalledRuns();
      }
      const lane = JOURNEY_BATCH / JOURNEY_LANES;
      const runs = await Promise.all(Array.from({ length: JOURNEY_LANES }, () => advanceDueRuns(lane)));
      return runs.some((n) => n === lane);
    },
    JOURNEY_POLL_MS,
  );
  let scannedAt = 0;
  const journeyEvents = createLoop(
    "journey events",
    signal,
    async () => {
      if (Date.now() - scannedAt > TRIGGER_SCAN_MS) {
        scannedAt = Date.now();
        // The $date and $segment events these record are taken just below.
        await enterOnDates();
        await enterOnSegments();
      }
      const taken = await consumeEvents(JOURNEY_BATCH);
      if (taken) journeyRuns.wake(); // those who entered are due now
      return taken === JOURNEY_BATCH;
    },
    JOURNEY_POLL_MS,
  );
  const loops = [webhooks, dispatch, rollups, outbound, journeyEvents, journeyRuns];
  const wakeFor: Record<string, { wake: () => void }> = {
    [WEBHOOKS_CHANNEL]: webhooks,
    [DISPATCH_CHANNEL]: dispatch,
    [OUTBOUND_WEBHOOKS_CHANNEL]: outbound,
    [JOURNEYS_CHANNEL]: journeyEvents,
  };
  const listener = keepListening(signal, Object.keys(wakeFor), (channel) =>
    channel ? wakeFor[channel]?.wake() : loops.forEach((l) => l.wake()),
  );
  logger.info("worker ready", { workerId });
  try {
    await Promise.all(loops.map((l) => l.run()));
  } finally {
    // In-flight jobs get the time left before the process is killed; what is unfinished then is retried.
    await jobs.stop().catch((error: unknown) => logger.error("the job engine did not stop cleanly", { error }));
    await stopSender().catch(() => {});
    await dispatcher.close().catch((error: unknown) => logger.error("dispatcher did not close cleanly", { error }));
    await listener.close();
    logger.info("worker stopped", { workerId });
  }
}

/**
 * A LISTEN connection that comes back: when the database drops it (a restart, a terminated backend), it
 * reconnects with back-off, and `onNotify(null)` wakes every loop for what was missed meanwhile. The loops
 * poll anyway, so a notification lost in between only delays work.
 */
function keepListening(signal: AbortSignal, channels: string[], onNotify: (channel: string | null) => void) {
  let client: pg.Client | null = null;
  let attempt = 0;
  const connect = async (): Promise<void> => {
    while (!signal.aborted) {
      const next = new pg.Client({ connectionString: env().DATABASE_URL });
      next.on("error", (error) => {
        logger.warn("the worker's LISTEN connection was lost; reconnecting", { error });
        next.end().catch(() => {});
        if (client === next) {
          client = null;
          void connect();
        }
      });
      next.on("notification", (n) => onNotify(n.channel));
      try {
        await next.connect();
        for (const channel of channels) await next.query(`LISTEN ${channel}`);
        client = next;
        if (attempt > 0) onNotify(null);
        attempt = 0;
        return;
      } catch (error) {
        await next.end().catch(() => {});
        const wait = Math.min(RECONNECT_MAX_MS, 500 * 2 ** attempt++);
        logger.warn("the worker cannot LISTEN yet; trying again", { error, retryInMs: wait });
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  };
  void connect();
  return {
    close: async () => {
      const last = client;
      client = null;
      await last?.end().catch(() => {});
    },
  };
}
