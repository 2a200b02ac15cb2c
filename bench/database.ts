// A durable embedded PostgreSQL for one benchmark: migrated, named in the environment for lib/ code,
// and removed afterwards with its data folder. One per process.
import { rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../scripts/lib/embedded-postgres.ts";
import { applyMigrations, root } from "../scripts/lib/schema-engine.ts";

let opened: string | undefined;

export async function withBenchDatabase(name: string, run: (sql: pg.Client, dataDir: string) => Promise<void>) {
  // lib/ reads DATABASE_URL once per process (lib/env.ts) and keeps its clients: a second database here would
  // be left unused while lib/ code reached the first, stopped one. bench/run.ts gives each benchmark a process.
  if (opened) throw new Error(`bench ${name}: this process already ran bench ${opened}; one database per process`);
  opened = name;
  const dataDir = path.join(root, `.data/bench-${name}`);
  rmSync(dataDir, { recursive: true, force: true });
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg") });
  await postgres.createDatabase("parley");
  const url = postgres.url("parley");
  await applyMigrations(url);
  Object.assign(process.env, { DATABASE_URL: url, PARLEY_DATA_DIR: dataDir, PARLEY_EMBEDDED: "1" });
  const sql = new pg.Client({ connectionString: url });
  await sql.connect();
  try {
    await run(sql, dataDir);
  } finally {
    const { disconnectDb } = await import("@/lib/db/client");
    const { closePgPool } = await import("@/lib/db/pg");
    await disconnectDb();
    await closePgPool();
    await sql.end();
    await postgres.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
