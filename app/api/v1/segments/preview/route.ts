import { dashboardRoute } from "@/lib/actions/route";
import { segmentPreviewQuerySchema } from "@/lib/segments/schemas";
import { segmentPreview } from "@/lib/segments/service";

export const dynamic = "force-dynamic";

/** The live count and first matches of rules being edited: ?rules=<JSON>. Reads only. */
export const GET = dashboardRoute(
  { permission: "audiences.view", query: segmentPreviewQuerySchema },
  async ({ workspaceId, query: { rules } }) => {
    const started = performance.now();
    const { count, contacts } = await segmentPreview(workspaceId, rules);
    return { count, contacts, ms: Math.round(performance.now() - started) };
  },
);
