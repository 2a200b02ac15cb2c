// Finds the contact a webhook, an import row or an API call is about (docs/identity.md): by BSUID first, then
// by phone; creates it when neither is known; learns identifiers it lacked (each change kept in
// ContactIdentityChange); and merges two records when one event shows they are the same person.
import "server-only";
import { normaliseUsername } from "@/lib/contacts/identity";
import { newContactId } from "@/lib/contacts/ids";
import { Prisma } from "@/lib/db/client";
import type { IdentityKind } from "@/lib/db/generated/enums";
import { mergeContacts } from "./merge";

type Tx = Prisma.TransactionClient;

export type IdentityInput = {
  /** E.164 with the "+" (callers normalise). */
  phone?: string | null;
  bsuid?: string | null;
  parentBsuid?: string | null;
  username?: string | null;
  /** A profile name: kept only when the contact has none. */
  name?: string | null;
};

type Row = {
  id: string;
  phone: string | null;
  bsuid: string | null;
  parentBsuid: string | null;
  username: string | null;
  createdAt: Date;
};

export type Resolved = { id: string; created: boolean; merged: boolean };

/** The contact for these identifiers in `workspaceId`, created or completed as needed; null if none was given. */
export async function resolveContact(
  tx: Tx,
  workspaceId: string,
  input: IdentityInput,
  source: string,
  at: Date = new Date(),
): Promise<Resolved | null> {
  const phone = input.phone || null;
  const bsuid = input.bsuid || null;
  if (!phone && !bsuid) return null;
  const username = normaliseUsername(input.username);

  const found = await find(tx, workspaceId, phone, bsuid);
  let byBsuid = bsuid ? found.find((r) => r.bsuid === bsuid) : undefined;
  const byPhone = phone ? found.find((r) => r.phone === phone) : undefined;

  if (!byBsuid && !byPhone) {
    // Two deliveries about a new person may race: the loser's insert does nothing, and it finds the winner's.
    const created = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "Contact" (id, "workspaceId", phone, bsuid, "parentBsuid", username, name, "updatedAt")
      VALUES (${newContactId()}, ${workspaceId}, ${phone}, ${bsuid}, ${input.parentBsuid || null}, ${username}, ${input.name || null}, now())
      ON CONFLICT DO NOTHING RETURNING id`;
    if (created[0]) return { id: created[0].id, created: true, merged: false };
    return resolveContact(tx, workspaceId, input, source, at);
  }

  let merged = false;
  let contact = (byBsuid ?? byPhone)!;
  if (byBsuid && byPhone && byBsuid.id !== byPhone.id) {
    // The older record survives (usually the one imported with its opt-in); the newer one's identity moves to it.
    const [survivor, absorbed] = byBsuid.createdAt <= byPhone.createdAt ? [byBsuid, byPhone] : [byPhone, byBsuid];
    await mergeContacts(tx, workspaceId, survivor.id, absorbed.id, source);
    contact = (await find(tx, workspaceId, null, null, survivor.id))[0]!;
    byBsuid = contact;
    merged = true;
  }

  const changes: { kind: IdentityKind; previous: string | null; next: string }[] = [];
  const learn = (kind: IdentityKind, previous: string | null, next: string | null) => {
    if (next && next !== previous) changes.push({ kind, previous, next });
  };
  // A phone the contact lacks, or a new one under the same BSUID; a BSUID it lacks, or a new one for the phone.
  learn("PHONE", contact.phone, phone);
  learn("BSUID", contact.bsuid, bsuid);
  learn("PARENT_BSUID", contact.parentBsuid, input.parentBsuid || null);
  learn("USERNAME", contact.username, username);
  if (changes.length > 0 || input.name) {
    const value = (kind: IdentityKind) => changes.find((c) => c.kind === kind)?.next;
    await tx.$executeRaw`
      UPDATE "Contact" SET
        phone = COALESCE(${value("PHONE") ?? null}, phone),
        bsuid = COALESCE(${value("BSUID") ?? null}, bsuid),
        "parentBsuid" = COALESCE(${value("PARENT_BSUID") ?? null}, "parentBsuid"),
        username = COALESCE(${value("USERNAME") ?? null}, username),
        name = COALESCE(name, ${input.name || null}),
        "updatedAt" = now()
      WHERE id = ${contact.id}`;
  }
  if (changes.length > 0) {
    await tx.contactIdentityChange.createMany({
      data: changes.map((c) => ({ workspaceId, contactId: contact.id, ...c, source, occurredAt: at })),
    });
  }
  return { id: contact.id, created: false, merged };
}

/**
 * A change WhatsApp announces (a `system` message): the person behind `from` now has a new phone
 * (user_changed_number) or a new BSUID (user_changed_user_id). Applied to the contact known by the old one.
 */
export async function applyIdentityChange(
  tx: Tx,
  workspaceId: string,
  change: { old: IdentityInput; next: IdentityInput },
  source: string,
  at: Date,
): Promise<Resolved | null> {
  const known = await resolveContact(tx, workspaceId, change.old, source, at);
  if (!known) return null;
  const taken = await find(tx, workspaceId, change.next.phone || null, change.next.bsuid || null);
  const other = taken.find((r) => r.id !== known.id);
  if (other) {
    // The new identifier already names another record: the same person twice. Merge, then note the change.
    await mergeContacts(tx, workspaceId, known.id, other.id, source);
  }
  const rows = await tx.$queryRaw<Row[]>`SELECT id, phone, bsuid FROM "Contact" WHERE id = ${known.id}`;
  const before = rows[0]!;
  const updates: { kind: IdentityKind; previous: string | null; next: string }[] = [];
  if (change.next.phone && change.next.phone !== before.phone)
    updates.push({ kind: "PHONE", previous: before.phone, next: change.next.phone });
  if (change.next.bsuid && change.next.bsuid !== before.bsuid)
    updates.push({ kind: "BSUID", previous: before.bsuid, next: change.next.bsuid });
  if (updates.length === 0) return known;
  await tx.$executeRaw`
    UPDATE "Contact" SET
      phone = COALESCE(${change.next.phone || null}, phone),
      bsuid = COALESCE(${change.next.bsuid || null}, bsuid),
      unreachable = CASE WHEN ${change.next.phone || null}::text IS NULL THEN unreachable ELSE false END,
      "updatedAt" = now()
    WHERE id = ${known.id}`;
  await tx.contactIdentityChange.createMany({
    data: updates.map((u) => ({ workspaceId, contactId: known.id, ...u, source, occurredAt: at })),
  });
  return known;
}

async function find(tx: Tx, workspaceId: string, phone: string | null, bsuid: string | null, id?: string) {
  // Locked: a merge or a change decided on these rows holds until the transaction ends.
  return tx.$queryRaw<Row[]>`
    SELECT id, phone, bsuid, "parentBsuid", username, "createdAt" FROM "Contact"
    WHERE "workspaceId" = ${workspaceId} AND "mergedIntoId" IS NULL
      AND (${id ? Prisma.sql`id = ${id}` : Prisma.sql`(bsuid = ${bsuid} OR phone = ${phone})`})
    ORDER BY id FOR UPDATE`;
}
