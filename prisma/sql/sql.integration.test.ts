// The files in prisma/sql hold the current definition of every SQL function and trigger; the migrations made
// the database's. A migration that changes a function without its file, or a file changed without a migration,
// or a function with no file at all, fails here (prisma/sql/README.md says how to change one).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const files = readdirSync(import.meta.dirname)
  .filter((file) => file.endsWith(".sql"))
  .sort();
const text = (file: string) => readFileSync(path.join(import.meta.dirname, file), "utf8");

/** What PostgreSQL itself prints for each function and trigger of the application (not an extension's). */
async function definitions(sql: pg.Client): Promise<Record<string, string>> {
  const { rows } = await sql.query<{ name: string; definition: string }>(`
    SELECT 'function ' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS name,
           pg_get_functiondef(p.oid) AS definition
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = 'public'
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
    UNION ALL
    SELECT 'trigger ' || t.tgname || ' on ' || c.relname, pg_get_triggerdef(t.oid)
    FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND NOT t.tgisinternal`);
  return Object.fromEntries(rows.map((row) => [row.name, row.definition]));
}

let sql: pg.Client;

beforeAll(async () => {
  sql = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await sql.connect();
});
afterAll(async () => {
  await sql.end();
});

/** Runs `change` in a transaction that is always rolled back: the shared test database is left as it was. */
async function rolledBack<T>(change: () => Promise<T>): Promise<T> {
  await sql.query("BEGIN");
  try {
    return await change();
  } finally {
    await sql.query("ROLLBACK");
  }
}

describe("prisma/sql: the current definitions of the SQL functions and triggers", () => {
  it.each(files)("%s is what the migrations left in the database", async (file) => {
    const before = await definitions(sql);
    const after = await rolledBack(async () => {
      await sql.query(text(file));
      return definitions(sql);
    });
    expect(after).toEqual(before);
  });

  it("the files alone make every function and trigger the migrations made, and nothing else", async () => {
    const migrated = await definitions(sql);
    const fromFiles = await rolledBack(async () => {
      const { rows } = await sql.query<{ signature: string }>(`
        SELECT p.oid::regprocedure::text AS signature FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public'
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')`);
      // CASCADE takes their triggers with them.
      for (const { signature } of rows) await sql.query(`DROP FUNCTION ${signature} CASCADE`);
      // The files run in name order: a function used by another need not exist when that one is created.
      await sql.query("SET LOCAL check_function_bodies = off");
      for (const file of files) await sql.query(text(file));
      return definitions(sql);
    });
    expect(Object.keys(migrated).length).toBeGreaterThan(0);
    expect(fromFiles).toEqual(migrated);
  });
});
