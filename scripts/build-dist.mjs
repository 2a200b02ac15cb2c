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
import { rm } from "node:fs/promises";
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

await rm(outdir, { recursive: true, force: true });
await build({
  ...common,
  entryPoints: {
    migrate: "scripts/migrate.ts",
    web: "scripts/web.ts",
    worker: "scripts/worker-production.ts",
    healthcheck: "scripts/healthcheck.ts",
  },
  outdir,
});
console.log(`Built ${path.relative(process.cwd(), outdir) || "dist"}/{migrate,web,worker,healthcheck}.mjs`);
