import { campaignReport, inEnglish } from "@/lib/analytics/report";
import { apiRoute } from "@/lib/api/handler";
import { campaignReportOp } from "@/lib/api/operations/analytics";

export const GET = apiRoute(campaignReportOp, async ({ caller, params }) =>
  inEnglish(await campaignReport(caller.workspaceId, params.id)),
);
