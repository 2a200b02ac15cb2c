import { apiRoute } from "@/lib/api/handler";
import { deleteWebhookEndpointOp } from "@/lib/api/operations/webhooks";
import { deleteEndpoint } from "@/lib/outbound-webhooks/service";

export const DELETE = apiRoute(deleteWebhookEndpointOp, async ({ caller, params }) => {
  await deleteEndpoint(caller.workspaceId, { apiKeyId: caller.keyId }, params.id);
  return { id: params.id, deleted: true as const };
});
