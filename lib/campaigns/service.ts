// Campaign changes: drafts, launch (idempotent), approval, pause / resume / cancel, and the start that
// materialises one message row per recipient in one statement. Every transition is a conditional
// UPDATE on the current status, so a double click or two workers change a campaign once.
import "server-only";
import type { CurrentUser } from "@/lib/auth/guard";
import { recordAudit } from "@/lib/audit/service";
import { db, Prisma } from "@/lib/db/client";
import type { CampaignStatus } from "@/lib/db/generated/enums";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { purposeMismatch } from "@/lib/consent/eligibility";
import { DISPATCH_CHANNEL } from "@/lib/db/notify";
import { cancelJob, sendJob } from "@/lib/jobs/engine";
import { audienceSql } from "./audience";
import { campaignStartJob, campaignStartKey } from "./jobs";
import { audiencePlan, buildPreflight, loadPlan, type CampaignPlan } from "./plan";
import type { CampaignInput } from "./schemas";

async function checkReferences(workspaceId: string, input: CampaignInput) {
  const [list, segments, templates, media] = await Promise.all([
    db.consentList.findFirst({
      where: { id: input.consentListId, workspaceId },
      select: { name: true, category: true },
    }),
    db.segment.count({ where: { workspaceId, id: { in: [...input.segmentIds, ...input.excludeSegmentIds] } } }),
    db.template.findMany({
      where: { workspaceId, name: input.templateName, status: "APPROVED" },
      select: { language: true, category: true },
    }),
    db.mediaAsset.count({
      where: { id: { in: [input.headerMediaId, ...input.cardMediaIds].filter(Boolean) }, workspaceId },
    }),
  ]);
  const errors: Record<string, string[]> = {};
  const category = templates.find((t) => t.language === input.fallbackLanguage)?.category ?? templates[0]?.category;
  if (!list) errors.consentListId = [messageKey("campaigns.errors.listMissing")];
  else if (category && list.category !== category)
    errors.consentListId = [purposeMismatch(category, list.name, list.category)];
  if (segments !== new Set([...input.segmentIds, ...input.excludeSegmentIds]).size)
    errors.segmentIds = [messageKey("campaigns.errors.segmentMissing")];
  if (templates.length === 0) errors.templateName = [messageKey("campaigns.errors.templateNotApproved")];
  else if (!templates.some((t) => t.language === input.fallbackLanguage))
    errors.fallbackLanguage = [messageKey("campaigns.errors.fallbackLanguage")];
  if (media !== new Set([input.headerMediaId, ...input.cardMediaIds].filter(Boolean)).size)
    errors.headerMediaId = [messageKey("campaigns.errors.mediaMissing")];
  if (input.segmentIds.some((id) => input.excludeSegmentIds.includes(id)))
    errors.excludeSegmentIds = [messageKey("campaigns.errors.segmentBoth")];
  const messages = Object.values(errors).flat();
  if (messages.length)
    throw new ValidationError(
      messages.length === 1 ? messages[0]! : messageKey("campaigns.errors.checkFields"),
      errors,
    );
}

/** A draft's columns from the builder's input (the demo seeds its draft with it too). */
export function draftData(input: CampaignInput) {
  return {
    name: input.name,
    consentListId: input.consentListId,
    audience: { segmentIds: input.segmentIds, excludeSegmentIds: input.excludeSegmentIds },
    variableMapping: {
      templateName: input.templateName,
      fallbackLanguage: input.fallbackLanguage,
      variables: input.variables,
      headerMediaId: input.headerMediaId,
      cardMediaIds: input.cardMediaIds,
    },
    schedule: input.schedule,
    quietHours: input.quietHours,
    sendRatePerSec: input.sendRatePerSec,
  };
}

/** Creates a draft, or changes one (only drafts change). */
export async function saveCampaign(user: CurrentUser, input: CampaignInput, id?: string): Promise<{ id: string }> {
  await checkReferences(user.workspaceId, input);
  const template = await db.template.findFirst({
    where: { workspaceId: user.workspaceId, name: input.templateName, language: input.fallbackLanguage },
    select: { id: true },
  });
  const data = { ...draftData(input), templateId: template?.id ?? null };
  if (!id) {
    const created = await db.campaign.create({
      data: { ...data, workspaceId: user.workspaceId, createdById: user.userId, contributorIds: [user.userId] },
      select: { id: true },
    });
    await recordAudit(user.workspaceId, user.userId, {
      action: "campaign.created",
      targetType: "campaign",
      targetId: created.id,
      details: { name: input.name },
    });
    return created;
  }
  const { count } = await db.campaign.updateMany({
    where: { id, workspaceId: user.workspaceId, status: "DRAFT" },
    data: { ...data, contributorIds: { push: user.userId } },
  });
  if (!count) {
    await findCampaign(user.workspaceId, id);
    throw new ConflictError(messageKey("campaigns.errors.notDraft"));
  }
  await recordAudit(user.workspaceId, user.userId, {
    action: "campaign.updated",
    targetType: "campaign",
    targetId: id,
  });
  return { id };
}

