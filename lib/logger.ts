// The one structured logger: pino writing JSON lines to stdout, at LOG_LEVEL. Every line carries the ids of
// the request or job it was written in (withLogContext) and, when tracing is on, the active trace and span,
// so a line leads to its trace. Secrets and phone numbers are censored by field name (REDACTED_KEYS) and
// inside error messages (lib/observability/redact.ts). The call shape stays `logger.info(message, fields)`.
// Platform code: imports no domain.
import { trace } from "@opentelemetry/api";
import pino, { type DestinationStream, type LevelWithSilent } from "pino";
import { observabilityEnv } from "@/lib/env";
import { currentLogContext } from "@/lib/observability/context";
import { REDACTED_KEYS, scrubPhones } from "@/lib/observability/redact";

export { addLogContext, withLogContext } from "@/lib/observability/context";

type Level = "debug" | "info" | "warn" | "error";
type Fields = Record<string, unknown>;

const CENSOR = "[redacted]";

/** An Error as a plain object (an Error's own fields are not enumerable, so JSON would drop them). */
export function serializeError(error: Error, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = { name: error.name, message: scrubPhones(error.message) };
  if (error.stack) out.stack = scrubPhones(error.stack);
  const { code, status } = error as { code?: unknown; status?: unknown };
  if (typeof code === "string" || typeof code === "number") out.code = code;
  if (typeof status === "number") out.status = status;
  if (error.cause instanceof Error && depth < 3) out.cause = serializeError(error.cause, depth + 1);
  return out;
}

function withErrorsSerialized(fields: Fields): Fields {
  let out: Fields | undefined;
  for (const name in fields) {
    const value = fields[name];
    if (value instanceof Error) (out ??= { ...fields })[name] = serializeError(value);
  }
  return out ?? fields;
}

function mixin(): Fields {
  const context = currentLogContext();
  const span = trace.getActiveSpan()?.spanContext();
  if (!span) return context ? { ...context } : {};
  return { ...context, trace_id: span.traceId, span_id: span.spanId };
}

/**
 * A logger writing to `destination` (stdout by default) at `level`. Warnings and errors go to stdout as well:
 * one stream keeps lines in order, and a collector reads the level from each line.
 */
export function createLogger(
  level: LevelWithSilent = observabilityEnv().LOG_LEVEL,
  destination: DestinationStream = pino.destination({ dest: 1, sync: true }),
) {
  const base = pino(
    {
      level,
      messageKey: "message",
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin,
      redact: { paths: REDACTED_KEYS.flatMap((key) => [key, `*.${key}`]), censor: CENSOR },
    },
    destination,
  );
  const write = (level: Level) => (message: string, fields?: Fields) => {
    if (!base.isLevelEnabled(level)) return;
    base[level](fields ? withErrorsSerialized(fields) : {}, message);
  };
  return {
    debug: write("debug"),
    info: write("info"),
    warn: write("warn"),
    error: write("error"),
    /** Whether a line at `level` would be written (to skip building costly fields). */
    isLevelEnabled: (level: Level) => base.isLevelEnabled(level),
  };
}

export const logger = createLogger();
