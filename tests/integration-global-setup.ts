// Starts a throwaway embedded PostgreSQL for the integration tests, with one fresh, migrated database.
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

export default async function setup(project: TestProject) {
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
  project.provide("databaseUrl", databaseUrl);
  project.provide("dataDir", dataDir);
  return async () => {
    await server.stop();
  };
}
