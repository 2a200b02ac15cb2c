import { apiRoute } from "@/lib/api/handler";
import { createWebhookEndpointOp, endpointJson, listWebhookEndpointsOp } from "@/lib/api/operations/webhooks";
import { createEndpoint, listEndpoints } from "@/lib/outbound-webhooks/service";

export const GET = apiRoute(listWebhookEndpointsOp, async ({ caller }) => ({
  data: (await listEndpoints(caller.workspaceId)).map(endpointJson),
}));

export const POST = apiRoute(createWebhookEndpointOp, async ({ caller, body }) => {
  const endpoint = await createEndpoint(caller.workspaceId, { apiKeyId: caller.keyId }, body);
  return { ...endpointJson(endpoint), secret: endpoint.secret };
});
