// The production commands, exactly as the container image and compose.yaml run them (see docs/operations.md):
// `node scripts/build-dist.mjs` (part of `npm run build`), then `node dist/migrate.mjs` and `node dist/worker.mjs`
// against a fresh PostgreSQL database, with NODE_ENV=production and only the variables an operator sets.
// The web process needs a `next build`, which CI makes only in its browser phase: e2e/production.spec.ts
// runs `node dist/web.mjs` there.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { root } from "./lib/paths";
import { productionEnv, startProcess, type Started } from "./lib/production-process";

const run = promisify(execFile);
let databaseUrl: string;
const started: Started[] = [];

beforeAll(async () => {
  await run(process.execPath, ["scripts/build-dist.mjs"], { cwd: root });
  // A database of its own, empty: what an operator's fresh PostgreSQL looks like.
  const name = `parley_production_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: inject("databaseUrl") });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(inject("databaseUrl"));
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
}, 60_000);

afterAll(async () => {
  await Promise.all(started.map((p) => p.stop()));
});

function node(args: string[], env: NodeJS.ProcessEnv) {
  return run(process.execPath, args, { cwd: root, env }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

describe("the compiled production entry points", () => {
  it("import only packages listed in dependencies (nothing from devDependencies, no TypeScript)", () => {
    const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    };
    const dist = path.join(root, "dist");
    const files = readdirSync(dist).filter((f) => f.endsWith(".mjs"));
    expect(files.sort()).toEqual(["healthcheck.mjs", "migrate.mjs", "web.mjs", "worker.mjs"]);
    const packages = new Set<string>();
    for (const file of files) {
      const code = readFileSync(path.join(dist, file), "utf8");
      // esbuild writes each import statement at the start of a line; dynamic imports anywhere.
      const imports = /^import\s[^;]*?from\s*"([^"]+)";|^import\s*"([^"]+)";|\bimport\("([^"]+)"\)/gm;
      for (const match of code.matchAll(imports)) {
        const spec = (match[1] ?? match[2] ?? match[3])!;
        if (spec.startsWith("node:") || spec.startsWith(".")) continue;
        const parts = spec.split("/");
        packages.add(spec.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!);
      }
      expect(code).not.toMatch(/from\s*"tsx|\.ts"/);
    }
    // The schema engine's WebAssembly is loaded by path, not imported: it must be a dependency too.
    packages.add("@prisma/schema-engine-wasm");
    expect([...packages].filter((name) => !(name in pkg.dependencies))).toEqual([]);
  });

  it("migrate a fresh database, then find nothing left to apply", async () => {
    const env = productionEnv({ DATABASE_URL: databaseUrl });
    const first = await node(["dist/migrate.mjs"], env);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    const migrations = readdirSync(path.join(root, "prisma/migrations"), { withFileTypes: true }).filter((e) =>
      e.isDirectory(),
    );
    expect(first.stdout).toContain(`Applied migrations: ${migrations[0]!.name}`);

    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    await client.end();
    expect(rows[0]!.n).toBe(migrations.length);

    const second = await node(["dist/migrate.mjs"], env);
    expect(second).toMatchObject({ code: 0, stdout: "No pending migrations.\n" });
    // Each run compiles the 5 MB schema engine: about 5 s on an idle machine, 14 s seen on a busy one.
  }, 120_000);

  it("migrate says what is missing when DATABASE_URL is not set", async () => {
    const result = await node(["dist/migrate.mjs"], productionEnv({}));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("DATABASE_URL is not set");
  });

  it("run the worker: ready, healthy by its heartbeat, stopped cleanly by SIGTERM", async () => {
    const heartbeat = path.join(mkdtempSync(path.join(tmpdir(), "parley-heartbeat-")), "worker.alive");
    const env = productionEnv({ DATABASE_URL: databaseUrl, PARLEY_HEARTBEAT_FILE: heartbeat });
    const unhealthy = await node(["dist/healthcheck.mjs", "worker"], env);
    expect(unhealthy.code).toBe(1);

    const worker = startProcess(["dist/worker.mjs"], env);
    started.push(worker);
    await worker.waitForOutput(/worker ready/, 30_000);
    await worker.until(async () => (await node(["dist/healthcheck.mjs", "worker"], env)).code === 0, 15_000);

    expect(await worker.stop()).toEqual({ code: 0, signal: null });
    expect(worker.output()).not.toMatch(/"level":\s*"?(error|50)/);
  }, 90_000);

  it("the worker refuses to start in production without its secrets", async () => {
    const env = productionEnv({ DATABASE_URL: databaseUrl });
    delete env.AUTH_SECRET;
    const worker = startProcess(["dist/worker.mjs"], env);
    started.push(worker);
    await worker.waitForOutput(/Missing required environment variable\(s\) in production: AUTH_SECRET/, 30_000);
  }, 60_000);
});
