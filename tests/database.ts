// Integration-test helpers for database faults.
import pg from "pg";
import { env } from "@/lib/env";

/** Ends every other connection to the database, as a restart, a failover or an administrator would. */
export async function terminateOtherConnections(url = env().DATABASE_URL): Promise<number> {
  const admin = new pg.Client({ connectionString: url });
  admin.on("error", () => {});
  await admin.connect();
  try {
    const { rows } = await admin.query<{ n: number }>(
      `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
    );
    return rows[0]!.n;
  } finally {
    await admin.end();
  }
}
