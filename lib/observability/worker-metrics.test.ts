// A worker's own metrics port, as Prometheus scrapes it: the token required, the worker's counters served,
// no database gauges (the web serves those once).
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countMessageOutcomes } from "./metrics";
import { serveWorkerMetrics } from "./worker-metrics";

const TOKEN = "worker-metrics-token-0123456789";
let server: Server;
let url: string;

beforeAll(async () => {
  process.env.PARLEY_METRICS_TOKEN = TOKEN;
  server = (await serveWorkerMetrics(0))!;
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  delete process.env.PARLEY_METRICS_TOKEN;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("worker metrics port", () => {
  it("is not served without PARLEY_WORKER_METRICS_PORT", async () => {
    expect(await serveWorkerMetrics(undefined)).toBeNull();
  });

  it("refuses a scrape without the right token", async () => {
    expect((await fetch(`${url}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${url}/metrics`, { headers: { authorization: "Bearer not-the-token" } });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).not.toContain("parley_");
  });

  it("serves what this worker counted, and nothing read from the database", async () => {
    countMessageOutcomes([{ kind: "sent" }, { kind: "sent" }, { kind: "failed" }]);
    const response = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/^parley_message_outcomes_total\{outcome="sent"\} 2$/m);
    expect(text).toMatch(/^parley_message_outcomes_total\{outcome="failed"\} 1$/m);
    expect(text).not.toContain("parley_messages_in_queue");
  });

  it("answers 404 elsewhere", async () => {
    expect((await fetch(`${url}/`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
  });
});
