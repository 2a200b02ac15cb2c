// One import run in a process of its own, started like the worker: prints its counts and the process's
// peak resident memory as JSON. Used by bench/import.ts.
import { runImport } from "@/lib/imports/service";
import { disconnectDb } from "@/lib/db/client";
import { closePgPool } from "@/lib/db/pg";

const [importId, mode] = process.argv.slice(2) as [string, "check" | "import"];
const started = performance.now();
const counts = await runImport(importId, mode, null);
const seconds = (performance.now() - started) / 1000;
await disconnectDb();
await closePgPool();
console.log(JSON.stringify({ counts, seconds, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
