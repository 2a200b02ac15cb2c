import { dashboardRoute, idParams } from "@/lib/actions/route";
import { getImport } from "@/lib/imports/service";

export const dynamic = "force-dynamic";

/** An import's status, progress and counts, polled by the import page. */
export const GET = dashboardRoute(
  { permission: "contacts.edit", params: idParams },
  async ({ workspaceId, params }) => {
    const { status, progress, counts, rejects, error } = await getImport(workspaceId, params.id);
    return { status, progress, counts, rejects, error };
  },
);
