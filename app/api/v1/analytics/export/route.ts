import { dashboardRoute } from "@/lib/actions/route";
import { exportCsv, exportSchema } from "@/lib/analytics/export";

export const dynamic = "force-dynamic";

/** A report's chart or table as CSV: ?report=campaign&campaign=<id>, or ?report=trend|campaigns|templates|numbers&from=&to=. */
export const GET = dashboardRoute(
  { permission: "analytics.view", query: exportSchema },
  async ({ workspaceId, query }) => {
    const { filename, body } = await exportCsv(workspaceId, query);
    return new Response(body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}"`,
      },
    });
  },
);
