// node-postgres pools that outlive a lost connection. PostgreSQL ends connections for many reasons (a
// restart, a failover, pg_terminate_backend, a proxy's idle timeout); node-postgres reports it as an
// 'error' event, and an 'error' event nobody listens to ends the whole process. Every pool Parley opens
// comes from here, so a blip costs the queries in flight, never the process: the pool drops the dead
// client and the next query connects a new one.
import pg from "pg";
import { logger } from "@/lib/logger";

export function createPool(name: string, config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool({
    // A server that does not answer at all (not even a refusal) fails the query instead of hanging it.
    connectionTimeoutMillis: 10_000,
    keepAlive: true,
    ...config,
  });
  // An idle client's connection dropped: the pool has already discarded it.
  pool.on("error", (error: Error & { code?: string }) => {
    logger.warn("database connection lost while idle; the pool reconnects on next use", {
      pool: name,
      code: error.code,
      reason: error.message,
    });
  });
  // A client in use (a transaction, an import lane) gets the same event on itself while it is checked out;
  // its holder learns of it from the query that fails, so here it only must not be left unheard.
  pool.on("connect", (client) => {
    client.on("error", () => {});
  });
  return pool;
}
