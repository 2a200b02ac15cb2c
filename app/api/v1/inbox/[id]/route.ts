import { requirePermission } from "@/lib/auth/guard";
import { parseId } from "@/lib/ids";
import { jsonError } from "@/lib/http";
import { getThread } from "@/lib/inbox/queries";

export const dynamic = "force-dynamic";

/** One conversation's messages, replies and notes, polled while it is open. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requirePermission("inbox.view");
    const id = parseId((await params).id);
    return Response.json(await getThread(user.workspaceId, id));
  } catch (error) {
    return jsonError(error);
  }
}
