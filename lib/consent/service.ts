// Consent events are appended, never changed; each contact's current state per list (ContactConsent) is
// kept in step in the same transaction. An event without a list applies to every list of its kind:
// an opt-out from STOP, WhatsApp's own setting or error 131050 stops all marketing at once.
import "server-only";
import { db, type Prisma } from "@/lib/db/client";
import type { ConsentAction, ConsentSource } from "@/lib/db/generated/enums";
import { NotFoundError } from "@/lib/errors";
import { emitConsentEvents } from "@/lib/outbound-webhooks/domain-events";
import { foldListState, OPT_OUT_SLACK_MS } from "./fold";

export type ConsentEventInput = {
  workspaceId: string;
  contactId: string;
  /** null: every marketing list (global opt-out or resume). */
  consentListId: string | null;
  action: ConsentAction;
  source: ConsentSource;
  proof?: string;
  actorId?: string | null;
  occurredAt?: Date;
};

type Tx = Prisma.TransactionClient;

/**
 * The event a journey that starts on an opt-in consumes (lib/journeys): stored with the business's own events,
 * under a name the public API cannot send (its names start with a letter).
 */
export const OPT_IN_EVENT = "$opted_in";

/** Appends the event and applies it to the contact's state, in the caller's transaction or a new one. */
export async function recordConsentEvent(input: ConsentEventInput, tx?: Tx): Promise<void> {
  if (!tx) return db.$transaction((t: Tx) => recordConsentEvent(input, t));
  // The log has no foreign keys (schema.prisma): the contact is checked and locked as a key check would do,
  // so an erasure at the same time waits for this event (and deletes it) or makes it fail, never leaves it behind.
  const contact = await tx.$queryRaw<unknown[]>`
    SELECT 1 FROM "Contact" WHERE id = ${input.contactId} AND "workspaceId" = ${input.workspaceId} FOR KEY SHARE`;
  if (contact.length === 0) throw new NotFoundError("contact");
  const occurredAt = input.occurredAt ?? new Date();
  await tx.consentEvent.create({
    data: {
      workspaceId: input.workspaceId,
      contactId: input.contactId,
      consentListId: input.consentListId,
      action: input.action,
      source: input.source,
      proof: input.proof,
      actorId: input.actorId ?? null,
      occurredAt,
    },
  });
  const changed = await applyToState(input, occurredAt, tx);
  const optedIn = changed.filter((c) => c.optedIn).map((c) => c.id);
  if (optedIn.length)
    await tx.$executeRaw`
      INSERT INTO "ContactEvent" (id, "workspaceId", "contactId", name, properties, "occurredAt")
      SELECT gen_random_uuid()::text, ${input.workspaceId}, ${input.contactId}, ${OPT_IN_EVENT},
        jsonb_build_object('consentListId', l, 'source', ${input.source}::text), ${occurredAt}
      FROM unnest(${optedIn}::text[]) l`;
  // The business's webhooks hear of lists whose state this event actually changed.
  await emitConsentEvents(tx, {
    workspaceId: input.workspaceId,
    contactId: input.contactId,
    source: input.source,
    occurredAt,
    optedIn,
    optedOut: changed.filter((c) => !c.optedIn).map((c) => c.id),
  });
}

type Changed = { id: string; optedIn: boolean }[];

/**
 * Keeps ContactConsent equal to the rule over the whole log (lib/consent/eligibility.ts), whatever order events
 * are recorded in. A list's own event recomputes that list from its log (lib/consent/fold.ts): an old event
 * recorded late can change what a later global resume meant for it. A global event updates every marketing
 * list of the contact below.
 */
