import { z } from "zod";
import { dashboardRoute, idParams } from "@/lib/actions/route";
import { toCsv } from "@/lib/csv";
import { stepPeople } from "@/lib/journeys/queries";

export const dynamic = "force-dynamic";

const query = z.object({
  step: z.string().regex(/^[a-z0-9_-]{1,40}$/),
  /** Who passed the step with this outcome; without it, who waits there now. */
  outcome: z.string().max(80).optional(),
});

/** The people at one step of a journey's report, as CSV (at most 100,000, newest first). */
export const GET = dashboardRoute(
  { permission: "campaigns.view", params: idParams, query },
  async ({ workspaceId, params, query }) => {
    const people = await stepPeople(workspaceId, params.id, query.step, query.outcome ?? null, 100_000);
    const csv = toCsv(
      ["contact_id", "name", "phone", "at"],
      people.map((p) => ({
        contact_id: p.contactId,
        name: p.name ?? "",
        phone: p.phone ?? "",
        at: p.at.toISOString(),
      })),
    );
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="journey-${params.id}-${query.step}.csv"`,
      },
    });
  },
);
