import { dashboardRoute } from "@/lib/actions/route";
import { ValidationError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { readBodyCapped } from "@/lib/http";
import { MEDIA_RULES } from "@/lib/media/rules";
import { mediaListQuerySchema } from "@/lib/media/schemas";
import { listMedia, uploadMedia } from "@/lib/media/service";

export const dynamic = "force-dynamic";

/** The media library, optionally one kind (?kind=IMAGE). */
export const GET = dashboardRoute(
  { permission: "templates.view", query: mediaListQuerySchema },
  ({ workspaceId, query }) => listMedia(workspaceId, query.kind),
);

/** Upload one file (multipart field "file"). */
export const POST = dashboardRoute({ permission: "templates.edit" }, async ({ user, request }) => {
  // The largest file WhatsApp takes, plus room for the multipart envelope; counted as read.
  const body = await readBodyCapped(
    request,
    MEDIA_RULES.DOCUMENT.maxBytes + 64 * 1024,
    "The file is larger than anything WhatsApp takes (100 MB at most, for PDFs).",
  );
  const form = await new Response(body, { headers: { "content-type": request.headers.get("content-type") ?? "" } })
    .formData()
    .catch(() => {
      throw new ValidationError(messageKey("templates.media.refused.notAForm"));
    });
  const file = form.get("file");
  if (!(file instanceof File)) {
    const message = messageKey("templates.media.refused.chooseFile");
    throw new ValidationError(message, { file: [message] });
  }
  const asset = await uploadMedia(user.workspaceId, user.userId, {
    name: file.name,
    bytes: new Uint8Array(await file.arrayBuffer()),
  });
  return Response.json(asset, { status: 201 });
});
