import "server-only";
import { db } from "@/lib/db/client";

export async function listConsentLists(workspaceId: string) {
  const [lists, counts] = await Promise.all([
    db.consentList.findMany({
      where: { workspaceId },
      orderBy: { name: "asc" },
      select: { id: true, name: true, description: true, category: true, createdAt: true },
    }),
    db.contactConsent.groupBy({ by: ["consentListId", "optedIn"], where: { workspaceId }, _count: { _all: true } }),
  ]);
  const count = (listId: string, optedIn: boolean) =>
    counts.find((c) => c.consentListId === listId && c.optedIn === optedIn)?._count._all ?? 0;
  return lists.map((list) => ({ ...list, optedIn: count(list.id, true), optedOut: count(list.id, false) }));
}
