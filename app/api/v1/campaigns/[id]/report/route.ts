import { dashboardRoute, idParams } from "@/lib/actions/route";
import { campaignReport } from "@/lib/analytics/report";

export const dynamic = "force-dynamic";

/** A campaign's report (from the rollups), polled by its page while it sends. */
export const GET = dashboardRoute({ permission: "campaigns.view", params: idParams }, ({ workspaceId, params }) =>
  campaignReport(workspaceId, params.id),
);
