// `node dist/migrate.mjs` (production) or `npm run db:migrate`: applies every pending migration in
// prisma/migrations to DATABASE_URL with Prisma's schema engine as WebAssembly (scripts/lib/schema-engine.ts),
// recording them in _prisma_migrations as `prisma migrate deploy` would; either may run against the same
// database. Safe to run on every deploy: applied migrations are skipped, and PostgreSQL's advisory lock taken
// by the engine keeps two concurrent runs from applying the same one twice.
import { applyMigrations } from "./lib/schema-engine.ts";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set: it names the PostgreSQL database to migrate (postgresql://…).");
  process.exit(1);
}
try {
  const applied = await applyMigrations(url);
  console.log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "No pending migrations.");
} catch (error) {
  console.error(`Migrations failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
