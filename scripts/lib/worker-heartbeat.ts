// Imported by scripts/worker-production.ts (dist/worker.mjs) ahead of scripts/worker.ts, whose top-level loop
// holds its module until the worker stops: starts the heartbeat that `node dist/healthcheck.mjs worker` reads.
import { checkDatabase } from "@/lib/db/health";
import { startHeartbeat } from "./heartbeat.ts";

startHeartbeat(checkDatabase);
