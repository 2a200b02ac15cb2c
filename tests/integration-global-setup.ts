// Starts a throwaway embedded PostgreSQL for the integration tests, with one fresh, migrated database. Both
// integration projects (vitest.config.ts) run in one process, one after the other: they share the database,
// started by the first setup and stopped by the last teardown.
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../scripts/lib/embedded-postgres";
import { applyMigrations } from "../scripts/lib/schema-engine";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    dataDir: string;
  }
}

type TestDatabase = { databaseUrl: string; dataDir: string; stop: () => Promise<void>; users: number };
// On globalThis: each project's setup loads this module afresh.
const shared = globalThis as { parleyTestDatabase?: Promise<TestDatabase> };

async function start(): Promise<TestDatabase> {
  const dataDir = path.join(tmpdir(), `parley-test-${process.pid}-${Date.now()}`);
  const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), ephemeral: true });
  const databaseUrl = server.url("parley_test");
  try {
    await server.createDatabase("parley_test");
    await applyMigrations(databaseUrl);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { databaseUrl, dataDir, stop: () => server.stop(), users: 0 };
}

export default async function setup(project: TestProject) {
  shared.parleyTestDatabase ??= start();
  const database = await shared.parleyTestDatabase;
  database.users++;
  project.provide("databaseUrl", database.databaseUrl);
  project.provide("dataDir", database.dataDir);
  return async () => {
    if (--database.users === 0) await database.stop();
  };
}
