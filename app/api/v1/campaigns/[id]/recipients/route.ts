import { dashboardRoute, idParams } from "@/lib/actions/route";
import { drillDownSchema, recipientsCsv } from "@/lib/campaigns/recipients";

export const dynamic = "force-dynamic";

/** The contacts at a stage of a campaign as CSV (?stage=read, or ?stage=failed&reason=131026). Everyone who can see campaigns may export. */
export const GET = dashboardRoute(
  { permission: "campaigns.view", params: idParams, query: drillDownSchema },
  ({ workspaceId, params, query }) => recipientsCsv(workspaceId, params.id, query),
);
