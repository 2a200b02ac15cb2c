import { dashboardRoute, idParams } from "@/lib/actions/route";
import { toCsv } from "@/lib/csv";
import { flowResponses, flowResults, readableAnswer, resultFilters, resultsQuerySchema } from "@/lib/flows/queries";

export const dynamic = "force-dynamic";

/** A flow's answers as CSV, with the results page's filters (at most 100,000, newest first). */
export const GET = dashboardRoute(
  { permission: "campaigns.view", params: idParams, query: resultsQuerySchema },
  async ({ workspaceId, params, query }) => {
    const filters = resultFilters(query);
    const { flow, questions } = await flowResults(workspaceId, params.id, filters);
    const { rows } = await flowResponses(workspaceId, params.id, filters, { limit: 100_000 });
    const columns = ["completed_at", "contact_id", "name", "phone", "campaign", ...questions.map((q) => q.name)];
    const csv = toCsv(
      columns,
      rows.map((r) => ({
        completed_at: r.completedAt.toISOString(),
        contact_id: r.contactId,
        name: r.name ?? "",
        phone: r.phone ?? "",
        campaign: r.campaign ?? "",
        ...Object.fromEntries(questions.map((q) => [q.name, readableAnswer(q, r.answers[q.name], ["yes", "no"])])),
      })),
    );
    const slug =
      flow.name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "") || "flow";
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${slug}-answers.csv"`,
      },
    });
  },
);
