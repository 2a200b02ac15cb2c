// The webhook endpoint on Node's own request and response, for the web process's fast path
// (scripts/web.ts): the same checks as app/api/webhooks/whatsapp/route.ts, without the framework's
// routing and rendering work on the hottest path Parley has.
import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { MAX_WEBHOOK_BYTES, receiveWebhook } from "./ingest";

function readWithin(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers["content-length"] ?? 0) > limit) return resolve(null);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.destroy();
        resolve(null);
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export async function handleWebhookPost(req: IncomingMessage, res: ServerResponse): Promise<void> {
  let status = 500;
  let message = "Internal error";
  try {
    const body = await readWithin(req, MAX_WEBHOOK_BYTES);
    if (!body) {
      status = 413;
      message = "Payload too large (3 MB at most)";
    } else {
      const header = req.headers["x-hub-signature-256"];
      ({ status, message } = await receiveWebhook(body, typeof header === "string" ? header : null));
    }
  } finally {
    res.writeHead(status, { "content-type": "text/plain; charset=utf-8", connection: status === 413 ? "close" : "keep-alive" });
    res.end(message);
  }
}
