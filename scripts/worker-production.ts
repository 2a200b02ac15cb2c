// dist/worker.mjs's entry (scripts/build-dist.mjs): the container heartbeat, then the worker itself. The heartbeat
// comes first because scripts/worker.ts's top-level loop holds its module until the worker stops.
import "./lib/worker-heartbeat.ts";
import "./worker.ts";
