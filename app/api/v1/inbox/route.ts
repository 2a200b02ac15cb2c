import { dashboardRoute } from "@/lib/actions/route";
import { listConversations } from "@/lib/inbox/queries";
import { inboxFilterSchema } from "@/lib/inbox/schemas";

export const dynamic = "force-dynamic";

/** The conversation list, polled by the inbox. */
export const GET = dashboardRoute({ permission: "inbox.view", query: inboxFilterSchema }, ({ user, query }) =>
  listConversations(user.workspaceId, user.userId, query),
);
