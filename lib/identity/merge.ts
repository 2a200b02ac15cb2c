// Two records of one person become one (docs/identity.md): a contact imported by phone, and the same person
// who first wrote with a username and no phone, meet when a webhook names both. Everything follows the
// survivor: messages, inbound messages and the conversation, events, identity history and consent (the
// consent log is copied, never rewritten, and the survivor's state recomputed from the union of both logs).
import "server-only";
import { recordAudit } from "@/lib/audit/service";
import { foldListState } from "@/lib/consent/fold";
import type { Prisma } from "@/lib/db/client";

type Tx = Prisma.TransactionClient;

export type MergeResult = { survivorId: string; absorbedId: string; kept: boolean };

/**
 * Merges `absorbedId` into `survivorId` (both of `workspaceId`, both locked by the caller). The absorbed record
 * is deleted, unless it holds a campaign message that the survivor also received (a person counted twice by
 * one campaign): then it stays with that message only, without identity or consent, hidden from lists.
 */
export async function mergeContacts(
  tx: Tx,
  workspaceId: string,
  survivorId: string,
  absorbedId: string,
  source: string,
): Promise<MergeResult> {
  const [absorbed] = await tx.$queryRaw<
    { phone: string | null; bsuid: string | null; parentBsuid: string | null; username: string | null }[]
  >`
    UPDATE "Contact" a SET phone = NULL, bsuid = NULL, "parentBsuid" = NULL, username = NULL, "mergedIntoId" = ${survivorId}
    FROM "Contact" old WHERE a.id = old.id AND a.id = ${absorbedId} AND a."workspaceId" = ${workspaceId}
    RETURNING old.phone, old.bsuid, old."parentBsuid", old.username`;
  if (!absorbed) throw new Error(`mergeContacts: contact ${absorbedId} is not in workspace ${workspaceId}`);

  // The survivor takes what it lacks: identity, name, locale, zone; attributes and tags are united (its own win).
  await tx.$executeRaw`
    UPDATE "Contact" s SET
      phone = COALESCE(s.phone, ${absorbed.phone}),
      bsuid = COALESCE(s.bsuid, ${absorbed.bsuid}),
      "parentBsuid" = COALESCE(s."parentBsuid", ${absorbed.parentBsuid}),
      username = COALESCE(s.username, ${absorbed.username}),
      name = COALESCE(s.name, a.name),
      locale = COALESCE(s.locale, a.locale),
      "timeZone" = COALESCE(s."timeZone", a."timeZone"),
      attributes = a.attributes || s.attributes,
      tags = ARRAY(SELECT DISTINCT unnest(s.tags || a.tags)),
      "updatedAt" = now()
    FROM "Contact" a WHERE s.id = ${survivorId} AND a.id = ${absorbedId}`;

  // Messages follow, except a campaign's second message to the same person (unique per campaign and contact).
  await tx.$executeRaw`
    UPDATE "Message" m SET "contactId" = ${survivorId}
    WHERE m."contactId" = ${absorbedId}
      AND (m."campaignId" IS NULL OR NOT EXISTS (
        SELECT 1 FROM "Message" s WHERE s."contactId" = ${survivorId} AND s."campaignId" = m."campaignId"))`;
  await mergeConversations(tx, survivorId, absorbedId);
  await tx.$executeRaw`UPDATE "ContactEvent" SET "contactId" = ${survivorId} WHERE "contactId" = ${absorbedId}`;
  // Journeys follow too; where both were inside the same journey, the survivor's run goes on alone.
  await tx.$executeRaw`
    UPDATE "JourneyRun" SET status = 'EXITED', "endReason" = 'merged', "endedAt" = now(), "dueAt" = NULL, "waitEvent" = NULL, "waitSignal" = NULL
    WHERE "contactId" = ${absorbedId} AND status = 'ACTIVE' AND "journeyId" IN (
      SELECT "journeyId" FROM "JourneyRun" WHERE "contactId" = ${survivorId} AND status = 'ACTIVE')`;
  await tx.$executeRaw`UPDATE "JourneyRun" SET "contactId" = ${survivorId} WHERE "contactId" = ${absorbedId}`;
  await tx.$executeRaw`UPDATE "ContactIdentityChange" SET "contactId" = ${survivorId} WHERE "contactId" = ${absorbedId}`;
  // What the person answered in WhatsApp Flows, and the slots they booked, are the survivor's.
  await tx.$executeRaw`UPDATE "FlowResponse" SET "contactId" = ${survivorId} WHERE "contactId" = ${absorbedId}`;
  await tx.$executeRaw`UPDATE "Booking" SET "contactId" = ${survivorId} WHERE "contactId" = ${absorbedId}`;
  await mergeConsent(tx, workspaceId, survivorId, absorbedId);

  await tx.contactIdentityChange.create({
    data: { workspaceId, contactId: survivorId, kind: "MERGED", previous: absorbedId, next: survivorId, source },
  });
  await recordAudit(
    workspaceId,
    null,
    {
      action: "contact.merged",
      targetType: "contact",
      targetId: survivorId,
      details: { absorbedId, source, identifiers: absorbed },
    },
    tx,
  );

  const left = await tx.message.count({ where: { contactId: absorbedId } });
  if (left === 0) await tx.contact.delete({ where: { id: absorbedId } });
  return { survivorId, absorbedId, kept: left > 0 };
}

