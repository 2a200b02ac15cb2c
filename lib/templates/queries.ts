import "server-only";
import { db } from "@/lib/db/client";

import type { TemplateCategory, TemplateStatus } from "@/lib/db/generated/enums";

export type TemplateFilters = { q?: string; status?: TemplateStatus; category?: TemplateCategory };

export async function listTemplates(workspaceId: string, filters: TemplateFilters = {}) {
  return db.template.findMany({
    where: {
      workspaceId,
      ...(filters.q ? { name: { contains: filters.q.trim().toLowerCase() } } : {}),
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.category ? { category: filters.category } : {}),
    },
    orderBy: [{ updatedAt: "desc" }],
    select: {
      id: true,
      name: true,
      language: true,
      category: true,
      status: true,
      quality: true,
      rejectionReason: true,
      updatedAt: true,
    },
  });
}

/** Language versions of one template share its name: the list shows one group per name. */
export async function listTemplateGroups(workspaceId: string, filters: TemplateFilters = {}) {
  const byName = new Map<string, Awaited<ReturnType<typeof listTemplates>>>();
  for (const t of await listTemplates(workspaceId, filters)) byName.set(t.name, [...(byName.get(t.name) ?? []), t]);
  return [...byName];
}

export async function listApprovedTemplates(workspaceId: string) {
  return db.template.findMany({
    where: { workspaceId, status: "APPROVED" },
    orderBy: { name: "asc" },
    select: { id: true, name: true, language: true },
  });
}
