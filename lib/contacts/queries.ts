import "server-only";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";

export const CONTACTS_PAGE_SIZE = 50;

/** One page of contacts in a stable order; `after` is the last id of the previous page. */
export async function listContacts(workspaceId: string, after?: string) {
  const rows = await db.contact.findMany({
    where: { workspaceId },
    orderBy: { id: "asc" },
    take: CONTACTS_PAGE_SIZE + 1,
    ...(after ? { cursor: { id: after }, skip: 1 } : {}),
    select: {
      id: true,
      phone: true,
      name: true,
      locale: true,
      tags: true,
      consents: { select: { optedIn: true, consentList: { select: { name: true } } } },
    },
  });
  const page = rows.slice(0, CONTACTS_PAGE_SIZE);
  return { contacts: page, nextCursor: rows.length > CONTACTS_PAGE_SIZE ? page.at(-1)!.id : null };
}

export function countContacts(workspaceId: string) {
  return db.contact.count({ where: { workspaceId } });
}

/** Everything the contact page shows: details, consent per list with its history, messages both ways. */
export async function getContactDetail(workspaceId: string, id: string) {
  const contact = await db.contact.findFirst({
    where: { id, workspaceId },
    select: {
      id: true,
      phone: true,
      name: true,
      locale: true,
      timeZone: true,
      attributes: true,
      tags: true,
      unreachable: true,
      createdAt: true,
      consents: { select: { optedIn: true, changedAt: true, consentList: { select: { id: true, name: true, category: true } } } },
      consentEvents: {
        orderBy: { occurredAt: "desc" },
        take: 100,
        select: { id: true, action: true, source: true, proof: true, actorId: true, occurredAt: true, consentList: { select: { name: true } } },
      },
      messages: {
        orderBy: { createdAt: "desc" },
        take: 50,
        select: { id: true, state: true, sentAt: true, deliveredAt: true, readAt: true, errorReason: true, clickedButton: true, campaign: { select: { name: true } } },
      },
      inbound: { orderBy: { receivedAt: "desc" }, take: 50, select: { id: true, type: true, payload: true, receivedAt: true } },
    },
  });
  if (!contact) throw new NotFoundError("That contact");
  const actorIds = [...new Set(contact.consentEvents.map((e) => e.actorId).filter((a): a is string => Boolean(a)))];
  const actors = new Map((await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  return {
    ...contact,
    consentEvents: contact.consentEvents.map((e) => ({ ...e, id: e.id.toString(), actor: e.actorId ? (actors.get(e.actorId) ?? "A former user") : null })),
  };
}
export type ContactDetail = Awaited<ReturnType<typeof getContactDetail>>;
