import "server-only";
import { db } from "@/lib/db/client";

export async function listTemplates(workspaceId: string) {
  return db.template.findMany({
    where: { workspaceId },
    orderBy: [{ updatedAt: "desc" }],
    select: { id: true, name: true, language: true, category: true, status: true, quality: true, rejectionReason: true, updatedAt: true },
  });
}

export async function listApprovedTemplates(workspaceId: string) {
  return db.template.findMany({
    where: { workspaceId, status: "APPROVED" },
    orderBy: { name: "asc" },
    select: { id: true, name: true, language: true },
  });
}
