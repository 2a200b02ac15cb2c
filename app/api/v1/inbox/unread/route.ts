import { requirePermission } from "@/lib/auth/guard";
import { jsonError } from "@/lib/http";
import { unreadConversations } from "@/lib/inbox/queries";

export const dynamic = "force-dynamic";

/** Conversations with unread messages, for the navigation's badge. */
export async function GET() {
  try {
    const user = await requirePermission("inbox.view");
    return Response.json({ unread: await unreadConversations(user.workspaceId) });
  } catch (error) {
    return jsonError(error);
  }
}
