// Events from the business's own systems ("order.shipped", "cart.abandoned"): stored in ContactEvent, one
// row each, for journeys to consume (processedAt stays null until they do). A contact named by phone (or
// WhatsApp user id) that Parley does not know yet is created (a bare contact, as PUT /contacts would), unless the caller says not
// to or the number is suppressed. A batch is answered item by item: one bad event never loses the others.
import "server-only";
import { randomBytes } from "node:crypto";
import { upsertContacts, type ItemError } from "@/lib/contacts/api";
import { normalisePhone } from "@/lib/contacts/phone";
import { db } from "@/lib/db/client";
import { JOURNEYS_CHANNEL, notifySoon } from "@/lib/db/notify";
import { NotFoundError, ValidationError } from "@/lib/errors";

export type EventInput = {
  name: string;
  contact: { id?: string; phone?: string; bsuid?: string };
  properties: Record<string, unknown>;
  occurredAt?: Date;
  /** Create the contact when a phone is not known yet (the default). */
  createContact: boolean;
};

export type EventResult =
  | { index: number; ok: true; id: string; contactId: string; contactCreated: boolean }
  | { index: number; ok: false; errors: ItemError[]; notFound?: boolean };

const newId = () => `e${randomBytes(12).toString("hex")}`;

/**
 * Stores each valid event for its contact. Contacts are looked up (and created) for the whole batch at
 * once, and the events inserted in one statement that locks their contacts as a foreign key would: an
 * erasure at the same time waits for them, or leaves nothing to attach them to.
 */
