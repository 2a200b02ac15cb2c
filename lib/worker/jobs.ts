// Which domain function runs which job type, and the cron schedules: the worker's half of the job
// engine (lib/jobs). The types themselves are declared by the domains that send them.
import "server-only";
import { campaignStartJob } from "@/lib/campaigns/jobs";
import { startCampaign } from "@/lib/campaigns/service";
import { db } from "@/lib/db/client";
import { bookingTakenJob, bookingTakenNotice } from "@/lib/flows/booking-notice";
import { importJob } from "@/lib/imports/jobs";
import { journeyConsentJob, recordJourneyConsent } from "@/lib/journeys/consent-step";
import { failImport, runImport } from "@/lib/imports/service";
import { windowState } from "@/lib/inbox/window";
import { sendAutoReply, sendReply } from "@/lib/inbox/service";
import { handle, type CronSchedule, type JobHandler } from "@/lib/jobs/runner";
import { metaBillJob, metaBillsJob, queueMetaBills, syncMetaBill } from "@/lib/pricing/meta-bill";
import { autoReplyJob, consentConfirmJob } from "@/lib/webhooks/jobs";
import { cleanUp, cleanupJob } from "./maintenance";

export const JOB_HANDLERS: JobHandler[] = [
  handle(cleanupJob, cleanUp),

  handle(consentConfirmJob, async ({ workspaceId, conversationId, to, text, replyTo }) => {
    const conversation = await db.conversation.findFirst({
      where: conversationId
        ? { workspaceId, id: conversationId }
        : { workspaceId, contact: { phone: `+${(to ?? "").replace(/^\+/, "")}` } },
      select: { id: true, lastInboundAt: true },
    });
    // Past the 24-hour window a free-form reply is refused by Meta: the inbox shows the keyword instead.
    if (!conversation || !windowState(conversation.lastInboundAt).open) return;
    await sendReply(workspaceId, null, {
      conversationId: conversation.id,
      replyTo,
      reply: { kind: "text", body: text },
    });
  }),

  // A failure is recorded on the import (its page shows it) instead of being retried.
  handle(importJob, async ({ importId, mode, actorId, locale }) => {
    await runImport(importId, mode, actorId, locale).catch((error: unknown) => failImport(importId, error));
  }),

  handle(campaignStartJob, ({ campaignId }) => startCampaign(campaignId)),

  // An update step's opt-in or opt-out, recorded by lib/consent with the journey as its source.
  handle(journeyConsentJob, recordJourneyConsent),

  // Nightly: Meta's bill (pricing_analytics) beside Parley's estimate, a job per account (docs/pricing.md).
  handle(metaBillsJob, async () => void (await queueMetaBills())),
  handle(metaBillJob, async ({ days }, { workspaceId }) => {
    if (workspaceId) await syncMetaBill(workspaceId, { days });
  }),

  handle(autoReplyJob, ({ workspaceId, conversationId, savedReplyId, replyTo }) =>
    sendAutoReply(workspaceId, conversationId, savedReplyId, replyTo),
  ),

  // A booking whose time was taken before the person's answer came: they are told, as an inbox reply to it.
  handle(bookingTakenJob, async (payload) => {
    const notice = await bookingTakenNotice(payload);
    // Past the 24-hour window a free-form message is refused by Meta: the inbox shows the answer instead.
    if (!notice || !windowState(notice.lastInboundAt).open) return;
    await sendReply(payload.workspaceId, null, {
      conversationId: notice.conversationId,
      replyTo: payload.replyTo,
      reply: { kind: "text", body: notice.text },
    });
  }),
];

export const CRON_SCHEDULES: CronSchedule[] = [
  { definition: cleanupJob, cron: "7 * * * *", payload: {} },
  { definition: metaBillsJob, cron: "40 2 * * *", payload: {} },
];
