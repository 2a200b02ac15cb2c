// The production web process: Next.js behind Node's own HTTP server, with one fast path. POSTs to
// /api/webhooks/whatsapp (Meta's deliveries, the busiest endpoint by far) go straight to the same
// lib/webhooks code the Next.js route uses, without the framework's per-request work; everything
// else, GET handshakes included, is Next.js as usual.
import { createServer } from "node:http";
import next from "next";
import { CLIENT_IP_HEADER, clientAddress } from "@/lib/client-ip";
import { env } from "@/lib/env";
import { urlHasNul } from "@/lib/ids";
import { handleWebhookPost } from "@/lib/webhooks/node-handler";
import { webListenAddress } from "./lib/listen.ts";
import { root } from "./lib/schema-engine.ts";
import { exitWithLauncher } from "./lib/follow-parent.ts";

exitWithLauncher();

const { host, port } = webListenAddress(process.env);
const dev = process.argv.includes("--dev");
const app = next({ dev, dir: root, port, hostname: host });
const handle = app.getRequestHandler();
await app.prepare();

// Sign-in limits and sessions read the client's address from this header alone, set here for every
// request from the socket and the proxies PARLEY_TRUSTED_PROXIES names; a copy sent by the client is replaced.
const proxies = env().PARLEY_TRUSTED_PROXIES;
const server = createServer((req, res) => {
  req.headers[CLIENT_IP_HEADER] = clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], proxies);
  // PostgreSQL refuses NUL in text, so an id or a search with %00 failed deep inside as a 500. No URL of
  // Parley carries one: refuse it here, for every page and route at once.
  if (urlHasNul(req.url ?? "")) {
    res
      .writeHead(400, { "content-type": "text/plain; charset=utf-8" })
      .end("The address contains a NUL character (%00), which Parley does not accept.");
    return;
  }
  if (req.method === "POST" && req.url?.split("?")[0] === "/api/webhooks/whatsapp") {
    void handleWebhookPost(req, res);
    return;
  }
  void handle(req, res);
});
server.keepAliveTimeout = 65_000;
server.listen(port, host, () => console.log(`web ready on http://${host}:${port}${dev ? " (development)" : ""}`));

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
