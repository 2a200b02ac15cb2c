// The webhook endpoint on Node's own request and response, for the web process's fast path
// (scripts/web.ts): the same checks as app/api/webhooks/whatsapp/route.ts, without the framework's
// routing and rendering work on the hottest path Parley has.
import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { readNodeBody } from "@/lib/http";
import { MAX_WEBHOOK_BYTES, receiveWebhook } from "./ingest";

export async function handleWebhookPost(req: IncomingMessage, res: ServerResponse): Promise<void> {
  let status = 500;
  let message = "Internal error";
  try {
    const body = await readNodeBody(req, MAX_WEBHOOK_BYTES);
    if (!body) {
      status = 413;
      message = "Payload too large (3 MB at most)";
    } else {
      const header = req.headers["x-hub-signature-256"];
      ({ status, message } = await receiveWebhook(body, typeof header === "string" ? header : null));
    }
  } finally {
    res.writeHead(status, {
      "content-type": "text/plain; charset=utf-8",
      connection: status === 413 ? "close" : "keep-alive",
    });
    res.end(message);
  }
}
