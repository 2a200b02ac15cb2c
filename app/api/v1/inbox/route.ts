import { requirePermission } from "@/lib/auth/guard";
import { jsonError } from "@/lib/http";
import { listConversations } from "@/lib/inbox/queries";
import { inboxFilterSchema } from "@/lib/inbox/schemas";

export const dynamic = "force-dynamic";

/** The conversation list, polled by the inbox. */
export async function GET(request: Request) {
  try {
    const user = await requirePermission("inbox.view");
    const filters = inboxFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    return Response.json(await listConversations(user.workspaceId, user.userId, filters));
  } catch (error) {
    return jsonError(error);
  }
}
