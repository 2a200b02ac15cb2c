import { requirePermission } from "@/lib/auth/guard";
import { ValidationError } from "@/lib/errors";
import { assertSameOrigin, jsonError, readBodyCapped } from "@/lib/http";
import { listMedia, uploadMedia } from "@/lib/media/service";
import { MEDIA_RULES, type MediaKind } from "@/lib/media/rules";

export const dynamic = "force-dynamic";

/** The media library, optionally one kind (?kind=IMAGE). */
export async function GET(request: Request) {
  try {
    const user = await requirePermission("templates.view");
    const kind = new URL(request.url).searchParams.get("kind");
    return Response.json(
      await listMedia(user.workspaceId, kind && Object.hasOwn(MEDIA_RULES, kind) ? (kind as MediaKind) : undefined),
    );
  } catch (error) {
    return jsonError(error);
  }
}

/** Upload one file (multipart field "file"). */
export async function POST(request: Request) {
  try {
    assertSameOrigin(request);
    const user = await requirePermission("templates.edit");
    // The largest file WhatsApp takes, plus room for the multipart envelope; counted as read.
    const body = await readBodyCapped(
      request,
      MEDIA_RULES.DOCUMENT.maxBytes + 64 * 1024,
      "The file is larger than anything WhatsApp takes (100 MB at most, for PDFs).",
    );
    const form = await new Response(body, { headers: { "content-type": request.headers.get("content-type") ?? "" } })
      .formData()
      .catch(() => {
        throw new ValidationError("The upload could not be read as a form with a file. Choose the file again.");
      });
    const file = form.get("file");
    if (!(file instanceof File))
      throw new ValidationError("Choose a file to upload.", { file: ["Choose a file to upload."] });
    const asset = await uploadMedia(user.workspaceId, user.userId, {
      name: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
    return Response.json(asset, { status: 201 });
  } catch (error) {
    return jsonError(error);
  }
}
