// `npm run db:sql-migration -- <name> [<name>...]`: writes prisma/migrations/<timestamp>_sql_<names>/migration.sql
// holding the current text of prisma/sql/<name>.sql for each name, after that file was edited
// (prisma/sql/README.md). The files are CREATE OR REPLACE statements, so the migration replaces what is there.
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { migrationsDir, root } from "./lib/schema-engine.ts";

const sqlDir = path.join(root, "prisma/sql");

async function main() {
  const names = process.argv.slice(2).map((name) => name.replace(/\.sql$/, ""));
  if (!names.length || names.some((name) => !/^[a-z0-9_]+$/.test(name))) {
    throw new Error("Usage: npm run db:sql-migration -- <name> [<name>...] (files prisma/sql/<name>.sql)");
  }
  const missing = names.filter((name) => !existsSync(path.join(sqlDir, `${name}.sql`)));
  if (missing.length) throw new Error(`No such file: ${missing.map((name) => `prisma/sql/${name}.sql`).join(", ")}`);
  const parts = await Promise.all(
    names.map(async (name) => `-- prisma/sql/${name}.sql\n${await readFile(path.join(sqlDir, `${name}.sql`), "utf8")}`),
  );
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(migrationsDir, `${stamp}_sql_${names.join("_")}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "migration.sql"), parts.join("\n"));
  console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
