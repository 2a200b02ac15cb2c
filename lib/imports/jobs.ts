// The import's job type: checking (a dry run) or importing an uploaded file, run by the worker.
import "server-only";
import { z } from "zod";
import { locales } from "@/lib/i18n/config";
import { defineJob } from "@/lib/jobs/engine";

/**
 * A failure is shown on the import's page rather than retried (lib/worker/jobs.ts); the retries only
 * cover a worker that died mid-run, found when the timeout passes. A run past the timeout is never
 * doubled: the retry waits for it (lib/jobs/runner.ts).
 */
export const importJob = defineJob(
  "contacts.import",
  z.object({
    importId: z.string(),
    mode: z.enum(["check", "import"]),
    actorId: z.string().nullable(),
    // The rejected rows' report's language: whoever ran it (jobs queued before it was kept: English).
    locale: z.enum(locales).optional(),
  }),
  { retryLimit: 2, timeoutSeconds: 60 * 60, concurrency: 2 },
);
