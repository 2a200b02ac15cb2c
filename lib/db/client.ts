// The Prisma client on the pg driver adapter: one per process, created on first use so that importing
// this module (during `next build`, say) needs no database. Its pool is Parley's own (lib/db/pool.ts), so
// a dropped connection is logged and replaced instead of ending the process.
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/lib/env";
import { PrismaClient } from "./generated/client";
import { createPool } from "./pool";

export function createPrismaClient(connectionString: string, max = 10): PrismaClient {
  const pool = createPool("prisma", { connectionString, max });
  return new PrismaClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    // A burst of transactions (40 people holding one booking slot at once, queued on its lock) waits its turn
    // for one of the pool's connections: Prisma's 2 s default failed the last of them on a busy machine.
    transactionOptions: { maxWait: 15_000 },
  });
}

const globalForPrisma = globalThis as unknown as { parleyPrisma?: PrismaClient };

function client(): PrismaClient {
  return (globalForPrisma.parleyPrisma ??= createPrismaClient(env().DATABASE_URL));
}

export const db = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const value = Reflect.get(client(), property);
    return typeof value === "function" ? value.bind(client()) : value;
  },
});

export async function disconnectDb(): Promise<void> {
  await globalForPrisma.parleyPrisma?.$disconnect();
  globalForPrisma.parleyPrisma = undefined;
}

export { Prisma } from "./generated/client";
export type { Role } from "./generated/client";
