// `npm run worker`: one worker process. Stops cleanly on SIGINT/SIGTERM after the job in hand.
// A worker that cannot reach the database (at start, or when its loops give up) logs it and starts again
// after a back-off (1 s, 2 s, 4 s … 30 s) instead of exiting: a database restart is a pause, not an outage.
import { disconnectDb } from "@/lib/db/client";
import { runWorker } from "@/lib/worker/run";
import { logger } from "@/lib/logger";
import { startTelemetry, stopTelemetry } from "@/lib/observability/tracing";
import { serveWorkerMetrics } from "@/lib/observability/worker-metrics";
import { DEFAULT_BACKOFF, restartDelayMs } from "./lib/supervise.ts";
import { exitWithLauncher } from "./lib/follow-parent.ts";

exitWithLauncher();
// Traces when OTEL_EXPORTER_OTLP_ENDPOINT is set, and this process's counters on PARLEY_WORKER_METRICS_PORT
// when it is set (docs/observability.md): the web process cannot serve a worker's counters.
startTelemetry("worker");
const metricsServer = await serveWorkerMetrics();

const controller = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => controller.abort());

const pause = (ms: number) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      controller.signal.removeEventListener("abort", done);
      resolve();
    }
    controller.signal.addEventListener("abort", done, { once: true });
  });

let attempt = 0;
while (!controller.signal.aborted) {
  const started = Date.now();
  try {
    await runWorker(controller.signal);
  } catch (error) {
    if (controller.signal.aborted) break;
    if (Date.now() - started >= DEFAULT_BACKOFF.healthyAfterMs) attempt = 0;
    const waitMs = restartDelayMs(attempt++);
    logger.error("worker stopped on an error; starting again", { error, retryInMs: waitMs });
    await pause(waitMs);
  }
}
metricsServer?.close();
await stopTelemetry();
await disconnectDb();
