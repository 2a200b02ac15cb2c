import { dashboardRoute } from "@/lib/actions/route";
import { webhookActivity } from "@/lib/webhooks/activity";

export const dynamic = "force-dynamic";

/** Polled by the WhatsApp settings page: the latest webhook events and the processing backlog. */
export const GET = dashboardRoute({ permission: "settings.manage" }, ({ workspaceId }) => webhookActivity(workspaceId));
