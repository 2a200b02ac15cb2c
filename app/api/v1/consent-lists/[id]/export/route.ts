import { dashboardRoute, idParams } from "@/lib/actions/route";
import { consentRecordDownload, exportConsentRecord } from "@/lib/consent/admin";
import { consentExportQuerySchema } from "@/lib/consent/schemas";

export const dynamic = "force-dynamic";

/** The full consent record of a list, for an audit: ?format=csv (default) or ?format=json. Admins only. */
export const GET = dashboardRoute(
  { permission: "consent.edit", params: idParams, query: consentExportQuerySchema },
  async ({ workspaceId, params, query }) =>
    consentRecordDownload(query.format, await exportConsentRecord(workspaceId, { consentListId: params.id })),
);
