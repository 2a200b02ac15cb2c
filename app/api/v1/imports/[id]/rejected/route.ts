import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { requirePermission } from "@/lib/auth/guard";
import { NotFoundError } from "@/lib/errors";
import { parseId } from "@/lib/ids";
import { jsonError } from "@/lib/http";
import { rejectedReport } from "@/lib/imports/service";

export const dynamic = "force-dynamic";

/** The rejected rows of the last check or import: row number, reason, and the row as it was. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requirePermission("contacts.edit");
    const id = parseId((await params).id);
    const report = await rejectedReport(user.workspaceId, id);
    if (!report) throw new NotFoundError("A report of rejected rows");
    return new Response(Readable.toWeb(createReadStream(report.file)) as ReadableStream, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${report.name.replace(/[^\w.-]/g, "_")}"`,
      },
    });
  } catch (error) {
    return jsonError(error);
  }
}
