// Parley's web origin as a sandbox reaches it in integration tests: Meta's webhooks through the real receiver and
// the Flows data-exchange endpoint through its real route, on one local HTTP server (the sandbox calls the endpoint
// at the origin its webhooks go to, as in `npm start`).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { POST as flowEndpoint } from "@/app/api/flows/endpoint/[workspaceId]/route";
import { handleWebhookPost } from "@/lib/webhooks/node-handler";

const ENDPOINT = /^\/api\/flows\/endpoint\/([^/?]+)/;

let origin: { server: Server; webhookUrl: string } | null = null;

/** The webhook URL to give a sandbox (`webhookUrl`); the endpoint route answers on the same origin. */
export async function parleyWebhookUrl(): Promise<string> {
  if (!origin) {
    const server = createServer((req, res) => {
      const id = ENDPOINT.exec(req.url ?? "")?.[1];
      if (req.method !== "POST" || !id) return void handleWebhookPost(req, res);
      void (async () => {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        const headers = Object.entries(req.headers).filter((h): h is [string, string] => typeof h[1] === "string");
        const response = await flowEndpoint(
          new Request(`http://127.0.0.1${req.url}`, { method: "POST", headers, body: Buffer.concat(chunks) }),
          { params: Promise.resolve({ workspaceId: decodeURIComponent(id) }) },
        );
        res.writeHead(response.status, { "content-type": response.headers.get("content-type") ?? "text/plain" });
        res.end(Buffer.from(await response.arrayBuffer()));
      })();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    origin = { server, webhookUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/whatsapp` };
  }
  return origin.webhookUrl;
}
