// Consent events are appended, never changed; each contact's current state per list (ContactConsent) is
// kept in step in the same transaction. An event without a list applies to every list of its kind:
// an opt-out from STOP, WhatsApp's own setting or error 131050 stops all marketing at once.
import "server-only";
import { db, type Prisma } from "@/lib/db/client";
import type { ConsentAction, ConsentSource } from "@/lib/db/generated/enums";
import { NotFoundError } from "@/lib/errors";

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

/** Appends the event and applies it to the contact's state, in the caller's transaction or a new one. */
export async function recordConsentEvent(input: ConsentEventInput, tx?: Tx): Promise<void> {
  if (!tx) return db.$transaction((t: Tx) => recordConsentEvent(input, t));
  // The log has no foreign keys (schema.prisma): the contact is checked and locked as a key check would do,
  // so an erasure at the same time waits for this event (and deletes it) or makes it fail, never leaves it behind.
  const contact = await tx.$queryRaw<unknown[]>`
    SELECT 1 FROM "Contact" WHERE id = ${input.contactId} AND "workspaceId" = ${input.workspaceId} FOR KEY SHARE`;
  if (contact.length === 0) throw new NotFoundError("That contact");
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
  const optedIn = input.action === "OPT_IN";
  if (input.consentListId) {
    await tx.contactConsent.upsert({
      where: { contactId_consentListId: { contactId: input.contactId, consentListId: input.consentListId } },
      update: { optedIn, changedAt: occurredAt },
      create: { contactId: input.contactId, consentListId: input.consentListId, workspaceId: input.workspaceId, optedIn, changedAt: occurredAt },
    });
    return;
  }
  // Global: an opt-out closes every marketing list; a resume reopens the lists the person had joined.
  // An event older than the list's last change (a late, out-of-order delivery) does not undo it. Meta's
  // timestamps are whole seconds, so an opt-out wins a tie within its second.
  const horizon = optedIn ? occurredAt : new Date(occurredAt.getTime() + 999);
  await tx.contactConsent.updateMany({
    where: {
      contactId: input.contactId,
      consentList: { category: "MARKETING" },
      optedIn: !optedIn,
      changedAt: { lte: horizon },
    },
    data: { optedIn, changedAt: occurredAt },
  });
}
