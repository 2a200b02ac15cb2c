import { requirePermission } from "@/lib/auth/guard";
import { parseId } from "@/lib/ids";
import { jsonError } from "@/lib/http";
import { getImport } from "@/lib/imports/service";

export const dynamic = "force-dynamic";

/** An import's status, progress and counts, polled by the import page. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requirePermission("contacts.edit");
    const id = parseId((await params).id);
    const row = await getImport(user.workspaceId, id);
    return Response.json({
      status: row.status,
      progress: row.progress,
      counts: row.counts,
      rejects: row.rejects,
      error: row.error,
    });
  } catch (error) {
    return jsonError(error);
  }
}
