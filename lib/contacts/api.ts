// Contacts as the public API writes and reads them: upsert by phone or WhatsApp user id (one or a batch of up to 1,000 in two
// statements, each item answered on its own), read one with its consent, list with an opaque cursor, and
// find or create the contact an event names. Numbers are normalised as the import does (the workspace's
// default country for national numbers), and a number erased at the person's request is refused, as the
// import refuses it: Parley keeps a suppression (a keyed hash) so that nothing brings them back.
import "server-only";
import { newContactId } from "./ids";
import { db, Prisma } from "@/lib/db/client";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { MAX_ATTRIBUTES_BYTES, normaliseTags } from "./fields";
import { normaliseUsername } from "./identity";
import { normalisePhone } from "./phone";
import { identityHash } from "./privacy";

export type AttributeValue = string | number | boolean;

/** One contact to create or update. Omitted fields are left as they are; null clears a field. */
export type ContactUpsert = {
  /** The contact is found by its phone when given, else by its BSUID (docs/identity.md). */
  phone?: string;
  /** WhatsApp's business-scoped user id. With a phone, it is added to a contact that has none. */
  bsuid?: string;
  username?: string | null;
  name?: string | null;
  /** Already normalised (lib/contacts/fields.ts). */
  locale?: string | null;
  timeZone?: string | null;
  /** Merged into the contact's attributes; a null value removes that attribute. */
  attributes?: Record<string, AttributeValue | null>;
  /** Replaces every tag. */
  tags?: string[];
  addTags?: string[];
  removeTags?: string[];
};

export type ItemError = { field: string; message: string };
export type UpsertResult =
  { index: number; ok: true; id: string; created: boolean } | { index: number; ok: false; errors: ItemError[] };

export const SUPPRESSED_MESSAGE =
  "This number was erased at the person's request and is suppressed: Parley does not store it again.";

async function workspaceCountry(workspaceId: string): Promise<string> {
  const workspace = await db.workspace.findUnique({ where: { id: workspaceId }, select: { defaultCountry: true } });
  if (!workspace) throw new NotFoundError("workspace");
  return workspace.defaultCountry;
}

function phoneMessage(input: string, reason: string, country: string): string {
  return `${input.trim() || "(empty)"} is not a phone number Parley can use: ${reason}. Write it in international format (+34610000001), or as a national number of ${country}, the workspace's default country.`;
}

/** Which of these identifiers (E.164 numbers, BSUIDs) are suppressed (erased at the person's request). */
async function suppressedIdentifiers(workspaceId: string, identifiers: string[]): Promise<Set<string>> {
  if (identifiers.length === 0) return new Set();
  const byHash = new Map(identifiers.map((p) => [identityHash(workspaceId, p), p]));
  const rows = await db.suppression.findMany({
    where: { workspaceId, identityHash: { in: [...byHash.keys()] } },
    select: { identityHash: true },
  });
  return new Set(rows.map((r) => byHash.get(r.identityHash)!));
}

type Row = {
  idx: number;
  id: string;
  phone: string | null;
  bsuid: string | null;
  username: string | null;
  username_set: boolean;
  // for a new contact
  name: string | null;
  locale: string | null;
  tz: string | null;
  attrs_new: Record<string, AttributeValue>;
  tags_new: string[];
  // for an existing one
  name_set: boolean;
  locale_set: boolean;
  tz_set: boolean;
  attrs_set: Record<string, AttributeValue>;
  attrs_remove: string[];
  tags_replace: boolean;
  tags: string[];
  add_tags: string[];
  remove_tags: string[];
};

function toRow(index: number, phone: string | null, item: ContactUpsert): Row {
  const attributes = Object.entries(item.attributes ?? {});
  const set = Object.fromEntries(attributes.filter(([, v]) => v !== null)) as Record<string, AttributeValue>;
  const tags = normaliseTags(item.tags ?? []);
  const add = normaliseTags(item.addTags ?? []);
  const remove = normaliseTags(item.removeTags ?? []);
  return {
    idx: index,
    id: newContactId(),
    phone,
    bsuid: item.bsuid ?? null,
    username: normaliseUsername(item.username),
    username_set: item.username !== undefined,
    name: item.name ?? null,
    locale: item.locale ?? null,
    tz: item.timeZone ?? null,
    attrs_new: set,
    tags_new: [...new Set([...tags, ...add])].filter((t) => !remove.includes(t)),
    name_set: item.name !== undefined,
    locale_set: item.locale !== undefined,
    tz_set: item.timeZone !== undefined,
    attrs_set: set,
    attrs_remove: attributes.filter(([, v]) => v === null).map(([k]) => k),
    tags_replace: item.tags !== undefined,
    tags,
    add_tags: add,
    remove_tags: remove,
  };
}

