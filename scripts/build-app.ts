// `next build`, unless the build is already newer than its sources (the same test as `npm start`'s).
// `npm test` runs it beside the integration tests, so the browser tests' launcher finds the build made.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { buildIsCurrent } from "./lib/build.ts";
import { root } from "./lib/schema-engine.ts";

if (!buildIsCurrent()) {
  const { status } = spawnSync(path.join(root, "node_modules/.bin/next"), ["build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  process.exit(status ?? 1);
}
