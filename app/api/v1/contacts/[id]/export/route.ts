import { dashboardRoute, idParams } from "@/lib/actions/route";
import { exportContactData } from "@/lib/contacts/privacy";

export const dynamic = "force-dynamic";

/** Everything held on one contact (a subject access request), as JSON. Admins only. */
export const GET = dashboardRoute({ permission: "consent.edit", params: idParams }, async ({ workspaceId, params }) => {
  const data = await exportContactData(workspaceId, params.id);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "content-type": "application/json",
      "content-disposition": `attachment; filename="contact-${params.id}.json"`,
    },
  });
});