/** One conversation: the survivor's (or the absorbed one's, handed over), holding both threads. */
async function mergeConversations(tx: Tx, survivorId: string, absorbedId: string) {
  const [mine, theirs] = await Promise.all([
    tx.conversation.findUnique({ where: { contactId: survivorId }, select: { id: true } }),
    tx.conversation.findUnique({ where: { contactId: absorbedId }, select: { id: true } }),
  ]);
  if (theirs && !mine) {
    await tx.conversation.update({ where: { id: theirs.id }, data: { contactId: survivorId } });
  } else if (theirs && mine) {
    for (const table of ["InboundMessage", "OutboundMessage", "ConversationNote"] as const) {
      await tx.$executeRawUnsafe(
        `UPDATE "${table}" SET "conversationId" = $1 WHERE "conversationId" = $2`,
        mine.id,
        theirs.id,
      );
    }
    await tx.$executeRaw`
      UPDATE "Conversation" s SET
        "lastInboundAt" = GREATEST(s."lastInboundAt", t."lastInboundAt"),
        "lastActivityAt" = GREATEST(s."lastActivityAt", t."lastActivityAt"),
        "unreadCount" = s."unreadCount" + t."unreadCount",
        "assignedToId" = COALESCE(s."assignedToId", t."assignedToId"),
        "resolvedAt" = CASE WHEN s."resolvedAt" IS NULL OR t."resolvedAt" IS NULL THEN NULL ELSE GREATEST(s."resolvedAt", t."resolvedAt") END
      FROM "Conversation" t WHERE s.id = ${mine.id} AND t.id = ${theirs.id}`;
    await tx.conversation.delete({ where: { id: theirs.id } });
  }
  await tx.$executeRaw`UPDATE "InboundMessage" SET "contactId" = ${survivorId} WHERE "contactId" = ${absorbedId}`;
}

/**
 * The absorbed record's consent log is copied onto the survivor (same times, sources and proof, which names the
 * merge), then deleted; each list's state is the rule over the union (lib/consent/fold.ts), so an opt-out of
 * either record still stops what it stopped.
 */
async function mergeConsent(tx: Tx, workspaceId: string, survivorId: string, absorbedId: string) {
  await tx.$executeRaw`
    INSERT INTO "ConsentEvent" ("workspaceId", "contactId", "consentListId", action, source, proof, "actorId", "occurredAt", "recordedAt")
    SELECT "workspaceId", ${survivorId}, "consentListId", action, source,
      concat_ws(' ', proof, '(merged from contact ' || ${absorbedId} || ')'), "actorId", "occurredAt", "recordedAt"
    FROM "ConsentEvent" WHERE "workspaceId" = ${workspaceId} AND "contactId" = ${absorbedId}`;
  await tx.consentEvent.deleteMany({ where: { workspaceId, contactId: absorbedId } });
  await tx.contactConsent.deleteMany({ where: { contactId: absorbedId } });

  const log = await tx.consentEvent.findMany({
    where: { workspaceId, contactId: survivorId },
    select: { consentListId: true, action: true, occurredAt: true },
  });
  const listIds = [...new Set(log.map((e) => e.consentListId).filter((id): id is string => id !== null))];
  const lists = await tx.consentList.findMany({
    where: { workspaceId, id: { in: listIds } },
    select: { id: true, category: true },
  });
  for (const list of lists) {
    const state = foldListState(log, list.id, list.category === "MARKETING");
    if (!state) continue;
    await tx.contactConsent.upsert({
      where: { contactId_consentListId: { contactId: survivorId, consentListId: list.id } },
      update: state,
      create: { contactId: survivorId, consentListId: list.id, workspaceId, ...state },
    });
  }
}
