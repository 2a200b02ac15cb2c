// Per-key rate limits, shared by every web process through PostgreSQL (rate-limiter-flexible's
// RateLimiterPostgres on the ApiRateLimit table). The limit is PARLEY_API_RATE_PER_SECOND calls a second.
//
// Every call of a key updates that key's one row, so each call waits for the previous one's commit. With
// the default synchronous commit that is a disk flush per call, one after another: the public API's
// ceiling (bench/api.ts). A counter lost in a crash costs nothing (a second's allowance), so this pool's
// connections commit without waiting for the disk, and the row is held for microseconds.
import "server-only";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { createPool } from "@/lib/db/pool";
import { env } from "@/lib/env";

let limiter: RateLimiterPostgres | null = null;

function getLimiter(): RateLimiterPostgres {
  return (limiter ??= new RateLimiterPostgres({
    storeClient: createPool("rate limits", {
      connectionString: env().DATABASE_URL,
      max: 4,
      options: "-c synchronous_commit=off",
    }),
    tableName: "ApiRateLimit",
    tableCreated: true, // by the migration
    keyPrefix: "key",
    points: env().PARLEY_API_RATE_PER_SECOND,
    duration: 1,
  }));
}

export type RateState = { allowed: boolean; limit: number; remaining: number; resetSeconds: number };

export async function consumeRate(keyId: string): Promise<RateState> {
  const limit = env().PARLEY_API_RATE_PER_SECOND;
  try {
    const res = await getLimiter().consume(keyId, 1);
    return { allowed: true, limit, remaining: res.remainingPoints, resetSeconds: Math.ceil(res.msBeforeNext / 1000) };
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error; // the database, not the limit
    return { allowed: false, limit, remaining: 0, resetSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
  }
}

/** The IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers) and, when refused, Retry-After. */
export function rateHeaders(state: RateState): Record<string, string> {
  return {
    "RateLimit-Limit": String(state.limit),
    "RateLimit-Remaining": String(state.remaining),
    "RateLimit-Reset": String(state.resetSeconds),
    ...(state.allowed ? {} : { "Retry-After": String(state.resetSeconds) }),
  };
}
