// Privacy requests: everything held on a contact, and erasure that keeps an anonymised suppression.
import "server-only";
import { createHmac } from "node:crypto";
import { recordAudit } from "@/lib/audit/service";
import { db, type Prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";
import { getContactDetail } from "./queries";

/**
 * A keyed hash of an identifier (a phone or a BSUID, which cannot be confused: one starts with "+"): it
 * cannot be read back, but the same identifier always gives the same hash.
 */
export function identityHash(workspaceId: string, identifier: string): string {
  // Keyed with ENCRYPTION_KEY, which must stay stable anyway (it decrypts the stored tokens).
  return createHmac("sha256", env().ENCRYPTION_KEY).update(`${workspaceId}:${identifier}`).digest("hex");
}

/** When a person known by any of these identifiers was erased (and so may not be added back), else null. */
export async function suppressedSince(
  workspaceId: string,
  identifiers: { phone?: string | null; bsuid?: string | null },
  tx: Pick<typeof db, "suppression"> = db,
): Promise<Date | null> {
  const hashes = [identifiers.phone, identifiers.bsuid]
    .filter((id): id is string => Boolean(id))
    .map((id) => identityHash(workspaceId, id));
  if (hashes.length === 0) return null;
  const row = await tx.suppression.findFirst({
    where: { workspaceId, identityHash: { in: hashes } },
    select: { createdAt: true },
  });
  return row?.createdAt ?? null;
}

/** Everything Parley holds on one person, for a subject access request. */
export async function exportContactData(workspaceId: string, id: string) {
  const detail = await getContactDetail(workspaceId, id);
  return { exportedAt: new Date().toISOString(), contact: detail };
}

/** Deletes the contact and everything about them, keeping only the suppression and an audit line. */
export async function eraseContact(workspaceId: string, actorId: string, id: string) {
  const contact = await db.contact.findFirst({
    where: { id, workspaceId },
    select: { id: true, phone: true, bsuid: true },
  });
  if (!contact) throw new NotFoundError("contact");
  const identifiers = [contact.phone, contact.bsuid].filter((i): i is string => Boolean(i));
  await db.$transaction(async (tx: Prisma.TransactionClient) => {
    await tx.suppression.createMany({
      data: identifiers.map((i) => ({
        workspaceId,
        identityHash: identityHash(workspaceId, i),
        reason: "Erased at the person's request",
      })),
      skipDuplicates: true,
    });
    await tx.contact.delete({ where: { id: contact.id } });
    // The consent log has no foreign key to cascade (schema.prisma). Deleted after the contact: a consent change
    // being written for them meanwhile (recordConsentEvent locks the contact) has been committed by now.
    await tx.consentEvent.deleteMany({ where: { workspaceId, contactId: contact.id } });
    await tx.contactEvent.deleteMany({ where: { workspaceId, contactId: contact.id } });
    // The number and the BSUID also stand in Meta's status events, stored webhook bodies and audit details.
    const inWebhooks = identifiers.map((i) => i.replace(/^\+/, ""));
    await tx.messageStatusEvent.deleteMany({ where: { workspaceId, recipient: { in: inWebhooks } } });
    // Only this workspace's deliveries (another workspace may know the same number), known by the number ids
    // they name, and searched as bytes: a body that is not valid UTF-8 made convert_from() fail the erasure.
    for (const text of inWebhooks) {
      await tx.$executeRaw`
        DELETE FROM "WebhookDelivery" d
        WHERE d."processedAt" IS NOT NULL
          AND position(convert_to(${text}, 'UTF8') in d."rawBody") > 0
          AND (d."workspaceId" = ${workspaceId} OR EXISTS (
            SELECT 1 FROM "WhatsAppAccount" a
            WHERE a."workspaceId" = ${workspaceId}
              AND position(convert_to('"' || a."phoneNumberId" || '"', 'UTF8') in d."rawBody") > 0))`;
    }
    await tx.auditLog.updateMany({
      where: { workspaceId, targetId: contact.id },
      data: { details: { redacted: "contact erased" } },
    });
    await recordAudit(
      workspaceId,
      actorId,
      { action: "contact.erased", targetType: "contact", targetId: contact.id },
      tx,
    );
  });
}
