// The campaign's job type: its start at the scheduled time (one message row per recipient).
import "server-only";
import { z } from "zod";
import { defineJob } from "@/lib/jobs/engine";

export const campaignStartJob = defineJob("campaigns.start", z.object({ campaignId: z.string() }), {
  timeoutSeconds: 30 * 60,
  concurrency: 2,
});

/** One start per campaign: launching twice (a double click, a retry) sends no second job. */
export const campaignStartKey = (campaignId: string) => `campaigns.start:${campaignId}`;
