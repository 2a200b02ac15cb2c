// The ids every log line carries (request, job, workspace), kept per async call chain so that code deep
// inside a request or a job logs them without being handed them. Platform code: imports no domain.
import { AsyncLocalStorage } from "node:async_hooks";

export type LogContext = {
  requestId?: string;
  jobId?: string;
  jobType?: string;
  workspaceId?: string;
  [field: string]: string | number | undefined;
};

const storage = new AsyncLocalStorage<LogContext>();

/**
 * Runs `fn` with `fields` added to the current log context (an outer request's ids stay; the same key is
 * overridden inside). Every log line written while `fn` runs, awaited work included, carries them.
 */
export function withLogContext<T>(fields: LogContext, fn: () => T): T {
  return storage.run({ ...storage.getStore(), ...fields }, fn);
}

/**
 * Adds fields to the context of the `withLogContext` call this runs in, for an id learnt on the way (the
 * workspace once an API key is authenticated). Outside any context it does nothing.
 */
export function addLogContext(fields: LogContext): void {
  const store = storage.getStore();
  if (store) Object.assign(store, fields);
}

/** The current context's fields (read by the logger on every line). */
export function currentLogContext(): LogContext | undefined {
  return storage.getStore();
}