async function applyToState(input: ConsentEventInput, occurredAt: Date, tx: Tx): Promise<Changed> {
  const { workspaceId, contactId } = input;
  if (input.consentListId) {
    const list = await tx.consentList.findFirst({
      where: { id: input.consentListId, workspaceId },
      select: { category: true },
    });
    if (!list) throw new NotFoundError("consentList");
    const marketing = list.category === "MARKETING";
    const log = await tx.consentEvent.findMany({
      where: {
        workspaceId,
        contactId,
        OR: [{ consentListId: input.consentListId }, ...(marketing ? [{ consentListId: null }] : [])],
      },
      select: { consentListId: true, action: true, occurredAt: true },
    });
    // The log holds the event just appended, so the list has an event of its own.
    const state = foldListState(log, input.consentListId, marketing)!;
    const key = { contactId_consentListId: { contactId, consentListId: input.consentListId } };
    const current = await tx.contactConsent.findUnique({ where: key, select: { optedIn: true } });
    await tx.contactConsent.upsert({
      where: key,
      update: state,
      create: { contactId, consentListId: input.consentListId, workspaceId, ...state },
    });
    return (current?.optedIn ?? false) === state.optedIn ? [] : [{ id: input.consentListId, optedIn: state.optedIn }];
  }
  if (input.action === "OPT_OUT") {
    // Closes every marketing list not changed after it (within its second: an opt-out wins a tie). Rows
    // already closed take its time too, so a late resume older than this opt-out cannot reopen them.
    const horizon = new Date(occurredAt.getTime() + OPT_OUT_SLACK_MS);
    return tx.$queryRaw<Changed>`
      WITH prev AS (SELECT "consentListId", "optedIn" FROM "ContactConsent" WHERE "contactId" = ${contactId}),
      upd AS (
        UPDATE "ContactConsent" cc SET "optedIn" = false, "changedAt" = GREATEST(cc."changedAt", ${occurredAt})
        FROM "ConsentList" l
        WHERE cc."contactId" = ${contactId} AND l.id = cc."consentListId" AND l.category = 'MARKETING' AND cc."changedAt" <= ${horizon}
        RETURNING cc."consentListId", cc."optedIn"
      )
      SELECT upd."consentListId" AS id, upd."optedIn" FROM upd JOIN prev USING ("consentListId") WHERE prev."optedIn" <> upd."optedIn"`;
  }
  // A resume (START, WhatsApp's setting) reopens the marketing lists the person had joined and not left:
  // those whose own newest event before it is an opt-in, and that nothing newer has changed. Open ones take
  // its time too, so a late opt-out older than the resume cannot close them. A global opt-out in the same
  // second wins.
  return tx.$queryRaw<Changed>`
    WITH prev AS (SELECT "consentListId", "optedIn" FROM "ContactConsent" WHERE "contactId" = ${contactId}),
    upd AS (
    UPDATE "ContactConsent" cc SET "optedIn" = true, "changedAt" = GREATEST(cc."changedAt", ${occurredAt})
    FROM "ConsentList" l
    WHERE cc."contactId" = ${contactId} AND l.id = cc."consentListId" AND l.category = 'MARKETING' AND cc."changedAt" <= ${occurredAt}
      AND NOT EXISTS (SELECT 1 FROM "ConsentEvent" g WHERE g."workspaceId" = ${workspaceId} AND g."contactId" = ${contactId}
                      AND g."consentListId" IS NULL AND g.action = 'OPT_OUT' AND g."occurredAt" >= ${occurredAt})
      AND (SELECT e.action FROM "ConsentEvent" e
           WHERE e."workspaceId" = ${workspaceId} AND e."contactId" = cc."contactId" AND e."consentListId" = cc."consentListId" AND e."occurredAt" <= ${occurredAt}
           ORDER BY e."occurredAt" DESC, e.action DESC LIMIT 1) = 'OPT_IN'
    RETURNING cc."consentListId", cc."optedIn"
    )
    SELECT upd."consentListId" AS id, upd."optedIn" FROM upd JOIN prev USING ("consentListId") WHERE prev."optedIn" <> upd."optedIn"`;
}
