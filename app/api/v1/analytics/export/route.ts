import { requirePermission } from "@/lib/auth/guard";
import { exportCsv, exportSchema } from "@/lib/analytics/export";
import { ValidationError } from "@/lib/errors";
import { jsonError } from "@/lib/http";

export const dynamic = "force-dynamic";

/** A report's chart or table as CSV: ?report=campaign&campaign=<id>, or ?report=trend|campaigns|templates|numbers&from=&to=. */
export async function GET(request: Request) {
  try {
    const user = await requirePermission("analytics.view");
    const parsed = exportSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) throw new ValidationError(parsed.error.issues[0]!.message);
    const { filename, body } = await exportCsv(user.workspaceId, parsed.data);
    return new Response(body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}"`,
      },
    });
  } catch (error) {
    return jsonError(error);
  }
}
