// Points lib/env at the throwaway database before any lib module reads it, and gives server actions
// the request context they expect outside Next.js (see tests/request-context.ts).
import fc from "fast-check";
import { inject, vi } from "vitest";

// A property that fails against the database reports its first counterexample at once: shrinking re-runs
// whole campaigns and took past the test's timeout, which then hid the real failure behind "timed out".
fc.configureGlobal({ endOnFailure: true });

process.env.DATABASE_URL = inject("databaseUrl");
process.env.PARLEY_DATA_DIR = inject("dataDir");

vi.mock("next/headers", async () => {
  const { cookieJar } = await import("./request-context");
  return {
    cookies: async () => ({
      get: (name: string) => (cookieJar.has(name) ? { name, value: cookieJar.get(name) } : undefined),
      set: (name: string, value: string) => void cookieJar.set(name, value),
      delete: (name: string) => void cookieJar.delete(name),
    }),
    // An English browser, like the browser tests'; a test that needs another language sets the locale cookie.
    headers: async () => new Headers({ "accept-language": "en" }),
  };
});
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
