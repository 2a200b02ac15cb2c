import { dashboardRoute } from "@/lib/actions/route";
import { ValidationError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { importUploadQuerySchema } from "@/lib/imports/schemas";
import { createImport, MAX_IMPORT_BYTES } from "@/lib/imports/service";

export const dynamic = "force-dynamic";

/** Upload a contacts file: the body is the file itself (streamed to disk), ?name= its name. */
export const POST = dashboardRoute(
  { permission: "contacts.edit", query: importUploadQuerySchema },
  async ({ user, request, query }) => {
    if (Number(request.headers.get("content-length") ?? 0) > MAX_IMPORT_BYTES) {
      throw new ValidationError(messageKey("audiences.errors.import.tooLarge", { mb: MAX_IMPORT_BYTES / 1024 / 1024 }));
    }
    if (!request.body) throw new ValidationError(messageKey("audiences.errors.import.chooseFile"));
    return Response.json(await createImport(user.workspaceId, user.userId, query.name, request.body), { status: 201 });
  },
);
