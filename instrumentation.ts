// Next.js calls register() once when a server process starts, before it serves anything: tracing starts
// here for the web (the worker starts it in its own entry script). Only the Node.js runtime: the OpenTelemetry
// Node SDK does not load in the Edge runtime, where only proxy.ts runs and records nothing of its own.
export async function register() {
  // NEXT_RUNTIME is Next.js's own marker, not configuration: lib/env.ts does not own it.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startTelemetry } = await import("@/lib/observability/tracing");
  startTelemetry("web");
}