async function findCampaign(workspaceId: string, id: string) {
  const campaign = await db.campaign.findFirst({
    where: { id, workspaceId },
    select: { id: true, status: true, createdById: true, contributorIds: true, name: true },
  });
  if (!campaign) throw new NotFoundError();
  return campaign;
}

/** When the start job runs: now, the scheduled moment, or the first time zone to reach the local time. */
async function startTime(plan: CampaignPlan, tx: Prisma.TransactionClient): Promise<Date> {
  const { schedule } = plan;
  if (schedule.mode === "now") return new Date();
  // UTC+14 (Kiritimati) is the first zone to reach any wall-clock time.
  const zone = schedule.mode === "at" ? plan.workspace.timeZone : "Pacific/Kiritimati";
  const [row] = await tx.$queryRaw<
    { at: Date }[]
  >`SELECT GREATEST(now(), ${schedule.at}::timestamp AT TIME ZONE ${zone}) AS at`;
  return row!.at;
}

async function schedule(tx: Prisma.TransactionClient, plan: CampaignPlan) {
  const runAt = await startTime(plan, tx);
  await sendJob(campaignStartJob, { campaignId: plan.campaign.id }, tx, {
    workspaceId: plan.campaign.workspaceId,
    runAt,
    dedupeKey: campaignStartKey(plan.campaign.id),
  });
}

export type LaunchResult = { status: CampaignStatus; alreadyLaunched: boolean };

/**
 * Checks the campaign again and launches it, or sends it for approval when the workspace asks for one.
 * Idempotent: a second call (a double click, a retry) finds it launched and changes nothing.
 */
export async function launchCampaign(user: CurrentUser, id: string): Promise<LaunchResult> {
  const plan = await loadPlan(user.workspaceId, id);
  if (plan.campaign.status !== "DRAFT") return { status: plan.campaign.status, alreadyLaunched: true };
  const preflight = await buildPreflight(plan);
  if (preflight.blockers.length)
    // The findings are codes put in words by the report on the campaign's page, which the person is shown.
    throw new ValidationError(messageKey("campaigns.errors.cannotLaunch"));
  const status: CampaignStatus = plan.workspace.requireApproval ? "AWAITING_APPROVAL" : "SCHEDULED";
  return db.$transaction(async (tx) => {
    const { count } = await tx.campaign.updateMany({
      where: { id, workspaceId: user.workspaceId, status: "DRAFT" },
      data: {
        status,
        statusReason: null,
        preflight: preflight as unknown as Prisma.InputJsonValue,
        contributorIds: { push: user.userId },
      },
    });
    if (!count) {
      const now = await tx.campaign.findUniqueOrThrow({ where: { id }, select: { status: true } });
      return { status: now.status, alreadyLaunched: true };
    }
    if (status === "SCHEDULED") await schedule(tx, plan);
    await recordAudit(
      user.workspaceId,
      user.userId,
      {
        action: status === "SCHEDULED" ? "campaign.launched" : "campaign.approval_requested",
        targetType: "campaign",
        targetId: id,
        details: { recipients: preflight.willSend },
      },
      tx,
    );
    return { status, alreadyLaunched: false };
  });
}

/** A manager or admin approves: four eyes, so never someone who created, edited or submitted the campaign. */
export async function approveCampaign(user: CurrentUser, id: string): Promise<void> {
  const campaign = await findCampaign(user.workspaceId, id);
  if (campaign.createdById === user.userId || campaign.contributorIds.includes(user.userId)) {
    throw new ForbiddenError(messageKey("campaigns.errors.fourEyes"));
  }
  const plan = await loadPlan(user.workspaceId, id);
  await db.$transaction(async (tx) => {
    const { count } = await tx.campaign.updateMany({
      where: { id, workspaceId: user.workspaceId, status: "AWAITING_APPROVAL" },
      data: { status: "SCHEDULED", approvedById: user.userId, approvedAt: new Date() },
    });
    if (!count) throw new ConflictError(messageKey("campaigns.errors.notAwaiting"));
    await schedule(tx, plan);
    await recordAudit(
      user.workspaceId,
      user.userId,
      { action: "campaign.approved", targetType: "campaign", targetId: id },
      tx,
    );
  });
}

/** Sends it back to its author as a draft, with the reason. */
export async function rejectCampaign(user: CurrentUser, id: string, reason: string): Promise<void> {
  await transition(
    user,
    id,
    ["AWAITING_APPROVAL"],
    "DRAFT",
    messageKey("campaigns.statusReason.sentBack", { reason }),
    "campaign.rejected",
    messageKey("campaigns.errors.notAwaiting"),
  );
}

