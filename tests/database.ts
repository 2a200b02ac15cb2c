// Integration-test helpers for database faults.
import pg from "pg";
import { env } from "@/lib/env";

/**
 * Ends every other connection to the database, as a restart, a failover or an administrator would, and
 * returns once those backends have exited: pg_terminate_backend only signals them, and on a busy machine a
 * signalled backend can still answer a query or two before it goes.
 */
export async function terminateOtherConnections(url = env().DATABASE_URL): Promise<number> {
  const admin = new pg.Client({ connectionString: url });
  admin.on("error", () => {});
  await admin.connect();
  try {
    // FILTER runs only on the rows WHERE kept, so this connection never signals itself.
    const { rows } = await admin.query<{ pids: number[] }>(
      `SELECT coalesce(array_agg(pid) FILTER (WHERE pg_terminate_backend(pid)), '{}') AS pids FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
    );
    const pids = rows[0]!.pids;
    const deadline = Date.now() + 30_000;
    // Each check is a round trip to the server, which paces the loop.
    while (pids.length > 0) {
      const alive = await admin.query("SELECT 1 FROM pg_stat_activity WHERE pid = ANY($1::int[])", [pids]);
      if (alive.rowCount === 0) break;
      if (Date.now() > deadline) throw new Error(`backends ${pids.join(", ")} did not exit within 30 s`);
    }
    return pids.length;
  } finally {
    await admin.end();
  }
}
