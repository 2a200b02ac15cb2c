import { requirePermission } from "@/lib/auth/guard";
import { parseId } from "@/lib/ids";
import { jsonError } from "@/lib/http";
import { templateStatus } from "@/lib/templates/service";

export const dynamic = "force-dynamic";

/** Polled by the builder while Meta reviews a template. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requirePermission("templates.view");
    return Response.json(await templateStatus(user.workspaceId, parseId((await params).id)));
  } catch (error) {
    return jsonError(error);
  }
}
