// `npm run bench -- <name> [<name>...]`: run one benchmark, several, or all (no name), printing each one's table.
//
// One benchmark runs in this process. Several run one after another, each in a child process of its own: lib/
// code keeps per-process state made on first use (the parsed environment with its DATABASE_URL, the Prisma
// client, pools, the job engine's sender), so a second benchmark in the same process reached the first one's
// stopped database. A fresh process per benchmark also starts each from the same empty heap.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { benchAnalytics } from "./analytics.ts";
import { benchApi } from "./api.ts";
import { benchApiWebhooks } from "./api-webhooks.ts";
import { benchCrash, benchDispatch, benchLoop } from "./dispatch.ts";
import { benchFlowEndpoint } from "./flow-endpoint.ts";
import { benchImport } from "./import.ts";
import { benchJourneys } from "./journeys.ts";
import { benchSegments } from "./segments.ts";
import { benchWebhooks } from "./webhooks.ts";

const BENCHMARKS: Record<string, () => Promise<void>> = {
  webhooks: benchWebhooks,
  import: benchImport,
  segments: benchSegments,
  dispatch: benchDispatch,
  crash: benchCrash,
  loop: benchLoop,
  analytics: benchAnalytics,
  api: benchApi,
  "api-webhooks": benchApiWebhooks,
  journeys: benchJourneys,
  "flow-endpoint": benchFlowEndpoint,
};

const names = process.argv.slice(2);
const chosen = names.length ? names : Object.keys(BENCHMARKS);
const unknown = chosen.filter((name) => !BENCHMARKS[name]);
if (unknown.length) {
  console.error(`Unknown benchmark "${unknown.join('", "')}". Available: ${Object.keys(BENCHMARKS).join(", ")}`);
  process.exit(1);
}

if (chosen.length === 1) {
  await BENCHMARKS[chosen[0]!]!();
  process.exit(0);
}

const failed: string[] = [];
for (const name of chosen) {
  console.log(`\n▶ bench ${name}`);
  // The same Node flags (the TypeScript loader, the server-only hook) and this file, for one benchmark.
  const { status, signal } = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), name], {
    stdio: "inherit",
  });
  if (status !== 0) {
    console.error(`✗ bench ${name} failed (${signal ?? `exit code ${status}`})`);
    failed.push(name);
  }
}
if (failed.length) {
  console.error(`\n${failed.length} of ${chosen.length} benchmarks failed: ${failed.join(", ")}`);
  process.exit(1);
}
process.exit(0);
