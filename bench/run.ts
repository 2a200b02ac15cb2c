// `npm run bench -- <name>`: run one benchmark (or all) and print its results table.
import { benchAnalytics } from "./analytics.ts";
import { benchApi } from "./api.ts";
import { benchApiWebhooks } from "./api-webhooks.ts";
import { benchCrash, benchDispatch } from "./dispatch.ts";
import { benchImport } from "./import.ts";
import { benchSegments } from "./segments.ts";
import { benchWebhooks } from "./webhooks.ts";

const BENCHMARKS: Record<string, () => Promise<void>> = {
  webhooks: benchWebhooks,
  import: benchImport,
  segments: benchSegments,
  dispatch: benchDispatch,
  crash: benchCrash,
  analytics: benchAnalytics,
  api: benchApi,
  "api-webhooks": benchApiWebhooks,
};

const names = process.argv.slice(2);
const chosen = names.length ? names : Object.keys(BENCHMARKS);
for (const name of chosen) {
  const bench = BENCHMARKS[name];
  if (!bench) {
    console.error(`Unknown benchmark "${name}". Available: ${Object.keys(BENCHMARKS).join(", ")}`);
    process.exit(1);
  }
  await bench();
}
process.exit(0);
