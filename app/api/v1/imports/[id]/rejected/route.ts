import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { dashboardRoute, idParams } from "@/lib/actions/route";
import { NotFoundError } from "@/lib/errors";
import { rejectedReport } from "@/lib/imports/service";

export const dynamic = "force-dynamic";

/** The rejected rows of the last check or import: row number, reason, and the row as it was. */
export const GET = dashboardRoute(
  { permission: "contacts.edit", params: idParams },
  async ({ workspaceId, params }) => {
    const report = await rejectedReport(workspaceId, params.id);
    if (!report) throw new NotFoundError("rejectedRows");
    return new Response(Readable.toWeb(createReadStream(report.file)) as ReadableStream, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${report.name.replace(/[^\w.-]/g, "_")}"`,
      },
    });
  },
);
