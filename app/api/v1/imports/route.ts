import { requirePermission } from "@/lib/auth/guard";
import { ValidationError } from "@/lib/errors";
import { assertSameOrigin, jsonError } from "@/lib/http";
import { createImport, MAX_IMPORT_BYTES } from "@/lib/imports/service";

export const dynamic = "force-dynamic";

/** Upload a contacts file: the body is the file itself (streamed to disk), ?name= its name. */
export async function POST(request: Request) {
  try {
    assertSameOrigin(request);
    const user = await requirePermission("contacts.edit");
    if (Number(request.headers.get("content-length") ?? 0) > MAX_IMPORT_BYTES) {
      throw new ValidationError(`The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it into parts.`);
    }
    if (!request.body) throw new ValidationError("Choose a file to upload.");
    const name = new URL(request.url).searchParams.get("name") ?? "contacts.csv";
    return Response.json(await createImport(user.workspaceId, user.userId, name, request.body), { status: 201 });
  } catch (error) {
    return jsonError(error);
  }
}
