// Privacy requests: everything held on a contact, and erasure that keeps an anonymised suppression.
import "server-only";
import { createHmac } from "node:crypto";
import { recordAudit } from "@/lib/audit/service";
import { db, type Prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";
import { getContactDetail } from "./queries";

/** A keyed hash: the number cannot be read back from it, but the same number always gives the same hash. */
export function phoneHash(workspaceId: string, phone: string): string {
  // Keyed with ENCRYPTION_KEY, which must stay stable anyway (it decrypts the stored tokens).
  return createHmac("sha256", env().ENCRYPTION_KEY).update(`${workspaceId}:${phone}`).digest("hex");
}

export async function suppressedSince(
  workspaceId: string,
  phone: string,
  tx: Pick<typeof db, "suppression"> = db,
): Promise<Date | null> {
  const row = await tx.suppression.findUnique({
    where: { workspaceId_phoneHash: { workspaceId, phoneHash: phoneHash(workspaceId, phone) } },
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
  const contact = await db.contact.findFirst({ where: { id, workspaceId }, select: { id: true, phone: true } });
  if (!contact) throw new NotFoundError("That contact");
  await db.$transaction(async (tx: Prisma.TransactionClient) => {
    await tx.suppression.upsert({
      where: { workspaceId_phoneHash: { workspaceId, phoneHash: phoneHash(workspaceId, contact.phone) } },
      create: {
        workspaceId,
        phoneHash: phoneHash(workspaceId, contact.phone),
        reason: "Erased at the person's request",
      },
      update: {},
    });
    await tx.contact.delete({ where: { id: contact.id } });
    // The consent log has no foreign key to cascade (schema.prisma). Deleted after the contact: a consent change
    // being written for them meanwhile (recordConsentEvent locks the contact) has been committed by now.
    await tx.consentEvent.deleteMany({ where: { workspaceId, contactId: contact.id } });
    await tx.contactEvent.deleteMany({ where: { workspaceId, contactId: contact.id } });
    // The number also stands in Meta's status events, stored webhook bodies and earlier audit details.
    const digits = contact.phone.replace(/^\+/, "");
    await tx.messageStatusEvent.deleteMany({ where: { workspaceId, recipient: digits } });
    // Only this workspace's deliveries (another workspace may know the same number), known by the number ids
    // they name, and searched as bytes: a body that is not valid UTF-8 made convert_from() fail the erasure.
    await tx.$executeRaw`
      DELETE FROM "WebhookDelivery" d
      WHERE d."processedAt" IS NOT NULL
        AND position(convert_to(${digits}, 'UTF8') in d."rawBody") > 0
        AND (d."workspaceId" = ${workspaceId} OR EXISTS (
          SELECT 1 FROM "WhatsAppAccount" a
          WHERE a."workspaceId" = ${workspaceId}
            AND position(convert_to('"' || a."phoneNumberId" || '"', 'UTF8') in d."rawBody") > 0))`;
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
