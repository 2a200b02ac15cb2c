// `npm run analytics:rebuild`: recount every analytics rollup from the raw Message rows (after a restore,
// a manual fix in the database, or a change to what the rollups count). Safe while Parley runs: writers
// wait for it. Uses DATABASE_URL; without one, the embedded database in the data folder (stop `npm start`
// first: one PostgreSQL at a time owns that folder).
import path from "node:path";
import { startEmbeddedPostgres } from "./lib/embedded-postgres.ts";

async function main() {
  let stop = async () => {};
  if (!process.env.DATABASE_URL) {
    const dataDir = path.resolve(process.env.PARLEY_DATA_DIR ?? ".data");
    const postgres = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg") }).catch((error: unknown) => {
      throw new Error(
        `Could not open the embedded database in ${dataDir}/pg (is \`npm start\` running? stop it, or set DATABASE_URL): ${error instanceof Error ? error.message : error}`,
      );
    });
    process.env.DATABASE_URL = postgres.url("parley");
    process.env.PARLEY_DATA_DIR = dataDir;
    stop = () => postgres.stop();
  }
  // lib/ is imported only now, so that it reads the environment set above.
  const { rebuildRollups } = await import("@/lib/analytics/rollups");
  const { disconnectDb } = await import("@/lib/db/client");
  const started = performance.now();
  try {
    const { messages, rows } = await rebuildRollups();
    console.log(
      `Rebuilt the rollups from ${messages.toLocaleString("en-US")} messages (${rows.toLocaleString("en-US")} minute rows) in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
    );
  } finally {
    await disconnectDb();
    await stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
