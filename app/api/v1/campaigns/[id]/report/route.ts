import { campaignReport } from "@/lib/analytics/report";
import { requirePermission } from "@/lib/auth/guard";
import { parseId } from "@/lib/ids";
import { jsonError } from "@/lib/http";

export const dynamic = "force-dynamic";

/** A campaign's report (from the rollups), polled by its page while it sends. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requirePermission("campaigns.view");
    const id = parseId((await params).id);
    return Response.json(await campaignReport(user.workspaceId, id));
  } catch (error) {
    return jsonError(error);
  }
}
