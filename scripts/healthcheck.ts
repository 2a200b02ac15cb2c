// `node dist/healthcheck.mjs web|worker`: the container health checks (Dockerfile, compose.yaml), in Node
// because the runtime image has no curl. Exit 0 healthy, 1 not.
//   web     GET /api/health on this container's PORT answers 200 (the process serves and reaches PostgreSQL)
//   worker  the heartbeat file dist/worker.mjs writes (scripts/lib/heartbeat.ts) is recent
import { stat } from "node:fs/promises";
import { HEARTBEAT_EVERY_MS } from "./lib/heartbeat.ts";
import { webListenAddress } from "./lib/listen.ts";

/** Three missed beats: one slow database answer is not an outage. */
const STALE_AFTER_MS = HEARTBEAT_EVERY_MS * 3;

async function web(): Promise<string | null> {
  const { port, probeHost } = webListenAddress(process.env);
  const response = await fetch(`http://${probeHost}:${port}/api/health`, { signal: AbortSignal.timeout(5000) });
  return response.ok ? null : `/api/health answered ${response.status}: ${await response.text()}`;
}

async function worker(): Promise<string | null> {
  const file = process.env.PARLEY_HEARTBEAT_FILE;
  if (!file) return "PARLEY_HEARTBEAT_FILE is not set, so the worker writes no heartbeat to check";
  const age = Date.now() - (await stat(file)).mtimeMs;
  return age <= STALE_AFTER_MS ? null : `the worker's last heartbeat is ${Math.round(age / 1000)} s old`;
}

const checks: Record<string, () => Promise<string | null>> = { web, worker };
const check = checks[process.argv[2] ?? ""];
if (!check) {
  console.error("Usage: node dist/healthcheck.mjs web|worker");
  process.exit(2);
}
try {
  const problem = await check();
  if (problem) console.error(problem);
  process.exit(problem ? 1 : 0);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
