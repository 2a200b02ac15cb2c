// A worker's own metrics (what it sends, Cloud API errors it meets, its process), served on
// PARLEY_WORKER_METRICS_PORT: the web cannot report a counter that lives in another process.
import "server-only";
import { createServer, type Server } from "node:http";
import { observabilityEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import { answerScrape } from "./endpoint";

/**
 * Serves GET /metrics on PARLEY_WORKER_METRICS_PORT (all interfaces, for a scraper in another container)
 * when it is set; returns the server (close it on shutdown) or null.
 */
export async function serveWorkerMetrics(port = observabilityEnv().PARLEY_WORKER_METRICS_PORT): Promise<Server | null> {
  if (port === undefined) return null;
  if (!observabilityEnv().PARLEY_METRICS_TOKEN)
    logger.warn("PARLEY_WORKER_METRICS_PORT is set but PARLEY_METRICS_TOKEN is not: every scrape gets a 404");
  const server = createServer((req, res) => {
    if (req.method !== "GET" || req.url?.split("?")[0] !== "/metrics") {
      res.writeHead(404, { "content-type": "text/plain" }).end("Not found: the metrics are at GET /metrics.\n");
      return;
    }
    answerScrape(req.headers.authorization ?? null, false).then(
      (answer) => res.writeHead(answer.status, answer.headers).end(answer.body),
      (error: unknown) => {
        logger.error("worker metrics could not be served", { error });
        res.writeHead(500, { "content-type": "text/plain" }).end("The metrics could not be read.\n");
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, () => resolve());
  });
  logger.info("worker metrics served", { port: (server.address() as { port: number }).port });
  return server;
}
