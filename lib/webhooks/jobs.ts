// The replies an inbound message asks for, sent by the worker after the webhook batch commits.
import "server-only";
import { z } from "zod";
import { defineJob } from "@/lib/jobs/engine";

/** The reply confirming a STOP or START keyword, sent only while the 24-hour window is open. */
export const consentConfirmJob = defineJob(
  "consent.confirm",
  z.object({
    workspaceId: z.string(),
    conversationId: z.string().optional(),
    /** The phone, in jobs queued before contacts could lack one (the conversation is found by it). */
    to: z.string().optional(),
    text: z.string().min(1).max(4096),
    replyTo: z.string(),
  }),
  { timeoutSeconds: 60, concurrency: 4 },
);

/** A keyword auto-reply from the workspace's quick answers (only inside the 24-hour window). */
export const autoReplyJob = defineJob(
  "inbox.autoreply",
  z.object({ workspaceId: z.string(), conversationId: z.string(), savedReplyId: z.string(), replyTo: z.string() }),
  { timeoutSeconds: 60, concurrency: 4 },
);
