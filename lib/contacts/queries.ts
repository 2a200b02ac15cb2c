import "server-only";
import { db } from "@/lib/db/client";

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
