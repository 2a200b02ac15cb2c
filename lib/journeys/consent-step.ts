// An update step's consent change: an opt-in to, or an opt-out of, a list, recorded by lib/consent with the
// journey as its source and proof (a double opt-in's "Yes" becomes the opt-in). The engine's turn runs on its
// own connection and transaction, so it queues this job in that transaction (recorded with the step, once per
// step and time by its dedupe key) and the worker records the event through recordConsentEvent. The run
// waits CONSENT_SETTLE_MS before its next step, so a send right after an opt-in finds it.
import "server-only";
import { z } from "zod";
import { recordConsentEvent } from "@/lib/consent/service";
import { NotFoundError } from "@/lib/errors";
import { defineJob } from "@/lib/jobs/engine";

export const CONSENT_SETTLE_MS = 15_000;

export const journeyConsentJob = defineJob(
  "journeys.consent",
  z.object({
    workspaceId: z.string(),
    contactId: z.string(),
    consentListId: z.string(),
    action: z.enum(["OPT_IN", "OPT_OUT"]),
    proof: z.string().max(500),
    occurredAt: z.coerce.date(),
  }),
  { timeoutSeconds: 60, concurrency: 4 },
);

/** The worker's handler: the event, through the consent module (a contact erased meanwhile is skipped). */
export async function recordJourneyConsent(payload: z.output<typeof journeyConsentJob.schema>): Promise<void> {
  await recordConsentEvent({ ...payload, source: "JOURNEY" }).catch((error: unknown) => {
    if (!(error instanceof NotFoundError)) throw error;
  });
}
