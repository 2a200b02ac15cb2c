import { requirePermission } from "@/lib/auth/guard";
import { consentRecordDownload, exportConsentRecord } from "@/lib/consent/admin";
import { parseId } from "@/lib/ids";
import { jsonError } from "@/lib/http";

export const dynamic = "force-dynamic";

/** The full consent record of a list, for an audit: ?format=csv (default) or ?format=json. Admins only. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requirePermission("consent.edit");
    return consentRecordDownload(
      request,
      await exportConsentRecord(user.workspaceId, { consentListId: parseId((await params).id) }),
    );
  } catch (error) {
    return jsonError(error);
  }
}
