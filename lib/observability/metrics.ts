// Prometheus counters for what a process does itself: messages sent (by outcome) and Cloud API calls and
// errors (by code), plus Node's own process metrics. Each process counts its own; Prometheus adds them up
// across processes (docs/observability.md). What the database knows (queue depth, lags) is read at scrape
// time instead (database-gauges.ts). Platform code: imports no domain.
import { collectDefaultMetrics, Counter, Registry } from "prom-client";

function create() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    messageOutcomes: new Counter({
      name: "parley_message_outcomes_total",
      help: "Messages the dispatcher finished a send attempt for, by outcome: sent (Meta accepted it), failed, skipped, in_doubt (no answer; settled by webhooks later), release (back to the queue, e.g. rate limits).",
      labelNames: ["outcome"] as const,
      registers: [registry],
    }),
    cloudApiRequests: new Counter({
      name: "parley_cloud_api_requests_total",
      help: "Requests made to the WhatsApp Cloud API, by operation (method and path shape).",
      labelNames: ["operation"] as const,
      registers: [registry],
    }),
    cloudApiErrors: new Counter({
      name: "parley_cloud_api_errors_total",
      help: "Cloud API requests that failed, by Meta's error code (2: no answer or a network error) and what Parley does about it.",
      labelNames: ["code", "action"] as const,
      registers: [registry],
    }),
  };
}

type Metrics = ReturnType<typeof create>;

// One set per process even when a bundler loads this module twice (Next.js keeps separate module copies for
// some server bundles, and development reloads modules): a second registration would throw.
const holder = globalThis as unknown as { parleyMetrics?: Metrics };

export function processMetrics(): Metrics {
  return (holder.parleyMetrics ??= create());
}

/** Counts a batch of recorded send outcomes (one increment per kind, not per message: this is the hot path). */
export function countMessageOutcomes(outcomes: readonly { kind: string }[]): void {
  const tally = new Map<string, number>();
  for (const { kind } of outcomes) tally.set(kind, (tally.get(kind) ?? 0) + 1);
  const counter = processMetrics().messageOutcomes;
  for (const [outcome, n] of tally) counter.inc({ outcome }, n);
}

/** Counts one Cloud API request and, when it failed, its error code and the action it is classified as. */
export function countCloudApiCall(operation: string, error?: { code: number; action: string }): void {
  const metrics = processMetrics();
  metrics.cloudApiRequests.inc({ operation });
  if (error) metrics.cloudApiErrors.inc({ code: String(error.code), action: error.action });
}
