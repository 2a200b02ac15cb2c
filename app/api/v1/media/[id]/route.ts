import { requirePermission } from "@/lib/auth/guard";
import { parseId } from "@/lib/ids";
import { jsonError } from "@/lib/http";
import { readMedia } from "@/lib/media/service";

export const dynamic = "force-dynamic";

/** A media file, or its thumbnail (?thumbnail=1), for the library and the preview. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requirePermission("templates.view");
    const thumbnail = new URL(request.url).searchParams.get("thumbnail") === "1";
    const file = await readMedia(user.workspaceId, parseId((await params).id), thumbnail);
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        "content-type": file.mimeType,
        "content-disposition": `inline; filename="${encodeURIComponent(file.fileName)}"`,
        "cache-control": "private, max-age=3600",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    return jsonError(error);
  }
}
