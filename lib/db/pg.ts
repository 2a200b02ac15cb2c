// A plain node-postgres pool for the few hot paths that need what Prisma does not give cheaply:
// multi-row inserts of raw bytes (webhook ingestion) and LISTEN/NOTIFY.
import "server-only";
import type pg from "pg";
import { env } from "@/lib/env";
import { createPool } from "./pool";

const globalForPg = globalThis as unknown as { parleyPgPool?: pg.Pool };

export function pgPool(): pg.Pool {
  return (globalForPg.parleyPgPool ??= createPool("pg", { connectionString: env().DATABASE_URL, max: 10 }));
}

export async function closePgPool(): Promise<void> {
  await globalForPg.parleyPgPool?.end();
  globalForPg.parleyPgPool = undefined;
}
