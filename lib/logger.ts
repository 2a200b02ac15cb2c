// Structured one-line JSON logs. Never pass secrets: tokens and passwords stay out of log fields.
type Level = "debug" | "info" | "warn" | "error";

function serialise(value: unknown): unknown {
  return value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
}

function write(level: Level, message: string, fields: Record<string, unknown> = {}) {
  const entry: Record<string, unknown> = { level, time: new Date().toISOString(), message };
  for (const [key, value] of Object.entries(fields)) entry[key] = serialise(value);
  (level === "error" || level === "warn" ? console.error : console.log)(JSON.stringify(entry));
}

export const logger = {
  debug: (message: string, fields?: Record<string, unknown>) => write("debug", message, fields),
  info: (message: string, fields?: Record<string, unknown>) => write("info", message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write("warn", message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write("error", message, fields),
};
