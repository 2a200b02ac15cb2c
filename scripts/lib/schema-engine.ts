// Prisma's schema engine as WebAssembly: applies prisma/migrations and writes new ones without the
// native engine binary the Prisma CLI would download (see ../shared/ENVIRONMENT.md). The migrations it
// applies are recorded in _prisma_migrations exactly as `prisma migrate deploy` records them.
import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { root } from "./paths.ts";

export { root };
export const schemaPath = path.join(root, "prisma/schema.prisma");
export const migrationsDir = path.join(root, "prisma/migrations");
/** The schema as of the newest migration: `db:diff` compares against it. */
export const snapshotPath = path.join(migrationsDir, "schema.snapshot.prisma");

type Engine = {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diff(input: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
};

/**
 * The pg adapter runs a migration script by splitting it at every ";", which cuts function bodies apart.
 * This one sends the script whole, as `prisma migrate deploy` does (the simple query protocol runs them all).
 */
class WholeScriptPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const raw = adapter as unknown as {
      client: { query(sql: string): Promise<unknown> };
      onError(error: unknown): never;
    };
    adapter.executeScript = async (script: string) => {
      try {
        await raw.client.query(script);
      } catch (error) {
        raw.onError(error);
      }
    };
    return adapter;
  }
}

// The glue module keeps the instance in module state, so it is instantiated once per process.
let glue: Promise<{ SchemaEngine: { new: (...args: unknown[]) => Promise<Engine> } }> | undefined;

function loadGlue() {
  return (glue ??= (async () => {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
    // Node 20 cannot import a .wasm module, so compile it by hand and wire it to its JS glue.
    const bg = await import(pathToFileURL(path.join(dir, "schema_engine_bg.js")).href);
    const bytes = await readFile(path.join(dir, "schema_engine_bg.wasm"));
    const instance = await WebAssembly.instantiate(new WebAssembly.Module(bytes), { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    return bg;
  })());
}

async function loadEngine(connectionString: string, datamodel: string): Promise<Engine> {
  const bg = await loadGlue();
  const adapter = bindMigrationAwareSqlAdapterFactory(new WholeScriptPg({ connectionString }));
  const log = (message: string) => {
    if (process.env.PARLEY_DEBUG_MIGRATIONS) console.error(message);
  };
  return bg.SchemaEngine.new({ datamodels: [["schema.prisma", datamodel]] }, log, adapter);
}

async function migrationList() {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  const dirs = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: await readFile(lockPath, "utf8").catch(() => null) },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      dirs.map(async (name) => ({
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: { tag: "ok", value: await readFile(path.join(migrationsDir, name, "migration.sql"), "utf8") },
        },
      })),
    ),
  };
}

const noFilters = { externalTables: [], externalEnums: [] };

/** Applies every pending migration to the database; returns the names applied. */
export async function applyMigrations(connectionString: string): Promise<string[]> {
  const engine = await loadEngine(connectionString, await readFile(schemaPath, "utf8"));
  try {
    const out = await engine.applyMigrations({ migrationsList: await migrationList(), filters: noFilters });
    return out.appliedMigrationNames;
  } finally {
    engine.free();
  }
}

/**
 * The SQL that takes the last migrated schema to the current schema.prisma ("" when nothing changed).
 * The engine wants a live connection even to compare two datamodels, so the caller passes a scratch database.
 */
export async function diffSchema(scratchUrl: string): Promise<string> {
  const current = await readFile(schemaPath, "utf8");
  const previous = await readFile(snapshotPath, "utf8").catch(() => null);
  const engine = await loadEngine(scratchUrl, current);
  try {
    const from =
      previous === null
        ? { tag: "empty" }
        : { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: previous }] };
    const out = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: current }] },
      script: true,
      exitCode: true,
      filters: noFilters,
    });
    return out.exitCode === 2 ? (out.stdout ?? "") : "";
  } finally {
    engine.free();
  }
}
