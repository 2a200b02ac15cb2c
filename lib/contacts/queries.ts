import "server-only";
import { db, type Prisma } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { usersById } from "@/lib/users/service";

export const CONTACTS_PAGE_SIZE = 50;

export type ContactFilters = { q?: string; tag?: string; listId?: string; consent?: "in" | "out" };

function contactWhere(workspaceId: string, f: ContactFilters): Prisma.ContactWhereInput {
  const q = f.q?.trim();
  const digits = q?.replace(/[^\d]/g, "");
  return {
    workspaceId,
    mergedIntoId: null, // a record merged into another and kept only for its history is not a person to list
    ...(q
      ? {
          OR: [
            { name: { contains: q, mode: "insensitive" } },
            { username: { contains: q.replace(/^@/, ""), mode: "insensitive" } },
            { bsuid: q },
            ...(digits ? [{ phone: { contains: digits } }] : []),
          ],
        }
      : {}),
    ...(f.tag ? { tags: { has: f.tag } } : {}),
    ...(f.listId
      ? { consents: { some: { consentListId: f.listId, ...(f.consent ? { optedIn: f.consent === "in" } : {}) } } }
      : {}),
  };
}

/** One page of contacts in a stable order; `after` is the last id of the previous page. */
export async function listContacts(workspaceId: string, after?: string, filters: ContactFilters = {}) {
  const rows = await db.contact.findMany({
    where: contactWhere(workspaceId, filters),
    orderBy: { id: "asc" },
    take: CONTACTS_PAGE_SIZE + 1,
    ...(after ? { cursor: { id: after }, skip: 1 } : {}),
    select: {
      id: true,
      phone: true,
      bsuid: true,
      username: true,
      name: true,
      locale: true,
      tags: true,
      consents: { select: { optedIn: true, consentList: { select: { name: true } } } },
    },
  });
  const page = rows.slice(0, CONTACTS_PAGE_SIZE);
  return { contacts: page, nextCursor: rows.length > CONTACTS_PAGE_SIZE ? page.at(-1)!.id : null };
}

export function countContacts(workspaceId: string, filters: ContactFilters = {}) {
  return db.contact.count({ where: contactWhere(workspaceId, filters) });
}

/** Everything the contact page shows: details, consent per list with its history, messages both ways. */
export async function getContactDetail(workspaceId: string, id: string) {
  // The consent log has no relation to follow (schema.prisma): its events are read alongside.
  const [contact, events] = await Promise.all([
    db.contact.findFirst({
      where: { id, workspaceId },
      select: {
        id: true,
        phone: true,
        bsuid: true,
        parentBsuid: true,
        username: true,
        name: true,
        locale: true,
        timeZone: true,
        attributes: true,
        tags: true,
        unreachable: true,
        createdAt: true,
        consents: {
          select: { optedIn: true, changedAt: true, consentList: { select: { id: true, name: true, category: true } } },
        },
        messages: {
          orderBy: { createdAt: "desc" },
          take: 50,
          select: {
            id: true,
            state: true,
            sentAt: true,
            deliveredAt: true,
            readAt: true,
            errorReason: true,
            clickedButton: true,
            origin: true,
            campaign: { select: { name: true } },
            template: { select: { name: true } },
          },
        },
        inbound: {
          orderBy: { receivedAt: "desc" },
          take: 50,
          select: { id: true, type: true, payload: true, receivedAt: true },
        },
      },
    }),
    db.consentEvent.findMany({
      where: { workspaceId, contactId: id },
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      take: 100,
      select: {
        id: true,
        action: true,
        source: true,
        proof: true,
        actorId: true,
        occurredAt: true,
        consentListId: true,
      },
    }),
  ]);
  if (!contact) throw new NotFoundError("contact");
  const actors = await usersById(events.map((e) => e.actorId));
  // An event of a list comes with the contact's state on that list, so the list's name is among the states.
  const lists = new Map(contact.consents.map((c) => [c.consentList.id, c.consentList.name]));
  return {
    ...contact,
    consentEvents: events.map(({ consentListId, ...e }) => ({
      ...e,
      id: e.id.toString(),
      list: consentListId ? (lists.get(consentListId) ?? "A deleted list") : null,
      actor: e.actorId ? (actors.get(e.actorId)?.name ?? "A former user") : null,
    })),
  };
}
