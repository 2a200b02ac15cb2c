// `npm run db:migrate`: apply pending migrations to DATABASE_URL.
// `npm run db:diff -- <name>`: write prisma/migrations/<timestamp>_<name>/migration.sql from schema changes.
// `npm run db:seed`: seed the demo workspace (idempotent).
import { mkdtempSync } from "node:fs";
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "./lib/embedded-postgres.ts";
import { applyMigrations, diffSchema, migrationsDir, schemaPath, snapshotPath } from "./lib/schema-engine.ts";

const [command, name] = process.argv.slice(2);

async function main() {
  if (command === "migrate") {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set. `npm start` runs migrations itself on the embedded database.");
    const applied = await applyMigrations(url);
    console.log(applied.length ? `Applied: ${applied.join(", ")}` : "No pending migrations.");
  } else if (command === "diff") {
    if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error("Usage: npm run db:diff -- <snake_case_name>");
    const scratch = await startEmbeddedPostgres({
      dataDir: path.join(mkdtempSync(path.join(tmpdir(), "parley-diff-")), "pg"),
      ephemeral: true,
    });
    const sql = await diffSchema(scratch.url("postgres")).finally(() => scratch.stop());
    if (!sql.trim()) return console.log("schema.prisma matches the migrations: nothing to write.");
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "migration.sql"), sql);
    await writeFile(path.join(migrationsDir, "migration_lock.toml"), 'provider = "postgresql"\n');
    await copyFile(schemaPath, snapshotPath);
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  } else {
    throw new Error("Usage: tsx scripts/db.ts migrate | diff <name>");
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
