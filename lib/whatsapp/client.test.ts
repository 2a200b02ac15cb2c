// Each Cloud API request has its own deadline: an answer that never comes is "no answer" (status 0)
// within that deadline, not after the connection pool's generous backstop.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWhatsAppClient, WhatsAppApiError } from "./client";

let server: Server;
let base: string;
beforeAll(async () => {
  // Reads the request, then never answers (or answers its headers and never finishes the body).
  server = createServer((req, res) => {
    req.resume();
    if (req.url?.includes("/900/")) {
      res.writeHead(200, { "content-type": "application/json" });
      res.write("{");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v23.0`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const message = { messaging_product: "whatsapp", to: "34610000001", type: "text", text: { body: "Hi" } } as const;

async function failure(promise: Promise<unknown>) {
  const started = Date.now();
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  return { error, ms: Date.now() - started };
}

describe("per-request timeouts", () => {
  it("reports a send that gets no answer as 'no answer' (status 0) once its own deadline passes", async () => {
    const client = createWhatsAppClient(
      { baseUrl: base, wabaId: "1", phoneNumberId: "2", accessToken: "t" },
      { sendTimeoutMs: 300 },
    );
    const { error, ms } = await failure(client.sendMessage(message));
    expect(error).toBeInstanceOf(WhatsAppApiError);
    expect(error).toMatchObject({ status: 0, code: 2, message: expect.stringContaining("no answer within 0.3 s") });
    expect(ms).toBeGreaterThanOrEqual(250);
    expect(ms).toBeLessThan(3000);
  });

  it("counts the deadline to the end of the body, not only the headers", async () => {
    const client = createWhatsAppClient(
      { baseUrl: base, wabaId: "1", phoneNumberId: "900", accessToken: "t" },
      { sendTimeoutMs: 300 },
    );
    const { error, ms } = await failure(client.sendMessage(message));
    expect(error).toMatchObject({ status: 0, code: 2 });
    expect(ms).toBeLessThan(3000);
  });

  it("gives other calls their own deadline", async () => {
    const client = createWhatsAppClient(
      { baseUrl: base, wabaId: "1", phoneNumberId: "2", accessToken: "t" },
      { sendTimeoutMs: 60_000, timeoutMs: 300 },
    );
    const { error, ms } = await failure(client.getPhoneNumberHealth());
    expect(error).toMatchObject({ status: 0, code: 2 });
    expect(ms).toBeLessThan(3000);
  });
});
