// GET /api/metrics as Prometheus sees it: refused without the token, and the queue and lag gauges moving
// with what is in the database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { foldAll } from "@/lib/analytics/rollups";
import { db } from "@/lib/db/client";
import { createWorkspace } from "@/tests/factories";
import { GET } from "./route";

const TOKEN = "metrics-token-for-tests-0123456789";

const scrape = (authorization?: string) =>
  GET(new Request("http://localhost/api/metrics", authorization ? { headers: { authorization } } : {}));

/** The value of one sample in Prometheus' text format, or undefined when it is not there. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split("\n")) {
    const match = line.match(/^([a-z_]+)(?:\{(.*)\})? (\S+)$/);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? "").matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return undefined;
}

async function gauges() {
  const response = await scrape(`Bearer ${TOKEN}`);
  expect(response.status).toBe(200);
  return response.text();
}

describe("GET /api/metrics", () => {
  const saved = process.env.PARLEY_METRICS_TOKEN;
  afterAll(() => {
    if (saved === undefined) delete process.env.PARLEY_METRICS_TOKEN;
    else process.env.PARLEY_METRICS_TOKEN = saved;
  });

  it("says metrics are off while PARLEY_METRICS_TOKEN is unset", async () => {
    delete process.env.PARLEY_METRICS_TOKEN;
    const response = await scrape(`Bearer ${TOKEN}`);
    expect(response.status).toBe(404);
    expect((await response.json()).error.message).toMatch(/set PARLEY_METRICS_TOKEN/);
  });

  describe("with a token", () => {
    let ws: string;
    beforeAll(async () => {
      process.env.PARLEY_METRICS_TOKEN = TOKEN;
      ws = (await createWorkspace(["ADMIN"])).workspace.id;
    });

    it("refuses a scrape without the token or with another one", async () => {
      for (const authorization of [undefined, "Bearer wrong-token-of-the-same-size-012", `Basic ${TOKEN}`, TOKEN]) {
        const response = await scrape(authorization);
        expect(response.status).toBe(401);
        expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
        expect(await response.text()).not.toContain("parley_");
      }
    });

    it("serves the process's counters and the database gauges to the token's holder", async () => {
      const response = await scrape(`Bearer ${TOKEN}`);
      expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
      const text = await response.text();
      expect(sample(text, "parley_metrics_database_up")).toBe(1);
      expect(sample(text, "process_cpu_user_seconds_total")).toBeGreaterThan(0);
      expect(text).toContain("# TYPE parley_message_outcomes_total counter");
      expect(text).toContain("# TYPE parley_cloud_api_errors_total counter");
    });

    it("counts a queued transactional message in the queue depth", async () => {
      const labels = { origin: "api", state: "QUEUED" };
      const before = sample(await gauges(), "parley_messages_in_queue", labels);
      expect(before).toBeGreaterThanOrEqual(0);
      const contact = await db.contact.create({ data: { workspaceId: ws, phone: "+34610000990" } });
      // Due in a day: nothing sends it while the test looks.
      const message = await db.message.create({
        data: {
          workspaceId: ws,
          contactId: contact.id,
          origin: "api",
          nextAttemptAt: new Date(Date.now() + 86_400_000),
        },
      });
      try {
        expect(sample(await gauges(), "parley_messages_in_queue", labels)).toBe(before! + 1);
      } finally {
        await db.message.delete({ where: { id: message.id } });
      }
      expect(sample(await gauges(), "parley_messages_in_queue", labels)).toBe(before);
    });

    it("shows how long the oldest unprocessed webhook delivery has waited", async () => {
      const delivery = await db.webhookDelivery.create({
        data: { rawBody: Buffer.from("{}"), signature: "sha256=test", receivedAt: new Date(Date.now() - 120_000) },
      });
      try {
        const text = await gauges();
        expect(sample(text, "parley_webhook_lag_seconds")).toBeGreaterThanOrEqual(119);
        expect(sample(text, "parley_webhook_deliveries_pending", { state: "new" })).toBeGreaterThanOrEqual(1);
      } finally {
        await db.webhookDelivery.delete({ where: { id: delivery.id } });
      }
    });

    it("shows how far the rollups are behind, and 0 once everything is folded", async () => {
      await foldAll();
      expect(sample(await gauges(), "parley_rollup_lag_seconds")).toBe(0);
      const campaign = await db.campaign.findFirst({ select: { id: true } });
      const delta = await db.rollupDelta.create({
        data: {
          campaignId: campaign?.id ?? "none",
          minute: new Date(),
          key: "test",
          n: 0n,
          createdAt: new Date(Date.now() - 60_000),
        },
      });
      try {
        const text = await gauges();
        expect(sample(text, "parley_rollup_lag_seconds")).toBeGreaterThanOrEqual(59);
        expect(sample(text, "parley_rollup_deltas_pending")).toBeGreaterThanOrEqual(1);
      } finally {
        await db.rollupDelta.deleteMany({ where: { id: delta.id } });
      }
    });
  });
});
