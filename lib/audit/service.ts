// The audit log: who changed what, when. Rows are only ever added.
import "server-only";
import { db, type Prisma } from "@/lib/db/client";

export type AuditEntry = {
  action: string;
  targetType: string;
  targetId?: string;
  details?: Prisma.InputJsonValue;
};

type Client = Pick<typeof db, "auditLog">;

export async function recordAudit(workspaceId: string, actorId: string | null, entry: AuditEntry, client: Client = db) {
  await client.auditLog.create({ data: { workspaceId, actorId, ...entry } });
}

export const AUDIT_PAGE_SIZE = 50;

/** Newest first; `before` is the id of the last row of the previous page. */
export async function listAuditLog(workspaceId: string, before?: bigint) {
  const rows = await db.auditLog.findMany({
    where: { workspaceId, ...(before ? { id: { lt: before } } : {}) },
    orderBy: { id: "desc" },
    take: AUDIT_PAGE_SIZE + 1,
    select: {
      id: true,
      action: true,
      targetType: true,
      targetId: true,
      details: true,
      createdAt: true,
      actor: { select: { name: true, email: true } },
    },
  });
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  return {
    entries: page.map((row) => ({ ...row, id: row.id.toString() })),
    nextCursor: rows.length > AUDIT_PAGE_SIZE ? page.at(-1)!.id.toString() : null,
  };
}
