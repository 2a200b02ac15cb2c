import { dashboardRoute } from "@/lib/actions/route";
import { unreadConversations } from "@/lib/inbox/queries";

export const dynamic = "force-dynamic";

/** Conversations with unread messages, for the navigation's badge. */
export const GET = dashboardRoute({ permission: "inbox.view" }, async ({ workspaceId }) => ({
  unread: await unreadConversations(workspaceId),
}));
