// `npm run build` (after `next build`): compiles the production entry points to plain JavaScript in dist/,
// so a server or image runs them with `node` alone: no tsx, no TypeScript, no dev dependencies.
//   dist/migrate.mjs      applies prisma/migrations to DATABASE_URL (scripts/migrate.ts)
//   dist/web.mjs          the web process: Next.js behind scripts/web.ts's server and its fast paths
//   dist/worker.mjs       the worker (scripts/worker.ts), with the heartbeat for container health checks
//                         (scripts/worker-production.ts)
//   dist/healthcheck.mjs  `web` or `worker`: the checks the Dockerfile and compose.yaml run
// Packages stay external (node_modules is resolved at run time, as Next.js's own server does); Parley's code
// under `@/` is bundled, and "server-only" becomes its empty module: these processes are server code by
// nature (the same thing scripts/lib/allow-server-only.mjs does for tsx).
import { mkdir, readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const outdir = path.join(root, "dist");

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20.19",
  packages: "external",
  alias: { "server-only": "./node_modules/server-only/empty.js" },
  outExtension: { ".js": ".mjs" },
  sourcemap: "linked",
  logLevel: "warning",
  // A bundled CommonJS helper may call require(): give the ES module one.
  banner: {
    js: 'import { createRequire as __parleyRequire } from "node:module"; const require = __parleyRequire(import.meta.url);',
  },
};

// Built beside dist/, then moved in file by file (a rename is atomic): another run of this script, or a
// process starting from dist/ meanwhile (the test suite does both at once), never finds a file missing or
// half written.
const staging = path.join(root, `.dist-${process.pid}`);
await rm(staging, { recursive: true, force: true });
await build({
  ...common,
  entryPoints: {
    migrate: "scripts/migrate.ts",
    web: "scripts/web.ts",
    worker: "scripts/worker-production.ts",
    healthcheck: "scripts/healthcheck.ts",
  },
  outdir: staging,
});
await mkdir(outdir, { recursive: true });
for (const file of await readdir(staging)) await rename(path.join(staging, file), path.join(outdir, file));
await rm(staging, { recursive: true, force: true });
console.log(`Built ${path.relative(process.cwd(), outdir) || "dist"}/{migrate,web,worker,healthcheck}.mjs`);
