// The web process's fast path answers exactly as the Next.js route does.
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkspace } from "@/tests/factories";
import { APP_SECRET, connectAccount } from "@/tests/whatsapp";
import { handleWebhookPost } from "./node-handler";
import { signBody } from "./signature";

let server: Server;
let port: number;
let wabaId: string;

beforeAll(async () => {
  ({ wabaId } = await connectAccount((await createWorkspace(["ADMIN"])).workspace.id));
  server = createServer((req, res) => void handleWebhookPost(req, res));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => server.close());

/** A POST without Content-Length (chunked), as a client that streams its body would send it. */
function post(chunks: Buffer[], signature?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        port,
        method: "POST",
        path: "/api/webhooks/whatsapp",
        headers: signature ? { "x-hub-signature-256": signature } : {},
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on("error", (error) =>
      String(error).includes("EPIPE") || String(error).includes("ECONNRESET") ? resolve(413) : reject(error),
    );
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

describe("webhook fast path", () => {
  const raw = () => Buffer.from(`{"object":"whatsapp_business_account","entry":[{"id":"${wabaId}","changes":[]}]}`);

  it("answers 200 for a signed body and 401 for a forged one", async () => {
    expect(await post([raw()], signBody(raw(), APP_SECRET))).toBe(200);
    expect(await post([raw()], signBody(raw(), "wrong"))).toBe(401);
    expect(await post([raw()])).toBe(401);
  });

  it("stops reading past 3 MB even without a Content-Length", async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    expect(await post([chunk, chunk, chunk, chunk], "sha256=00")).toBe(413);
  });
});
