// The compiled worker's liveness signal for container health checks: dist/worker.mjs only, started by
// worker-heartbeat.ts, which scripts/worker-production.ts imports before scripts/worker.ts. Every few seconds it
// asks the database for `SELECT 1` through the worker's own pool and, when that answers, writes the time to
// PARLEY_HEARTBEAT_FILE. A stale file therefore means the process is gone, its event loop is stuck, or it cannot
// reach PostgreSQL: each is worth an alert, and `node dist/healthcheck.mjs worker` reads it. Without
// PARLEY_HEARTBEAT_FILE nothing runs.
import { writeFile } from "node:fs/promises";

export const HEARTBEAT_EVERY_MS = 10_000;

export function startHeartbeat(
  checkDatabase: () => Promise<boolean>,
  file: string | undefined = process.env.PARLEY_HEARTBEAT_FILE,
): void {
  if (!file) return;
  let stopped = false;
  const beat = async () => {
    if (!stopped && (await checkDatabase())) await writeFile(file, new Date().toISOString()).catch(() => {});
  };
  void beat();
  const timer = setInterval(() => void beat(), HEARTBEAT_EVERY_MS);
  timer.unref();
  // The worker closes its pool on the way out; a beat after that would open a new one and hold the process.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      stopped = true;
      clearInterval(timer);
    });
  }
}
