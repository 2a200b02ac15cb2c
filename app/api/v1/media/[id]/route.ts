import { dashboardRoute, idParams } from "@/lib/actions/route";
import { mediaFileQuerySchema } from "@/lib/media/schemas";
import { readMedia } from "@/lib/media/service";

export const dynamic = "force-dynamic";

/** A media file, or its thumbnail (?thumbnail=1), for the library and the preview. */
export const GET = dashboardRoute(
  { permission: "templates.view", params: idParams, query: mediaFileQuerySchema },
  async ({ workspaceId, params, query }) => {
    const file = await readMedia(workspaceId, params.id, query.thumbnail);
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        "content-type": file.mimeType,
        "content-disposition": `inline; filename="${encodeURIComponent(file.fileName)}"`,
        "cache-control": "private, max-age=3600",
        "x-content-type-options": "nosniff",
      },
    });
  },
);