export async function recordEvents(
  workspaceId: string,
  apiKeyId: string | null,
  items: ({ ok: true; value: EventInput } | { ok: false; errors: ItemError[] })[],
): Promise<EventResult[]> {
  const results: (EventResult | undefined)[] = new Array(items.length);
  const fail = (index: number, errors: ItemError[], notFound = false) =>
    (results[index] = { index, ok: false, errors, ...(notFound ? { notFound } : {}) });
  const valid = items.flatMap((item, index) => (item.ok ? [{ index, ...item.value }] : (fail(index, item.errors), [])));

  // Contacts named by id: in this workspace, or not found.
  const ids = [...new Set(valid.flatMap((e) => (e.contact.id ? [e.contact.id] : [])))];
  const known = new Set(
    ids.length
      ? (await db.contact.findMany({ where: { workspaceId, id: { in: ids } }, select: { id: true } })).map((c) => c.id)
      : [],
  );
  // Contacts named by phone (normalised as everywhere) or by WhatsApp user id: looked up, and the missing
  // ones created in one batch. Each is keyed by what names it, e.g. "+34610000001" or "ES.1349…".
  const keys = new Map<number, { phone: string } | { bsuid: string }>();
  const byPhone = valid.filter((e) => e.contact.phone !== undefined);
  if (byPhone.length) {
    const { defaultCountry } = await db.workspace.findUniqueOrThrow({
      where: { id: workspaceId },
      select: { defaultCountry: true },
    });
    for (const e of byPhone) {
      const parsed = normalisePhone(e.contact.phone!, defaultCountry);
      if (parsed.ok) keys.set(e.index, { phone: parsed.e164 });
      else
        fail(e.index, [
          {
            field: "contact.phone",
            message: `${e.contact.phone} is not a phone number Parley can use: ${parsed.reason}.`,
          },
        ]);
    }
  }
  for (const e of valid) if (e.contact.bsuid !== undefined) keys.set(e.index, { bsuid: e.contact.bsuid });
  const keyOf = (k: { phone: string } | { bsuid: string }) => ("phone" in k ? k.phone : k.bsuid);
  const named = [...keys.values()];
  const phones = [...new Set(named.flatMap((k) => ("phone" in k ? [k.phone] : [])))];
  const bsuids = [...new Set(named.flatMap((k) => ("bsuid" in k ? [k.bsuid] : [])))];
  const existing = new Map<string, string>();
  if (named.length) {
    const found = await db.contact.findMany({
      where: { workspaceId, OR: [{ phone: { in: phones } }, { bsuid: { in: bsuids } }] },
      select: { id: true, phone: true, bsuid: true },
    });
    for (const c of found) {
      if (c.phone && phones.includes(c.phone)) existing.set(c.phone, c.id);
      if (c.bsuid && bsuids.includes(c.bsuid)) existing.set(c.bsuid, c.id);
    }
  }
  const toCreate = [
    ...new Map(
      valid
        .filter((e) => e.createContact && keys.has(e.index) && !existing.has(keyOf(keys.get(e.index)!)))
        .map((e) => [keyOf(keys.get(e.index)!), keys.get(e.index)!]),
    ).values(),
  ];
  const created = new Map<string, string>();
  const refused = new Map<string, ItemError[]>();
  if (toCreate.length) {
    const saved = await upsertContacts(
      workspaceId,
      toCreate.map((value) => ({ ok: true, value })),
    );
    saved.forEach((r, i) => {
      const key = keyOf(toCreate[i]!);
      if (!r.ok)
        refused.set(
          key,
          r.errors.map((e) => ({ ...e, field: `contact.${e.field}` })),
        );
      else if (r.created) created.set(key, r.id);
      else existing.set(key, r.id); // created by someone else meanwhile
    });
  }

  const rows: {
    id: string;
    idx: number;
    contact_id: string;
    name: string;
    properties: Record<string, unknown>;
    occurred_at: Date;
  }[] = [];
  const createdFor = new Map<number, boolean>();
  const receivedAt = new Date();
  for (const e of valid) {
    if (results[e.index]) continue;
    let contactId: string | undefined;
    if (e.contact.id !== undefined) {
      if (!known.has(e.contact.id)) {
        fail(e.index, [{ field: "contact.id", message: "No contact with this id in your workspace." }], true);
        continue;
      }
      contactId = e.contact.id;
    } else {
      const named = keys.get(e.index)!;
      const key = keyOf(named);
      if (refused.has(key)) {
        fail(e.index, refused.get(key)!);
        continue;
      }
      contactId = existing.get(key) ?? created.get(key);
      if (!contactId) {
        const [field, what] = "phone" in named ? ["phone", "the number"] : ["bsuid", "the WhatsApp user id"];
        fail(
          e.index,
          [
            {
              field: `contact.${field}`,
              message: `No contact with ${what} ${key} (send createContact: true to create it).`,
            },
          ],
          true,
        );
        continue;
      }
      // The first event for a contact this call created says so.
      createdFor.set(e.index, created.has(key) && !rows.some((r) => r.contact_id === contactId));
    }
    rows.push({
      id: newId(),
      idx: e.index,
      contact_id: contactId,
      name: e.name,
      properties: e.properties,
      occurred_at: e.occurredAt ?? receivedAt,
    });
  }

  if (rows.length) {
    const inserted = await db.$queryRaw<{ id: string }[]>`
      INSERT INTO "ContactEvent" (id, "workspaceId", "contactId", name, properties, "occurredAt", "receivedAt", "apiKeyId")
      SELECT r.id, ${workspaceId}, r.contact_id, r.name, r.properties, r.occurred_at, ${receivedAt}, ${apiKeyId}
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(id text, contact_id text, name text, properties jsonb, occurred_at timestamp(3))
      WHERE EXISTS (SELECT 1 FROM "Contact" c WHERE c.id = r.contact_id AND c."workspaceId" = ${workspaceId} FOR KEY SHARE)
      RETURNING id`;
    const stored = new Set(inserted.map((r) => r.id));
    if (stored.size) notifySoon(JOURNEYS_CHANNEL);
    for (const row of rows) {
      results[row.idx] = stored.has(row.id)
        ? {
            index: row.idx,
            ok: true,
            id: row.id,
            contactId: row.contact_id,
            contactCreated: createdFor.get(row.idx) ?? false,
          }
        : {
            index: row.idx,
            ok: false,
            errors: [{ field: "contact", message: "The contact was erased while the event was being stored." }],
            notFound: true,
          };
    }
  }
  return results.map((r, index) => r ?? { index, ok: false, errors: [{ field: "event", message: "Not stored." }] });
}

/** One event: its id, or the refusal as an error (404 for a contact that is not there). */
export async function recordEvent(workspaceId: string, apiKeyId: string | null, input: EventInput) {
  const [result] = await recordEvents(workspaceId, apiKeyId, [{ ok: true, value: input }]);
  if (result!.ok) return { id: result!.id, contactId: result!.contactId, contactCreated: result!.contactCreated };
  if (result!.notFound) throw new NotFoundError("contact");
  const fieldErrors: Record<string, string[]> = {};
  for (const e of result!.errors) (fieldErrors[e.field] ??= []).push(e.message);
  throw new ValidationError(result!.errors[0]!.message, fieldErrors);
}

/** A batch as the API answers it. Items refused by their own schema come as `invalid`. */
export async function recordEventBatch(
  workspaceId: string,
  apiKeyId: string | null,
  items: (EventInput | { invalid: ItemError[] })[],
) {
  const results = await recordEvents(
    workspaceId,
    apiKeyId,
    items.map((item) => ("invalid" in item ? { ok: false, errors: item.invalid } : { ok: true, value: item })),
  );
  return {
    accepted: results.filter((r) => r.ok).length,
    failed: results.filter((r) => !r.ok).length,
    results: results.map((r) =>
      r.ok
        ? { index: r.index, id: r.id, contactId: r.contactId, contactCreated: r.contactCreated }
        : { index: r.index, errors: r.errors },
    ),
  };
}
