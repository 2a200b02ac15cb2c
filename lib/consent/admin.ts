// What admins do with consent by hand: record an opt-in with its proof or an opt-out, and export the
// full record of a list or a contact for an audit. Every change is an appended event, and audited.
import "server-only";
import { recordAudit } from "@/lib/audit/service";
import { toCsv } from "@/lib/csv";
import { db, Prisma } from "@/lib/db/client";
import { contactHandle } from "@/lib/contacts/identity";
import { suppressedSince } from "@/lib/contacts/privacy";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { usersById } from "@/lib/users/service";
import type { ConsentListInput, KeywordSettings, RecordConsentInput } from "./schemas";
import { recordConsentEvent } from "./service";

export async function recordConsentByAdmin(workspaceId: string, actorId: string, input: RecordConsentInput) {
  const [contact, list] = await Promise.all([
    db.contact.findFirst({
      where: { id: input.contactId, workspaceId },
      select: { id: true, phone: true, bsuid: true },
    }),
    db.consentList.findFirst({ where: { id: input.consentListId, workspaceId }, select: { id: true, name: true } }),
  ]);
  if (!contact) throw new NotFoundError("contact");
  if (!list) throw new NotFoundError("consentList");
  const suppressed = input.action === "OPT_IN" ? await suppressedSince(workspaceId, contact) : null;
  if (suppressed) {
    throw new ValidationError(
      messageKey("audiences.errors.consent.erased", { date: suppressed.toISOString().slice(0, 10) }),
    );
  }
  await db.$transaction(async (tx) => {
    await recordConsentEvent(
      {
        workspaceId,
        contactId: contact.id,
        consentListId: list.id,
        action: input.action,
        source: input.source,
        proof: input.proof || undefined,
        actorId,
      },
      tx,
    );
    await recordAudit(
      workspaceId,
      actorId,
      {
        action: input.action === "OPT_IN" ? "consent.opted_in" : "consent.opted_out",
        targetType: "contact",
        targetId: contact.id,
        details: { list: list.name, source: input.source },
      },
      tx,
    );
  });
}

/**
 * The full consent record of a list (its events and the global ones that apply to it) or of one contact
 * (every event about them), oldest first, for an audit.
 */
export async function exportConsentRecord(
  workspaceId: string,
  scope: { consentListId: string } | { contactId: string },
) {
  let title: string;
  let which: Prisma.Sql;
  if ("consentListId" in scope) {
    const list = await db.consentList.findFirst({
      where: { id: scope.consentListId, workspaceId },
      select: { name: true },
    });
    if (!list) throw new NotFoundError("consentList");
    title = list.name;
    which = Prisma.sql`(e."consentListId" = ${scope.consentListId} OR e."consentListId" IS NULL)`;
  } else {
    const contact = await db.contact.findFirst({
      where: { id: scope.contactId, workspaceId },
      select: { phone: true, bsuid: true, username: true },
    });
    if (!contact) throw new NotFoundError("contact");
    title = contactHandle(contact);
    which = Prisma.sql`e."contactId" = ${scope.contactId}`;
  }
  // The log has no foreign keys (schema.prisma): its contacts and lists are joined here.
  const events = await db.$queryRaw<
    {
      occurredAt: Date;
      recordedAt: Date;
      action: string;
      source: string;
      proof: string | null;
      actorId: string | null;
      phone: string | null;
      bsuid: string | null;
      username: string | null;
      name: string | null;
      consentListId: string | null;
      list: string | null;
    }[]
  >`SELECT e."occurredAt", e."recordedAt", e.action::text, e.source::text, e.proof, e."actorId", c.phone, c.bsuid, c.username, c.name, e."consentListId", l.name AS list
    FROM "ConsentEvent" e
    JOIN "Contact" c ON c.id = e."contactId"
    LEFT JOIN "ConsentList" l ON l.id = e."consentListId"
    WHERE e."workspaceId" = ${workspaceId} AND ${which}
    ORDER BY e."occurredAt", e.id`;
  const actors = await usersById(events.map((e) => e.actorId));
  const rows = events.map((e) => ({
    occurredAt: e.occurredAt.toISOString(),
    recordedAt: e.recordedAt.toISOString(),
    phone: e.phone ?? "",
    whatsappUserId: e.bsuid ?? "",
    username: e.username ?? "",
    name: e.name ?? "",
    action: e.action,
    scope: e.consentListId ? (e.list ?? "A deleted list") : "All marketing lists",
    source: e.source,
    proof: e.proof ?? "",
    actor: e.actorId ? (actors.get(e.actorId)?.email ?? e.actorId) : "",
  }));
  return { title, rows };
}

/** A consent record as a download: ?format=csv (the default) or ?format=json. */
export function consentRecordDownload(
  format: "csv" | "json",
  { title, rows }: Awaited<ReturnType<typeof exportConsentRecord>>,
): Response {
  const name = `consent-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${new Date().toISOString().slice(0, 10)}`;
  if (format === "json") {
    return new Response(
      JSON.stringify({ record: title, exportedAt: new Date().toISOString(), events: rows }, null, 2),
      {
        headers: { "content-type": "application/json", "content-disposition": `attachment; filename="${name}.json"` },
      },
    );
  }
  return new Response(toCsv(CONSENT_EXPORT_COLUMNS, rows), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}.csv"` },
  });
}

export const CONSENT_EXPORT_COLUMNS = [
  "occurredAt",
  "recordedAt",
  "phone",
  "whatsappUserId",
  "username",
  "name",
  "action",
  "scope",
  "source",
  "proof",
  "actor",
] as const;

export async function createConsentList(workspaceId: string, actorId: string, input: ConsentListInput) {
  const existing = await db.consentList.findUnique({
    where: { workspaceId_name: { workspaceId, name: input.name } },
    select: { id: true },
  });
  if (existing) throw new ConflictError(messageKey("audiences.errors.consent.listTaken", { name: input.name }));
  const list = await db.consentList.create({
    data: { workspaceId, name: input.name, description: input.description || null, category: input.category },
    select: { id: true },
  });
  await recordAudit(workspaceId, actorId, {
    action: "consent_list.created",
    targetType: "consent_list",
    targetId: list.id,
    details: { name: input.name },
  });
  return list;
}

export async function getKeywordSettings(workspaceId: string) {
  return db.workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: { optOutKeywords: true, optInKeywords: true, optOutReply: true, optInReply: true },
  });
}

export async function updateKeywordSettings(workspaceId: string, actorId: string, settings: KeywordSettings) {
  await db.workspace.update({ where: { id: workspaceId }, data: settings });
  await recordAudit(workspaceId, actorId, {
    action: "consent.keywords_updated",
    targetType: "workspace",
    targetId: workspaceId,
    details: { optOut: settings.optOutKeywords, optIn: settings.optInKeywords },
  });
}
