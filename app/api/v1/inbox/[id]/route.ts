import { dashboardRoute, idParams } from "@/lib/actions/route";
import { getThread } from "@/lib/inbox/queries";

export const dynamic = "force-dynamic";

/** One conversation's messages, replies and notes, polled while it is open. */
export const GET = dashboardRoute({ permission: "inbox.view", params: idParams }, ({ workspaceId, params }) =>
  getThread(workspaceId, params.id),
);
