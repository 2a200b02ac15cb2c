// Every job type: a zod payload schema and an idempotent handler (a job may run twice).
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { LOGIN_WINDOW_MINUTES } from "@/lib/auth/login";
import { failImport, runImport } from "@/lib/imports/service";
import { startCampaign } from "@/lib/campaigns/service";
import { windowState } from "@/lib/inbox/schemas";
import { sendAutoReply, sendReply } from "@/lib/inbox/service";

type JobDefinition<S extends z.ZodType> = { schema: S; handler: (payload: z.output<S>) => Promise<void> };

function define<S extends z.ZodType>(schema: S, handler: (payload: z.output<S>) => Promise<void>): JobDefinition<S> {
  return { schema, handler };
}

export const JOBS = {
  /** Deletes expired sessions, stale sign-in failures and finished jobs older than a week. */
  "maintenance.cleanup": define(z.object({}), async () => {
    const now = Date.now();
    await db.session.deleteMany({ where: { expiresAt: { lt: new Date(now) } } });
    await db.loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(now - LOGIN_WINDOW_MINUTES * 60_000) } } });
    await db.job.deleteMany({ where: { status: "DONE", finishedAt: { lt: new Date(now - 7 * 86_400_000) } } });
    // An Idempotency-Key is honoured for 24 hours (docs/api.md); a rate-limit window for a second.
    await db.apiIdempotency.deleteMany({ where: { createdAt: { lt: new Date(now - 86_400_000) } } });
    await db.apiRateLimit.deleteMany({ where: { expire: { lt: BigInt(now - 60_000) } } });
  }),

  /** The reply confirming a STOP or START keyword, sent only while the 24-hour window is open (shown in the inbox). */
  "consent.confirm": define(
    z.object({ workspaceId: z.string(), to: z.string(), text: z.string().min(1).max(4096), replyTo: z.string() }),
    async ({ workspaceId, to, text, replyTo }) => {
      const conversation = await db.conversation.findFirst({
        where: { workspaceId, contact: { phone: `+${to.replace(/^\+/, "")}` } },
        select: { id: true, lastInboundAt: true },
      });
      if (!conversation || !windowState(conversation.lastInboundAt).open) return;
      await sendReply(workspaceId, null, {
        conversationId: conversation.id,
        replyTo,
        reply: { kind: "text", body: text },
      });
    },
  ),

  /** Checks (dry run) or imports an uploaded contacts file. A failure is shown on the import's page, not retried. */
  "contacts.import": define(
    z.object({ importId: z.string(), mode: z.enum(["check", "import"]), actorId: z.string().nullable() }),
    async ({ importId, mode, actorId }) => {
      await runImport(importId, mode, actorId).catch((error: unknown) => failImport(importId, error));
    },
  ),

  /** A launched campaign's start, at its scheduled time: one message row per recipient. */
  "campaigns.start": define(z.object({ campaignId: z.string() }), async ({ campaignId }) => startCampaign(campaignId)),

  /** A keyword auto-reply from the workspace's quick answers (only inside the 24-hour window). */
  "inbox.autoreply": define(
    z.object({ workspaceId: z.string(), conversationId: z.string(), savedReplyId: z.string(), replyTo: z.string() }),
    async ({ workspaceId, conversationId, savedReplyId, replyTo }) =>
      sendAutoReply(workspaceId, conversationId, savedReplyId, replyTo),
  ),
} satisfies Record<string, JobDefinition<z.ZodType>>;

export type JobType = keyof typeof JOBS;

export async function runJob(type: string, payload: unknown): Promise<void> {
  const definition = JOBS[type as JobType] as JobDefinition<z.ZodType> | undefined;
  if (!definition) throw new Error(`Unknown job type "${type}"`);
  await definition.handler(definition.schema.parse(payload));
}