const ROW_COLUMNS = Prisma.sql`r(idx int, id text, phone text, bsuid text, username text, username_set boolean, name text, locale text, tz text, attrs_new jsonb, tags_new text[],
  name_set boolean, locale_set boolean, tz_set boolean, attrs_set jsonb, attrs_remove text[],
  tags_replace boolean, tags text[], add_tags text[], remove_tags text[])`;

/**
 * Creates or updates each contact by its phone number (or, without one, its BSUID), in a transaction of two
 * statements per key whatever the count. An item that cannot be saved (a number that is not one, suppressed,
 * given twice) is answered with
 * its errors and the others are saved. Items whose own fields are invalid are passed in as `invalid`.
 */
export async function upsertContacts(
  workspaceId: string,
  items: ({ ok: true; value: ContactUpsert } | { ok: false; errors: ItemError[] })[],
): Promise<UpsertResult[]> {
  const country = await workspaceCountry(workspaceId);
  const results: (UpsertResult | undefined)[] = new Array(items.length);
  const firstIndex = new Map<string, number>();
  const candidates: Row[] = [];
  items.forEach((item, index) => {
    if (!item.ok) {
      results[index] = { index, ok: false, errors: item.errors };
      return;
    }
    const fail = (field: string, message: string) =>
      (results[index] = { index, ok: false, errors: [{ field, message }] });
    let e164: string | null = null;
    if (item.value.phone !== undefined) {
      const phone = normalisePhone(item.value.phone, country);
      if (!phone.ok) return fail("phone", phoneMessage(item.value.phone, phone.reason, country));
      e164 = phone.e164;
    }
    const { bsuid } = item.value;
    if (e164 === null && !bsuid)
      return fail("phone", "Give the contact's phone number or its WhatsApp user id (bsuid).");
    const first = e164 === null ? undefined : firstIndex.get(e164);
    if (first !== undefined)
      return fail("phone", `Same number (${e164}) as item ${first}: send each contact once per call.`);
    const firstOfUser = bsuid ? firstIndex.get(bsuid) : undefined;
    if (firstOfUser !== undefined)
      return fail("bsuid", `Same WhatsApp user id (${bsuid}) as item ${firstOfUser}: send each contact once per call.`);
    if (e164 !== null) firstIndex.set(e164, index);
    if (bsuid) firstIndex.set(bsuid, index);
    candidates.push(toRow(index, e164, item.value));
  });
  const suppressed = await suppressedIdentifiers(
    workspaceId,
    candidates.flatMap((r) => [r.phone, r.bsuid].filter((i) => i !== null)),
  );
  const rows = candidates.filter((row) => {
    const erased = [row.phone, row.bsuid].find((i) => i !== null && suppressed.has(i));
    if (!erased) return true;
    const field = erased === row.phone ? "phone" : "bsuid";
    results[row.idx] = { index: row.idx, ok: false, errors: [{ field, message: SUPPRESSED_MESSAGE }] };
    return false;
  });

  const now = new Date();
  const byPhone = rows.filter((r) => r.phone !== null);
  const byUser = rows.filter((r) => r.phone === null);
  if (byPhone.length > 0) await db.$transaction((tx) => saveRows(tx, workspaceId, byPhone, "phone", now, results));
  if (byUser.length > 0) await db.$transaction((tx) => saveRows(tx, workspaceId, byUser, "bsuid", now, results));
  // A number neither created nor found: erased between the two statements.
  return results.map(
    (r, index) =>
      r ?? {
        index,
        ok: false,
        errors: [{ field: "phone", message: "This contact changed while it was being saved. Send it again." }],
      },
  );
}

/**
 * Creates or updates contacts found by one key (the phone, or for people without one the BSUID), in two
 * statements. A BSUID another contact already holds stays with it: the two records are merged when a message
 * names both (lib/identity/merge.ts).
 */
