// Imported by dist/worker.mjs ahead of scripts/worker.ts (whose top-level loop runs until the worker stops):
// starts the heartbeat that `node dist/healthcheck.mjs worker` reads.
import { checkDatabase } from "@/lib/db/health";
import { startHeartbeat } from "./heartbeat.ts";

startHeartbeat(checkDatabase);
