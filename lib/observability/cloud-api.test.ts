// What an operator sees of each Cloud API request: a span named by its operation with the HTTP status and
// Meta's error code, and the request and error counters Prometheus scrapes.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { trace } from "@opentelemetry/api";
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWhatsAppClient } from "@/lib/whatsapp/client";
import { processMetrics } from "./metrics";

const spans = new InMemorySpanExporter();
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] });
let server: Server;
let base: string;

beforeAll(async () => {
  provider.register();
  // Number 111 accepts every message; number 222 is told the recipient is not on WhatsApp (131026).
  server = createServer((req, res) => {
    req.resume();
    res.writeHead(req.url?.includes("/111/") ? 200 : 400, { "content-type": "application/json" });
    res.end(
      JSON.stringify(
        req.url?.includes("/111/")
          ? { messaging_product: "whatsapp", contacts: [{ input: "x", wa_id: "x" }], messages: [{ id: "wamid.1" }] }
          : { error: { message: "Message undeliverable", code: 131026, fbtrace_id: "t" } },
      ),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v23.0`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await provider.shutdown();
  trace.disable();
});

const client = (phoneNumberId: string) =>
  createWhatsAppClient({ baseUrl: base, wabaId: "1", phoneNumberId, accessToken: "EAAG-token" });
const message = { messaging_product: "whatsapp", to: "34610000001", type: "text", text: { body: "Hi" } } as const;

async function sample(name: string, labels: Record<string, string>) {
  const metric = await processMetrics().registry.getSingleMetric(name)!.get();
  return metric.values.find((v) => Object.entries(labels).every(([k, value]) => v.labels[k] === value))?.value ?? 0;
}

describe("Cloud API requests", () => {
  it("are spans named by operation, with the HTTP status, and counted", async () => {
    const before = await sample("parley_cloud_api_requests_total", { operation: "POST /{id}/messages" });
    await client("111").sendMessage(message);
    const span = spans.getFinishedSpans().at(-1)!;
    expect(span.name).toBe("whatsapp POST /{id}/messages");
    expect(span.attributes).toMatchObject({ "http.request.method": "POST", "http.response.status_code": 200 });
    expect(span.status.code).not.toBe(2); // not ERROR
    expect(await sample("parley_cloud_api_requests_total", { operation: "POST /{id}/messages" })).toBe(before + 1);
  });

  it("that fail record Meta's error code on the span and in the error counter", async () => {
    const labels = { code: "131026", action: "suppress_contact" };
    const before = await sample("parley_cloud_api_errors_total", labels);
    await expect(client("222").sendMessage(message)).rejects.toMatchObject({ code: 131026 });
    const span = spans.getFinishedSpans().at(-1)!;
    expect(span.attributes).toMatchObject({ "http.response.status_code": 400, "whatsapp.error.code": 131026 });
    expect(span.status.code).toBe(2); // ERROR
    const { attributes, events, status } = span;
    expect(JSON.stringify({ attributes, events, status })).not.toContain("EAAG-token");
    expect(events[0]?.attributes).toMatchObject({ "exception.message": "Message undeliverable" });
    expect(await sample("parley_cloud_api_errors_total", labels)).toBe(before + 1);
  });
});
