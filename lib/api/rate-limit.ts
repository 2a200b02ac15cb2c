// Per-key rate limits, shared by every web process through PostgreSQL (rate-limiter-flexible's
// RateLimiterPostgres on the ApiRateLimit table). The limit is PARLEY_API_RATE_PER_SECOND calls a second.
import "server-only";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { pgPool } from "@/lib/db/pg";
import { env } from "@/lib/env";

let limiter: RateLimiterPostgres | null = null;

function getLimiter(): RateLimiterPostgres {
  return (limiter ??= new RateLimiterPostgres({
    storeClient: pgPool(),
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