async function saveRows(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  rows: Row[],
  key: "phone" | "bsuid",
  now: Date,
  results: (UpsertResult | undefined)[],
) {
  const column = Prisma.raw(key === "phone" ? "phone" : "bsuid");
  const keyOf = (r: { phone: string | null; bsuid: string | null }) => (key === "phone" ? r.phone : r.bsuid);
  // New contacts first. DO NOTHING waits for a concurrent insert of the same key to commit; the second
  // statement (a new snapshot) then sees that row and updates it.
  const created = await tx.$queryRaw<{ id: string; phone: string | null; bsuid: string | null }[]>`
    INSERT INTO "Contact" (id, "workspaceId", phone, bsuid, username, name, locale, "timeZone", attributes, tags, "createdAt", "updatedAt")
    SELECT r.id, ${workspaceId}, r.phone,
           CASE WHEN r.phone IS NULL OR NOT EXISTS (SELECT 1 FROM "Contact" x WHERE x."workspaceId" = ${workspaceId} AND x.bsuid = r.bsuid)
                THEN r.bsuid END,
           r.username, r.name, r.locale, r.tz, r.attrs_new, r.tags_new, ${now}, ${now}
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS ${ROW_COLUMNS}
    ORDER BY r.${column}
    ON CONFLICT ("workspaceId", ${column}) DO NOTHING
    RETURNING id, phone, bsuid`;
  const createdKeys = new Set(created.map(keyOf));
  for (const row of rows) {
    if (createdKeys.has(keyOf(row))) results[row.idx] = { index: row.idx, ok: true, id: row.id, created: true };
  }
  const existing = rows.filter((r) => !createdKeys.has(keyOf(r)));
  if (existing.length === 0) return;
  // Existing contacts: only the fields given change. Attributes merge (null removes), tags are replaced
  // (`tags`) and/or added to and taken from (`addTags`, `removeTags`), in their order; a BSUID fills a gap.
  const updated = await tx.$queryRaw<{ idx: number; id: string; fits: boolean }[]>`
    WITH r AS (SELECT * FROM jsonb_to_recordset(${JSON.stringify(existing)}::jsonb) AS ${ROW_COLUMNS}),
    m AS (
      SELECT c.id, r.idx,
             COALESCE(c.bsuid, CASE WHEN NOT EXISTS (SELECT 1 FROM "Contact" x WHERE x."workspaceId" = ${workspaceId} AND x.bsuid = r.bsuid)
                                    THEN r.bsuid END) AS bsuid,
             CASE WHEN r.username_set THEN r.username ELSE c.username END AS username,
             CASE WHEN r.name_set THEN r.name ELSE c.name END AS name,
             CASE WHEN r.locale_set THEN r.locale ELSE c.locale END AS locale,
             CASE WHEN r.tz_set THEN r.tz ELSE c."timeZone" END AS tz,
             (c.attributes || r.attrs_set) - r.attrs_remove AS attributes,
             (SELECT COALESCE(array_agg(x.t ORDER BY x.o), '{}') FROM unnest(b.base || ARRAY(SELECT a FROM unnest(r.add_tags) a WHERE a <> ALL (b.base)))
                WITH ORDINALITY AS x(t, o) WHERE x.t <> ALL (r.remove_tags)) AS tags
      FROM r JOIN "Contact" c ON c."workspaceId" = ${workspaceId} AND c.${column} = r.${column}
      CROSS JOIN LATERAL (SELECT CASE WHEN r.tags_replace THEN r.tags ELSE c.tags END AS base) b
      ORDER BY c.id
      FOR UPDATE OF c),
    up AS (
      UPDATE "Contact" c SET bsuid = m.bsuid, username = m.username, name = m.name, locale = m.locale, "timeZone" = m.tz,
             attributes = m.attributes, tags = m.tags, "updatedAt" = ${now}
      FROM m WHERE c.id = m.id AND octet_length(m.attributes::text) <= ${MAX_ATTRIBUTES_BYTES}
      RETURNING c.id)
    SELECT m.idx, m.id, EXISTS (SELECT 1 FROM up WHERE up.id = m.id) AS fits FROM m`;
  for (const u of updated) {
    results[u.idx] = u.fits
      ? { index: u.idx, ok: true, id: u.id, created: false }
      : {
          index: u.idx,
          ok: false,
          errors: [
            {
              field: "attributes",
              message: `With these attributes the contact's would take more than ${MAX_ATTRIBUTES_BYTES / 1024} KB: remove some (set them to null) first.`,
            },
          ],
        };
  }
}

