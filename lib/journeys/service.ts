// Journey changes: a draft is created (from a starter) and saved; publishing freezes the draft as a new
// version that new people enter (people inside finish on theirs); pause, resume and stop. Every transition
// is a conditional UPDATE on the current status, so a double click changes a journey once; publishing,
// pausing and stopping are audited.
import "server-only";
import type { CurrentUser } from "@/lib/auth/guard";
import { recordAudit } from "@/lib/audit/service";
import { headerMediaKind, templateButtons, templateSlots, type TemplateVersion } from "@/lib/campaigns/render";
import { buttonTrigger, dateTrigger, keywordTrigger, segmentTrigger } from "@/lib/events/trigger-keys";
import { db, type Prisma } from "@/lib/db/client";
import type { JourneyStatus } from "@/lib/db/generated/enums";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { graphSchema, type Graph } from "./graph";
import { problems, type Problem } from "./graph-edit";
import type { StarterId } from "./starter-ids";
import { starterGraph } from "./starters";

/**
 * The trigger as the engine looks it up (lib/journeys/engine.ts): "event:<name>", "optIn:<list id>",
 * "flow:<flow id>", "keyword:<KEYWORD>", "button:<campaign id>:<button text>", "date:<journey id>" or
 * "segment:<journey id>" (a date or a segment entry is no event others share: lib/journeys/date-trigger.ts and
 * segment-trigger.ts write it for this journey alone).
 */
export function triggerKey(graph: Graph, journeyId: string): string {
  const { trigger } = graph;
  switch (trigger.kind) {
    case "event":
      return `event:${trigger.event}`;
    case "optIn":
      return `optIn:${trigger.consentListId}`;
    case "flow":
      return `flow:${trigger.flowId}`;
    case "keyword":
      return keywordTrigger(trigger.keyword);
    case "button":
      return buttonTrigger(trigger.campaignId, trigger.button);
    case "date":
      return dateTrigger(journeyId);
    case "segment":
      return segmentTrigger(journeyId);
  }
}

/** The workspace's templates by name, with the slots their approved versions need filled. */
export async function templateChoices(workspaceId: string) {
  const versions = await db.template.findMany({
    where: { workspaceId, status: "APPROVED" },
    select: { name: true, language: true, category: true, components: true, parameterFormat: true },
    orderBy: [{ name: "asc" }, { language: "asc" }],
  });
  const byName = new Map<
    string,
    { name: string; category: string; languages: string[]; slots: string[]; mediaHeader: boolean }
  >();
  for (const v of versions) {
    const entry = byName.get(v.name) ?? {
      name: v.name,
      category: v.category,
      languages: [],
      slots: [],
      mediaHeader: false,
    };
    entry.mediaHeader ||= headerMediaKind(v.components) !== null;
    entry.languages.push(v.language);
    for (const slot of templateSlots((v as TemplateVersion).components))
      if (!slot.optional && !entry.slots.includes(slot.key) && !slot.key.startsWith("card:") && slot.key !== "offer")
        entry.slots.push(slot.key);
    byName.set(v.name, entry);
  }
  return [...byName.values()];
}

