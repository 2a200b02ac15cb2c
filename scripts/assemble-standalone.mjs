// The runtime folder the container image copies: Next.js's standalone output (.next/standalone, a minimal
// node_modules traced from the pages and routes) completed with what Parley's own processes need.
// `next build` traces only Next's server; dist/web.mjs (the custom server and its fast paths), dist/worker.mjs
// and dist/migrate.mjs import packages that Turbopack bundled into its chunks (csv-parse, pg-copy-streams,
// standardwebhooks…), so they are traced here with the same tracer (@vercel/nft, shipped inside next) and
// copied in, with the static assets and the migrations.
// Run after `npm run build`; the result runs with `node dist/web.mjs` etc. from inside the folder.
import { existsSync } from "node:fs";
import { cp, copyFile, lstat, mkdir, readFile, readdir, readlink, symlink } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const out = path.join(root, ".next/standalone");
const require = createRequire(import.meta.url);
const { nodeFileTrace } = require("next/dist/compiled/@vercel/nft");

try {
  await lstat(path.join(out, "server.js"));
} catch {
  throw new Error(
    '.next/standalone/server.js is missing: run `npm run build` (next.config.mjs sets output: "standalone").',
  );
}

const dist = path.join(root, "dist");
const entries = (await readdir(dist)).filter((f) => f.endsWith(".mjs")).map((f) => path.join(dist, f));
const { fileList } = await nodeFileTrace(entries, { base: root, processCwd: root });
// Loaded by a computed path (scripts/lib/schema-engine.ts), which a tracer cannot follow.
const wasmDir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
for (const file of await readdir(wasmDir)) fileList.add(path.relative(root, path.join(wasmDir, file)));

/** Copies one traced file, keeping a symlink a symlink (npm links package binaries). */
async function copyTraced(relative) {
  const from = path.join(root, relative);
  const to = path.join(out, relative);
  await mkdir(path.dirname(to), { recursive: true });
  const stat = await lstat(from);
  if (stat.isSymbolicLink()) {
    await symlink(await readlink(from), to).catch((error) => {
      if (error.code !== "EEXIST") throw error;
    });
  } else if (stat.isFile()) {
    await copyFile(from, to);
  }
}

let copied = 0;
for (const relative of fileList) {
  // Packages only: the bundles hold Parley's own code (the tracer also guesses at folders named in path strings).
  if (!relative.startsWith("node_modules/")) continue;
  await copyTraced(relative);
  copied++;
}
// The bundles, what Next.js leaves to the deployer (its docs: copy public/ and .next/static) and the migrations.
// No next.config.mjs: dist/web.mjs runs with the configuration the build recorded (scripts/web.ts).
for (const dir of ["dist", "public", ".next/static", "prisma/migrations"].filter((d) => existsSync(path.join(root, d))))
  await cp(path.join(root, dir), path.join(out, dir), { recursive: true });
await copyFile(path.join(root, "prisma/schema.prisma"), path.join(out, "prisma/schema.prisma"));
const pkg = JSON.parse(await readFile(path.join(root, "package.json"), "utf8"));
console.log(`Assembled .next/standalone for ${pkg.name} ${pkg.version}: ${copied} traced files for dist/*.mjs added.`);