/** One contact: created or updated, or a ValidationError with field errors. */
export async function upsertContact(workspaceId: string, item: ContactUpsert) {
  const [result] = await upsertContacts(workspaceId, [{ ok: true, value: item }]);
  if (!result!.ok) {
    const fieldErrors: Record<string, string[]> = {};
    for (const e of result!.errors) (fieldErrors[e.field] ??= []).push(e.message);
    throw new ValidationError(result!.errors[0]!.message, fieldErrors);
  }
  return { created: result!.created, contact: await getApiContact(workspaceId, result!.id) };
}

/** A batch as the API answers it: counts, and per item its id or its errors. Items refused by their own schema come as `invalid`. */
export async function upsertContactBatch(workspaceId: string, items: (ContactUpsert | { invalid: ItemError[] })[]) {
  const results = await upsertContacts(
    workspaceId,
    items.map((item) => ("invalid" in item ? { ok: false, errors: item.invalid } : { ok: true, value: item })),
  );
  return {
    created: results.filter((r) => r.ok && r.created).length,
    updated: results.filter((r) => r.ok && !r.created).length,
    failed: results.filter((r) => !r.ok).length,
    results: results.map((r) =>
      r.ok ? { index: r.index, id: r.id, created: r.created } : { index: r.index, errors: r.errors },
    ),
  };
}

const CONTACT_SELECT = {
  id: true,
  phone: true,
  bsuid: true,
  username: true,
  name: true,
  locale: true,
  timeZone: true,
  attributes: true,
  tags: true,
  unreachable: true,
  createdAt: true,
  updatedAt: true,
  consents: {
    orderBy: { consentListId: "asc" },
    select: { optedIn: true, changedAt: true, consentList: { select: { id: true, name: true, category: true } } },
  },
} satisfies Prisma.ContactSelect;

type ContactRow = Prisma.ContactGetPayload<{ select: typeof CONTACT_SELECT }>;

function toApiContact(c: ContactRow) {
  return {
    id: c.id,
    phone: c.phone,
    bsuid: c.bsuid,
    username: c.username,
    name: c.name,
    locale: c.locale,
    timeZone: c.timeZone,
    attributes: (c.attributes ?? {}) as Record<string, AttributeValue>,
    tags: c.tags,
    unreachable: c.unreachable,
    consent: c.consents.map((s) => ({
      listId: s.consentList.id,
      list: s.consentList.name,
      category: s.consentList.category,
      optedIn: s.optedIn,
      changedAt: s.changedAt.toISOString(),
    })),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}
export type ApiContact = ReturnType<typeof toApiContact>;

export async function getApiContact(workspaceId: string, id: string): Promise<ApiContact> {
  const contact = await db.contact.findFirst({ where: { id, workspaceId }, select: CONTACT_SELECT });
  if (!contact) throw new NotFoundError("contact");
  return toApiContact(contact);
}

const encodeCursor = (id: string) => Buffer.from(`c:${id}`).toString("base64url");
function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  if (!/^c:[A-Za-z0-9_-]{1,64}$/.test(text)) {
    throw new ValidationError("This cursor is not one Parley gave: pass nextCursor from the previous page as it is.", {
      "query.cursor": ["Not a cursor Parley gave."],
    });
  }
  return text.slice(2);
}

/** Contacts in a stable order (by id), a page at a time; nextCursor is null on the last page. */
export async function listApiContacts(
  workspaceId: string,
  query: { cursor?: string; limit: number; phone?: string; bsuid?: string; tag?: string },
) {
  let phone: string | undefined;
  if (query.phone !== undefined) {
    const country = await workspaceCountry(workspaceId);
    const parsed = normalisePhone(query.phone, country);
    if (!parsed.ok) {
      const message = phoneMessage(query.phone, parsed.reason, country);
      throw new ValidationError(message, { "query.phone": [message] });
    }
    phone = parsed.e164;
  }
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await db.contact.findMany({
    where: {
      workspaceId,
      ...(after ? { id: { gt: after } } : {}),
      ...(phone ? { phone } : {}),
      ...(query.bsuid ? { bsuid: query.bsuid } : {}),
      ...(query.tag ? { tags: { has: query.tag.trim().toLowerCase() } } : {}),
    },
    orderBy: { id: "asc" },
    take: query.limit + 1,
    select: CONTACT_SELECT,
  });
  const page = rows.slice(0, query.limit);
  return {
    data: page.map(toApiContact),
    nextCursor: rows.length > query.limit ? encodeCursor(page.at(-1)!.id) : null,
  };
}
