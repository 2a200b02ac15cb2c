import { requirePermission } from "@/lib/auth/guard";
import { CONSENT_EXPORT_COLUMNS, exportConsentRecord } from "@/lib/consent/admin";
import { toCsv } from "@/lib/csv";
import { jsonError } from "@/lib/http";

export const dynamic = "force-dynamic";

/** The full consent record of a list, for an audit: ?format=csv (default) or ?format=json. Admins only. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requirePermission("consent.edit");
    const { list, rows } = await exportConsentRecord(user.workspaceId, (await params).id);
    const name = `consent-${list.name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${new Date().toISOString().slice(0, 10)}`;
    if (new URL(request.url).searchParams.get("format") === "json") {
      return new Response(JSON.stringify({ list: list.name, exportedAt: new Date().toISOString(), events: rows }, null, 2), {
        headers: { "content-type": "application/json", "content-disposition": `attachment; filename="${name}.json"` },
      });
    }
    return new Response(toCsv(CONSENT_EXPORT_COLUMNS, rows), {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}.csv"` },
    });
  } catch (error) {
    return jsonError(error);
  }
}
