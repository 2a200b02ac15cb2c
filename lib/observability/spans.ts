// Parley's own spans (Cloud API calls, actions, jobs, the worker's loops), through the OpenTelemetry API
// alone: a no-op until tracing.ts has started a provider, so hot paths may call it freely.
import { SpanStatusCode, trace, type Attributes, type Span } from "@opentelemetry/api";
import { scrubPhones } from "./redact";

/**
 * Runs `fn` inside a span called `name` (the active span while it runs, so nested spans and log lines belong
 * to it). A thrown error is recorded on the span, which ends with status ERROR, and thrown on.
 */
export function traced<T>(name: string, fn: (span: Span) => Promise<T>, attributes?: Attributes): Promise<T> {
  return trace.getTracer("parley").startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await fn(span);
    } catch (error) {
      const { name, message } = error instanceof Error ? error : { name: "Error", message: String(error) };
      span.recordException({ name, message: scrubPhones(message) });
      span.setStatus({ code: SpanStatusCode.ERROR, message: name });
      throw error;
    } finally {
      span.end();
    }
  });
}
