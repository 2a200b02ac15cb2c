import { listApiCampaigns } from "@/lib/analytics/campaign-list";
import { apiRoute } from "@/lib/api/handler";
import { listCampaignsOp } from "@/lib/api/operations/analytics";

export const GET = apiRoute(listCampaignsOp, ({ caller, query }) => listApiCampaigns(caller.workspaceId, query));
