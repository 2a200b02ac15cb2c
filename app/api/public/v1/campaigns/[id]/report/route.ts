import { campaignReport } from "@/lib/analytics/report";
import { apiRoute } from "@/lib/api/handler";
import { campaignReportOp } from "@/lib/api/operations/analytics";

export const GET = apiRoute(campaignReportOp, ({ caller, params }) => campaignReport(caller.workspaceId, params.id));
