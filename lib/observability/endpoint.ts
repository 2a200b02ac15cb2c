// The metrics endpoint's answer, shared by the web (GET /api/metrics) and the worker's own port: only for a
// caller presenting PARLEY_METRICS_TOKEN as a bearer token, compared in constant time.
import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { observabilityEnv } from "@/lib/env";
import { databaseGaugesText } from "./database-gauges";
import { processMetrics } from "./metrics";

export type MetricsAnswer = { status: number; headers: Record<string, string>; body: string };

const digest = (value: string) => createHash("sha256").update(value).digest();

function refusal(status: number, message: string, headers: Record<string, string> = {}): MetricsAnswer {
  return {
    status,
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ error: { code: status === 404 ? "NOT_FOUND" : "UNAUTHENTICATED", message } }),
  };
}

/**
 * Answers a scrape. `database`: whether to add the gauges read from the database (the web does; a worker
 * serves only what it counts itself, the same gauges from every process would be counted N times).
 */
export async function answerScrape(authorization: string | null, database: boolean): Promise<MetricsAnswer> {
  const token = observabilityEnv().PARLEY_METRICS_TOKEN;
  if (!token) return refusal(404, "Metrics are off: set PARLEY_METRICS_TOKEN to serve them (docs/observability.md).");
  const presented = authorization?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  // Hashes have one length whatever was sent, so the comparison takes the same time for any wrong token.
  if (!presented || !timingSafeEqual(digest(presented), digest(token)))
    return refusal(401, "Send the metrics token as `Authorization: Bearer <PARLEY_METRICS_TOKEN>`.", {
      "www-authenticate": 'Bearer realm="parley-metrics"',
    });
  const registry = processMetrics().registry;
  const own = await registry.metrics();
  const body = database ? `${own}\n${await databaseGaugesText()}` : own;
  return { status: 200, headers: { "content-type": registry.contentType, "cache-control": "no-store" }, body };
}
