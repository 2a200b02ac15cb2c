import { templateStats } from "@/lib/analytics/transactional";
import { apiRoute } from "@/lib/api/handler";
import { templateStatsOp } from "@/lib/api/operations/analytics";

export const GET = apiRoute(templateStatsOp, ({ caller, query }) => templateStats(caller.workspaceId, query));
