// OpenTelemetry tracing: started once per process when OTEL_EXPORTER_OTLP_ENDPOINT is set (the web by
// instrumentation.ts, the worker by its entry script), exporting spans over OTLP/HTTP in batches. Next.js
// makes the spans of routes and pages itself once a tracer provider is registered; `traced`
// adds Parley's own (spans.ts: Cloud API calls, actions, jobs, the worker's loops). Unset, nothing is
// started and `traced` costs a no-op span. Platform code: imports no domain.
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { ATTR_SERVICE_NAME } from "@opentelemetry/semantic-conventions";
import { observabilityEnv } from "@/lib/env";

let provider: NodeTracerProvider | undefined;

/**
 * Starts exporting traces if OTEL_EXPORTER_OTLP_ENDPOINT is set; returns whether it did. `role` names the
 * process in the service name ("parley" for the web, "parley-worker" for the worker). The exporter reads
 * the standard OTEL_EXPORTER_OTLP_* variables itself (endpoint, headers, a traces-only endpoint), and the
 * sampler OTEL_TRACES_SAMPLER / OTEL_TRACES_SAMPLER_ARG (default: every trace).
 */
export function startTelemetry(role: "web" | "worker" = "web"): boolean {
  if (provider) return true;
  const settings = observabilityEnv();
  if (!settings.OTEL_EXPORTER_OTLP_ENDPOINT) return false;
  const service = role === "web" ? settings.OTEL_SERVICE_NAME : `${settings.OTEL_SERVICE_NAME}-${role}`;
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: service }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  // Registers the provider globally with an AsyncLocalStorage context manager and W3C trace-context propagation.
  provider.register();
  return true;
}

/** Sends the spans still buffered and stops (call on shutdown; a no-op when tracing was not started). */
export async function stopTelemetry(): Promise<void> {
  const stopping = provider;
  provider = undefined;
  await stopping?.shutdown();
}
