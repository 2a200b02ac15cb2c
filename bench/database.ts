// A durable embedded PostgreSQL for one benchmark: migrated, named in the environment for lib/ code,
// and removed afterwards with its data folder. One per process.
//
// BENCH_STATEMENTS=1: the server also counts every statement (pg_stat_statements), and a benchmark that calls
// printTopStatements prints where PostgreSQL spent its time: the statements that took the most, per call and
// per unit of the benchmark's work.
import { rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../scripts/lib/embedded-postgres.ts";
import { applyMigrations, root } from "../scripts/lib/schema-engine.ts";
import { printTable } from "./table.ts";

const STATEMENTS = Boolean(process.env.BENCH_STATEMENTS);

let opened: string | undefined;

export async function withBenchDatabase(name: string, run: (sql: pg.Client, dataDir: string) => Promise<void>) {
  // lib/ reads DATABASE_URL once per process (lib/env.ts) and keeps its clients: a second database here would
  // be left unused while lib/ code reached the first, stopped one. bench/run.ts gives each benchmark a process.
  if (opened) throw new Error(`bench ${name}: this process already ran bench ${opened}; one database per process`);
  opened = name;
  const dataDir = path.join(root, `.data/bench-${name}`);
  rmSync(dataDir, { recursive: true, force: true });
  const postgres = await startEmbeddedPostgres({
    dataDir: path.join(dataDir, "pg"),
    settings: STATEMENTS
      ? [
          "shared_preload_libraries=pg_stat_statements",
          "pg_stat_statements.track=all",
          "pg_stat_statements.track_planning=on",
        ]
      : [],
  });
  await postgres.createDatabase("parley");
  const url = postgres.url("parley");
  await applyMigrations(url);
  Object.assign(process.env, { DATABASE_URL: url, PARLEY_DATA_DIR: dataDir, PARLEY_EMBEDDED: "1" });
  const sql = new pg.Client({ connectionString: url });
  await sql.connect();
  if (STATEMENTS) await sql.query("CREATE EXTENSION pg_stat_statements");
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

/** With BENCH_STATEMENTS: forgets the statements counted so far (what the warm-up and the setup ran). */
export async function resetStatements(sql: pg.Client) {
  if (STATEMENTS) await sql.query("SELECT pg_stat_statements_reset()");
}

/**
 * With BENCH_STATEMENTS: the statements PostgreSQL spent most time on since the last reset (planning and
 * executing), per call and per `unit`, and the total; the server's CPU beyond that total goes to parsing,
 * commits and the WAL, connections and vacuum.
 */
export async function printTopStatements(sql: pg.Client, title: string, unit: { name: string; count: number }) {
  if (!STATEMENTS) return;
  type Statement = { calls: string; plan: number; exec: number; rows: string; query: string };
  const { rows } = await sql.query<Statement>(
    `SELECT calls, total_plan_time AS plan, total_exec_time AS exec, rows, regexp_replace(query, '\\s+', ' ', 'g') AS query
     FROM pg_stat_statements ORDER BY total_plan_time + total_exec_time DESC`,
  );
  const per = (ms: number) => (ms / unit.count).toFixed(3);
  const sum = (pick: (r: Statement) => number) => rows.reduce((total, r) => total + pick(r), 0);
  await printTable(
    `${title}: PostgreSQL's time in statements per ${unit.name}, ${per(sum((r) => r.plan))} ms planning and ${per(sum((r) => r.exec))} ms executing in all`,
    rows.slice(0, 15).map((r) => ({
      calls: Number(r.calls),
      [`calls per ${unit.name}`]: (Number(r.calls) / unit.count).toFixed(2),
      "ms per call": ((r.plan + r.exec) / Number(r.calls)).toFixed(2),
      [`planning ms per ${unit.name}`]: per(r.plan),
      [`executing ms per ${unit.name}`]: per(r.exec),
      [`rows per ${unit.name}`]: (Number(r.rows) / unit.count).toFixed(2),
      statement: r.query.slice(0, 80),
    })),
  );
}
