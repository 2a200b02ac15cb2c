// Gauges read from the database at scrape time: how much work waits (messages, jobs, inbound and outbound
// webhook deliveries, rollup deltas) and how far behind webhook processing and rollups are. Every process
// sees the same numbers, so only the web serves them. Each query is an index lookup or a scan of a table
// that stays small while the worker keeps up; all run read-only under a statement timeout.
import "server-only";
import { Gauge, Registry } from "prom-client";
import { pgPool } from "@/lib/db/pg";
import { logger } from "@/lib/logger";

function create() {
  const registry = new Registry();
  const gauge = <L extends string>(name: string, help: string, labelNames: readonly L[] = []) =>
    new Gauge<L>({ name, help, labelNames, registers: [registry] });
  return {
    registry,
    up: gauge("parley_metrics_database_up", "1 when the gauges below were read from the database, 0 when it failed."),
    messages: gauge(
      "parley_messages_in_queue",
      "Messages waiting to be sent (QUEUED, due now or later) or on their way (CLAIMED), by origin: campaign, api (transactional) or journey.",
      ["origin", "state"],
    ),
    jobs: gauge(
      "parley_jobs",
      "Jobs not finished, by type and state: created (waiting), retry (waiting after a failure), active (running).",
      ["type", "state"],
    ),
    webhooks: gauge(
      "parley_webhook_deliveries_pending",
      "Inbound WhatsApp webhook deliveries stored but not processed: new (never tried) or retrying (processing failed, tried again later).",
      ["state"],
    ),
    webhookLag: gauge(
      "parley_webhook_lag_seconds",
      'Age of the oldest stored webhook delivery that has not been processed yet (0: none waiting). Deliveries whose processing failed are counted apart (parley_webhook_deliveries_pending{state="retrying"}).',
    ),
    outbound: gauge(
      "parley_outbound_webhook_deliveries_pending",
      "Events waiting to be delivered to customers' webhook endpoints (Settings → Webhooks), retries included.",
    ),
    rollupPending: gauge("parley_rollup_deltas_pending", "Message changes not yet folded into the analytics rollups."),
    rollupLag: gauge(
      "parley_rollup_lag_seconds",
      "Age of the oldest message change not yet folded into the analytics rollups (0: reports are up to date).",
    ),
  };
}

type Gauges = ReturnType<typeof create>;
const holder = globalThis as unknown as { parleyDatabaseGauges?: Gauges };
const gauges = (): Gauges => (holder.parleyDatabaseGauges ??= create());

const MESSAGE_STATES = ["QUEUED", "CLAIMED"] as const;

// Per workspace and per campaign, so each count is a lookup in the dispatcher's own indexes
// (workspaceId, origin, state, …) and (campaignId, state, …), not a scan of every message ever sent.
const MESSAGES_SQL = `
  SELECT m.origin, m.state::text AS state, count(*)::float8 AS n
  FROM "Workspace" w
  CROSS JOIN LATERAL (SELECT origin, state FROM "Message"
    WHERE "workspaceId" = w.id AND origin IN ('api', 'journey') AND state IN ('QUEUED', 'CLAIMED')) m
  GROUP BY 1, 2
  UNION ALL
  SELECT 'campaign', m.state::text, count(*)::float8
  FROM "Campaign" c
  CROSS JOIN LATERAL (SELECT state FROM "Message" WHERE "campaignId" = c.id AND state IN ('QUEUED', 'CLAIMED')) m
  GROUP BY 1, 2`;

const WEBHOOKS_SQL = `
  SELECT count(*) FILTER (WHERE attempts = 0)::float8 AS new,
    count(*) FILTER (WHERE attempts > 0)::float8 AS retrying,
    coalesce(extract(epoch FROM now() - min("receivedAt") FILTER (WHERE attempts = 0)), 0)::float8 AS lag
  FROM "WebhookDelivery" WHERE "processedAt" IS NULL`;

// Deltas are folded in id order, so the first by id is the one the rollups wait for.
const ROLLUPS_SQL = `
  SELECT (SELECT count(*) FROM "RollupDelta")::float8 AS pending,
    coalesce((SELECT extract(epoch FROM now() - "createdAt") FROM "RollupDelta" ORDER BY id LIMIT 1), 0)::float8 AS lag`;

// pg-boss keeps its jobs in its own schema; finished ones stay a while (completed, cancelled, failed).
const JOBS_SQL = `SELECT name AS type, state::text AS state, count(*)::float8 AS n
  FROM pgboss.job WHERE state IN ('created', 'retry', 'active') GROUP BY 1, 2`;

let reading: Promise<string> | null = null;

/**
 * The gauges in Prometheus' text format, read from the database now; on failure `parley_metrics_database_up`
 * is 0 and the rest are left out. Scrapes that arrive together share one read.
 */
export function databaseGaugesText(): Promise<string> {
  reading ??= read()
    .then(() => gauges().registry.metrics())
    .finally(() => (reading = null));
  return reading;
}

async function read(): Promise<void> {
  const g = gauges();
  for (const metric of [g.messages, g.jobs, g.webhooks, g.webhookLag, g.outbound, g.rollupPending, g.rollupLag])
    metric.reset();
  const client = await pgPool()
    .connect()
    .catch(() => null);
  if (!client) {
    g.up.set(0);
    return;
  }
  try {
    await client.query("BEGIN READ ONLY");
    await client.query("SET LOCAL statement_timeout = '5s'");
    const messages = await client.query<{ origin: string; state: string; n: number }>(MESSAGES_SQL);
    for (const origin of ["campaign", "api", "journey"])
      for (const state of MESSAGE_STATES) g.messages.set({ origin, state }, 0);
    for (const row of messages.rows) g.messages.set({ origin: row.origin, state: row.state }, row.n);

    const boss = await client.query<{ present: boolean }>(`SELECT to_regclass('pgboss.job') IS NOT NULL AS present`);
    if (boss.rows[0]?.present) {
      const jobs = await client.query<{ type: string; state: string; n: number }>(JOBS_SQL);
      for (const row of jobs.rows) g.jobs.set({ type: row.type, state: row.state }, row.n);
    }

    const webhooks = (await client.query<{ new: number; retrying: number; lag: number }>(WEBHOOKS_SQL)).rows[0];
    g.webhooks.set({ state: "new" }, webhooks?.new ?? 0);
    g.webhooks.set({ state: "retrying" }, webhooks?.retrying ?? 0);
    g.webhookLag.set(webhooks?.lag ?? 0);

    const outbound = await client.query<{ n: number }>(
      `SELECT count(*)::float8 AS n FROM "OutboundDelivery" WHERE state = 'PENDING'`,
    );
    g.outbound.set(outbound.rows[0]?.n ?? 0);

    const rollups = (await client.query<{ pending: number; lag: number }>(ROLLUPS_SQL)).rows[0];
    g.rollupPending.set(rollups?.pending ?? 0);
    g.rollupLag.set(rollups?.lag ?? 0);

    await client.query("COMMIT");
    g.up.set(1);
  } catch (error) {
    logger.warn("metrics: the database gauges could not be read", { error });
    await client.query("ROLLBACK").catch(() => {});
    for (const metric of [g.messages, g.jobs, g.webhooks, g.webhookLag, g.outbound, g.rollupPending, g.rollupLag])
      metric.reset();
    g.up.set(0);
  } finally {
    client.release();
  }
}
