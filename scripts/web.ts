// The production web process: Next.js behind Node's own HTTP server, with two fast paths. POSTs to
// /api/webhooks/whatsapp (Meta's deliveries, the busiest endpoint by far) go straight to the same
// lib/webhooks code the Next.js route uses, and POSTs to /api/public/v1/messages (the business's order
// updates, at up to a thousand a second) to the same handler as its Next.js route, both without the
// framework's per-request work (most of an accept's cost: bench/api.ts); everything else, GET handshakes
// included, is Next.js as usual.
import { existsSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import next from "next";
import { CLIENT_IP_HEADER, clientAddress } from "@/lib/client-ip";
import { env } from "@/lib/env";
import { readNodeBody } from "@/lib/http";
import { urlHasNul } from "@/lib/ids";
import { MAX_BODY_BYTES } from "@/lib/api/handler";
import { handleWebhookPost } from "@/lib/webhooks/node-handler";
import { POST as sendMessage } from "@/app/api/public/v1/messages/route";
import { webListenAddress } from "./lib/listen.ts";
import { root } from "./lib/paths.ts";
import { exitWithLauncher } from "./lib/follow-parent.ts";

exitWithLauncher();

const { host, port } = webListenAddress(process.env);
const dev = process.argv.includes("--dev");
// A production server runs with the configuration its build recorded, as Next's standalone server.js does: the
// container image (Next's standalone output, scripts/assemble-standalone.mjs) carries no next.config.mjs, and
// without this Next would warn on every start that `next start` cannot serve standalone output.
const builtConfig = path.join(root, ".next/required-server-files.json");
if (!dev && existsSync(builtConfig)) {
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG ??= JSON.stringify(JSON.parse(readFileSync(builtConfig, "utf8")).config);
}
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
  if (req.method === "POST" && req.url?.split("?")[0] === "/api/public/v1/messages") {
    void sendMessageFast(req, res);
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

/** The public send route's own handler, called with a web Request made from Node's request. */
async function sendMessageFast(req: IncomingMessage, res: ServerResponse) {
  try {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, v);
    }
    // The body read here whole, within the route's cap: a web stream per call costs more than the rest of
    // the wrapper. A larger body is refused by the route itself, from the size it is told.
    const body = await readNodeBody(req, MAX_BODY_BYTES);
    if (!body) {
      headers.set("content-length", String(MAX_BODY_BYTES + 1));
      res.setHeader("connection", "close");
    }
    const request = new Request(new URL(req.url!, `http://${req.headers.host ?? "localhost"}`), {
      method: "POST",
      headers,
      body: body as Uint8Array<ArrayBuffer> | null,
    });
    const response = await sendMessage(request, { params: Promise.resolve({}) });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  } catch (error) {
    console.error(JSON.stringify({ level: "error", message: "public API fast path failed", error: String(error) }));
    if (!res.headersSent) res.writeHead(500, { "content-type": "application/problem+json" });
    res.end(
      JSON.stringify({ title: "Internal server error", status: 500, detail: "Something went wrong on our side." }),
    );
  }
}
