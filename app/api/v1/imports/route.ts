import { dashboardRoute } from "@/lib/actions/route";
import { ValidationError } from "@/lib/errors";
import { importUploadQuerySchema } from "@/lib/imports/schemas";
import { createImport, MAX_IMPORT_BYTES } from "@/lib/imports/service";

export const dynamic = "force-dynamic";

/** Upload a contacts file: the body is the file itself (streamed to disk), ?name= its name. */
export const POST = dashboardRoute(
  { permission: "contacts.edit", query: importUploadQuerySchema },
  async ({ user, request, query }) => {
    if (Number(request.headers.get("content-length") ?? 0) > MAX_IMPORT_BYTES) {
      throw new ValidationError(`The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it into parts.`);
    }
    if (!request.body) throw new ValidationError("Choose a file to upload.");
    return Response.json(await createImport(user.workspaceId, user.userId, query.name, request.body), { status: 201 });
  },
);