async function transition(
  user: CurrentUser,
  id: string,
  from: CampaignStatus[],
  to: CampaignStatus,
  /** Stored as a message key with its values, translated where it is shown (rows from before stay English). */
  statusReason: string | null,
  action: string,
  conflict: string,
) {
  await findCampaign(user.workspaceId, id);
  await db.$transaction(async (tx) => {
    const { count } = await tx.campaign.updateMany({
      where: { id, workspaceId: user.workspaceId, status: { in: from } },
      data: { status: to, statusReason },
    });
    if (!count) throw new ConflictError(conflict);
    if (to === "CANCELLED") {
      await tx.message.updateMany({
        where: { campaignId: id, state: "QUEUED" },
        data: { state: "SKIPPED", skipReason: "cancelled" },
      });
      await cancelJob(campaignStartJob, campaignStartKey(id), tx);
    }
    await recordAudit(user.workspaceId, user.userId, { action, targetType: "campaign", targetId: id }, tx);
    await tx.$executeRaw`SELECT pg_notify(${DISPATCH_CHANNEL}, ${id})`;
  });
}

export const pauseCampaign = (user: CurrentUser, id: string) =>
  transition(
    user,
    id,
    ["SENDING", "SCHEDULED"],
    "PAUSED",
    messageKey("campaigns.statusReason.pausedBy", { name: user.name }),
    "campaign.paused",
    messageKey("campaigns.errors.notPausable"),
  );

export async function resumeCampaign(user: CurrentUser, id: string) {
  const started = await db.message.count({ where: { campaignId: id, workspaceId: user.workspaceId } });
  // A campaign paused before its start goes back to waiting for it (the start job is still queued).
  await transition(
    user,
    id,
    ["PAUSED"],
    started ? "SENDING" : "SCHEDULED",
    null,
    "campaign.resumed",
    messageKey("campaigns.errors.notPaused"),
  );
}

export const cancelCampaign = (user: CurrentUser, id: string) =>
  transition(
    user,
    id,
    ["SCHEDULED", "AWAITING_APPROVAL", "SENDING", "PAUSED"],
    "CANCELLED",
    messageKey("campaigns.statusReason.cancelledBy", { name: user.name }),
    "campaign.cancelled",
    messageKey("campaigns.errors.finished"),
  );

export async function deleteDraft(user: CurrentUser, id: string) {
  const { count } = await db.campaign.deleteMany({ where: { id, workspaceId: user.workspaceId, status: "DRAFT" } });
  if (!count) throw new ConflictError(messageKey("campaigns.errors.deleteNotDraft"));
  await recordAudit(user.workspaceId, user.userId, {
    action: "campaign.deleted",
    targetType: "campaign",
    targetId: id,
  });
}

/**
 * The start (a job at the scheduled time): the audience is evaluated again and one INSERT … SELECT
 * makes a message row per recipient, queued with its send time or skipped with its reason.
 * Idempotent: it acts only on a SCHEDULED campaign, and (campaign, contact) is unique.
 */
export async function startCampaign(campaignId: string): Promise<void> {
  const found = await db.campaign.findUnique({
    where: { id: campaignId },
    select: { workspaceId: true, status: true },
  });
  if (found?.status !== "SCHEDULED") return;
  const plan = await loadPlan(found.workspaceId, campaignId);
  const audience = await audiencePlan(plan);
  const zone = plan.workspace.timeZone;
  const sendAt =
    plan.schedule.mode === "local"
      ? Prisma.sql`GREATEST(now(), ${plan.schedule.at}::timestamp AT TIME ZONE COALESCE(z.name, ${zone}))`
      : Prisma.sql`now()`;
  await db.$transaction(
    async (tx) => {
      const [locked] = await tx.$queryRaw<
        { status: CampaignStatus }[]
      >`SELECT status FROM "Campaign" WHERE id = ${campaignId} FOR UPDATE`;
      if (locked?.status !== "SCHEDULED") return;
      await tx.$executeRaw`
        WITH zones AS MATERIALIZED (SELECT name FROM pg_timezone_names)
        INSERT INTO "Message" (id, "workspaceId", "campaignId", "contactId", state, "skipReason", "nextAttemptAt")
        SELECT gen_random_uuid()::text, ${found.workspaceId}, ${campaignId}, a.id,
               (CASE WHEN a.skip IS NULL THEN 'QUEUED' ELSE 'SKIPPED' END)::"MessageState", a.skip,
               CASE WHEN a.skip IS NULL THEN ${sendAt} END
        FROM (${audienceSql(audience)}) a LEFT JOIN zones z ON z.name = a."timeZone"
        ON CONFLICT ("campaignId", "contactId") DO NOTHING`;
      await tx.campaign.update({ where: { id: campaignId }, data: { status: "SENDING", launchedAt: new Date() } });
      await tx.$executeRaw`SELECT pg_notify(${DISPATCH_CHANNEL}, ${campaignId})`;
    },
    { timeout: 600_000 },
  );
}
