import { requirePermission } from "@/lib/auth/guard";
import { jsonError } from "@/lib/http";
import { webhookActivity } from "@/lib/webhooks/activity";

export const dynamic = "force-dynamic";

/** Polled by the WhatsApp settings page: the latest webhook events and the processing backlog. */
export async function GET() {
  try {
    const user = await requirePermission("settings.manage");
    return Response.json(await webhookActivity(user.workspaceId));
  } catch (error) {
    return jsonError(error);
  }
}