/** Campaigns whose message has quick-reply buttons, newest first, with those buttons' texts: what a button trigger names. */
export async function campaignButtonChoices(workspaceId: string) {
  const campaigns = await db.campaign.findMany({
    where: { workspaceId, status: { not: "CANCELLED" }, template: { isNot: null } },
    select: { id: true, name: true, template: { select: { components: true } } },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  return campaigns
    .map((c) => ({
      id: c.id,
      name: c.name,
      buttons: templateButtons(c.template!.components)
        .filter((b) => b.type === "QUICK_REPLY" && b.text)
        .map((b) => String(b.text)),
    }))
    .filter((c) => c.buttons.length > 0);
}

/** What is wrong with a graph, templates included (the builder's list and publishing's check). */
export async function checkGraph(workspaceId: string, graph: Graph): Promise<Problem[]> {
  const [templates, lists, flows, campaigns, segments] = await Promise.all([
    templateChoices(workspaceId),
    db.consentList.findMany({ where: { workspaceId }, select: { id: true, category: true } }),
    db.flow.findMany({ where: { workspaceId, status: "PUBLISHED" }, select: { id: true } }),
    campaignButtonChoices(workspaceId),
    db.segment.findMany({ where: { workspaceId }, select: { id: true } }),
  ]);
  return problems(graph, { templates, lists, flows, campaigns, segments });
}

export async function createJourney(user: CurrentUser, name: string, starter: StarterId): Promise<{ id: string }> {
  const list =
    starter === "welcomeSeries"
      ? await db.consentList.findFirst({
          where: { workspaceId: user.workspaceId, category: "MARKETING" },
          orderBy: { createdAt: "asc" },
          select: { id: true },
        })
      : null;
  return db.journey.create({
    data: {
      workspaceId: user.workspaceId,
      name,
      draft: starterGraph(starter, list?.id) as Prisma.InputJsonValue,
      createdById: user.userId,
    },
    select: { id: true },
  });
}

async function find(user: CurrentUser, id: string) {
  const journey = await db.journey.findFirst({
    where: { id, workspaceId: user.workspaceId },
    select: { id: true, name: true, status: true, draft: true, liveVersionId: true, dateScanAt: true },
  });
  if (!journey) throw new NotFoundError();
  return journey;
}

/** Saves the draft (a live journey's draft is the next version; it changes nothing until published). */
export async function saveDraft(user: CurrentUser, id: string, name: string, graph: Graph): Promise<void> {
  const journey = await find(user, id);
  if (journey.status === "STOPPED") throw new ConflictError(messageKey("journeys.errors.stopped"));
  await db.journey.update({ where: { id }, data: { name, draft: graph as Prisma.InputJsonValue } });
}

/** Freezes the draft as the next version and makes it live: new people enter it; people inside stay on theirs. */
export async function publishJourney(user: CurrentUser, id: string): Promise<{ version: number }> {
  const journey = await find(user, id);
  if (journey.status === "STOPPED") throw new ConflictError(messageKey("journeys.errors.stopped"));
  const graph = graphSchema.parse(journey.draft);
  const found = await checkGraph(user.workspaceId, graph);
  if (found.length) throw new ValidationError(messageKey("journeys.errors.fixProblems"));
  // A segment trigger on another segment than the live version's starts over: its first look only records who is in.
  const live = journey.liveVersionId
    ? await db.journeyVersion.findUnique({ where: { id: journey.liveVersionId }, select: { graph: true } })
    : null;
  const liveTrigger = live ? graphSchema.parse(live.graph).trigger : null;
  const reseed =
    graph.trigger.kind === "segment" &&
    (liveTrigger?.kind !== "segment" || liveTrigger.segmentId !== graph.trigger.segmentId);
  return db.$transaction(async (tx) => {
    if (reseed) await tx.journeySegmentMember.deleteMany({ where: { journeyId: id } });
    const last = await tx.journeyVersion.aggregate({ where: { journeyId: id }, _max: { number: true } });
    const number = (last._max.number ?? 0) + 1;
    const version = await tx.journeyVersion.create({
      data: { journeyId: id, number, graph: graph as Prisma.InputJsonValue, publishedById: user.userId },
      select: { id: true },
    });
    const { count } = await tx.journey.updateMany({
      where: { id, status: { in: ["DRAFT", "LIVE", "PAUSED"] } },
      data: {
        liveVersionId: version.id,
        trigger: triggerKey(graph, id),
        // A date trigger looks at dates from its first publishing on, never at those already past.
        dateScanAt: journey.dateScanAt ?? new Date(),
        ...(reseed ? { segmentSeededAt: null } : {}),
        status: journey.status === "PAUSED" ? "PAUSED" : "LIVE",
      },
    });
    if (count === 0) throw new ConflictError(messageKey("journeys.errors.stopped"));
    await recordAudit(
      user.workspaceId,
      user.userId,
      {
        action: "journey.published",
        targetType: "journey",
        targetId: id,
        details: { name: journey.name, version: number },
      },
      tx,
    );
    return { version: number };
  });
}

const MOVES: Record<"pause" | "resume" | "stop", { from: JourneyStatus[]; to: JourneyStatus }> = {
  pause: { from: ["LIVE"], to: "PAUSED" },
  resume: { from: ["PAUSED"], to: "LIVE" },
  stop: { from: ["LIVE", "PAUSED"], to: "STOPPED" },
};

/** Pause (nobody enters or moves on), resume, or stop (everyone inside is let out; it takes nobody again). */
export async function moveJourney(user: CurrentUser, id: string, move: keyof typeof MOVES): Promise<void> {
  const journey = await find(user, id);
  const { from, to } = MOVES[move];
  await db.$transaction(async (tx) => {
    const { count } = await tx.journey.updateMany({ where: { id, status: { in: from } }, data: { status: to } });
    if (count === 0) throw new ConflictError(messageKey("journeys.errors.cannotMove"));
    if (to === "STOPPED")
      await tx.journeyRun.updateMany({
        where: { journeyId: id, status: "ACTIVE" },
        data: {
          status: "EXITED",
          endReason: "stopped",
          endedAt: new Date(),
          dueAt: null,
          waitEvent: null,
          waitSignal: null,
        },
      });
    await recordAudit(
      user.workspaceId,
      user.userId,
      {
        action: `journey.${move === "stop" ? "stopped" : move === "pause" ? "paused" : "resumed"}`,
        targetType: "journey",
        targetId: id,
        details: { name: journey.name },
      },
      tx,
    );
  });
}

/** Deletes a journey nobody has entered yet (a draft). */
export async function deleteJourney(user: CurrentUser, id: string): Promise<void> {
  const { count } = await db.journey.deleteMany({ where: { id, workspaceId: user.workspaceId, status: "DRAFT" } });
  if (count === 0) throw new ConflictError(messageKey("journeys.errors.notDraft"));
}
