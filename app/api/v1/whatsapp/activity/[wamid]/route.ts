import { z } from "zod";
import { dashboardRoute } from "@/lib/actions/route";
import { messageStatuses } from "@/lib/webhooks/activity";

export const dynamic = "force-dynamic";

const wamidParams = z.object({ wamid: z.string().trim().min(1).max(200) });

/** Polled under the test message on the WhatsApp settings page: that message's statuses as they arrive. */
export const GET = dashboardRoute({ permission: "settings.manage", params: wamidParams }, ({ workspaceId, params }) =>
  messageStatuses(workspaceId, params.wamid),
);
