// A dropped connection costs a query, never the process: the Prisma client's pool and the raw pool
// survive PostgreSQL ending their connections (idle or checked out) and reconnect on next use.
import { afterAll, describe, expect, it, vi } from "vitest";
import { logger } from "@/lib/logger";
import { db } from "./client";
import { pgPool } from "./pg";
import { terminateOtherConnections } from "@/tests/database";

afterAll(() => vi.restoreAllMocks());

describe("database pools", () => {
  it("log a lost idle connection and answer the next query on a new one", async () => {
    const warn = vi.spyOn(logger, "warn");
    // Several idle connections in each pool.
    await Promise.all(Array.from({ length: 4 }, () => db.$queryRaw`SELECT 1 AS one FROM pg_sleep(0.05)`));
    await Promise.all(Array.from({ length: 4 }, () => pgPool().query("SELECT pg_sleep(0.05)")));
    expect(await terminateOtherConnections()).toBeGreaterThanOrEqual(2);
    await expect
      .poll(() => warn.mock.calls.filter(([message]) => message.startsWith("database connection lost")).length, {
        timeout: 10_000,
      })
      .toBeGreaterThanOrEqual(2);
    expect(await db.$queryRaw<{ one: number }[]>`SELECT 1 AS one`).toEqual([{ one: 1 }]);
    expect((await pgPool().query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
  });

  it("fail only the work in hand when a checked-out connection is ended", async () => {
    const lane = await pgPool().connect();
    try {
      await lane.query("SELECT 1");
      await terminateOtherConnections();
      await expect(lane.query("SELECT 1")).rejects.toThrow();
    } finally {
      lane.release(true);
    }
    const transaction = db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1`;
      await terminateOtherConnections();
      await tx.$queryRaw`SELECT 1`;
    });
    await expect(transaction).rejects.toThrow();
    expect(await db.$queryRaw<{ one: number }[]>`SELECT 1 AS one`).toEqual([{ one: 1 }]);
    expect((await pgPool().query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
  });
});
