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
// Pages and actions read their words through next-intl's server functions, which need Next.js's request
// config; outside Next.js they come from the same catalogs, in the request's language (the mocks above).
vi.mock("next-intl/server", async () => {
  const { createFormatter, createTranslator } = await import("next-intl");
  const { loadMessages } = await import("@/lib/i18n/catalog");
  const { requestPreferences } = await import("@/lib/i18n/server");
  const config = async () => {
    const { locale, timeZone } = await requestPreferences();
    return { locale, timeZone, messages: await loadMessages(locale) };
  };
  return {
    getTranslations: async (options?: string | { namespace?: string }) =>
      createTranslator({
        ...(await config()),
        namespace: typeof options === "string" ? options : options?.namespace,
      } as Parameters<typeof createTranslator>[0]),
    getFormatter: async () => createFormatter(await config()),
    getNow: async () => new Date(),
    getLocale: async () => (await config()).locale,
  };
});
