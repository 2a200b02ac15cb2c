import { apiRoute } from "@/lib/api/handler";
import { sendMessage } from "@/lib/api/operations/messages";
import { acceptMessage } from "@/lib/messages/transactional";

export const dynamic = "force-dynamic";

export const POST = apiRoute(sendMessage, async ({ caller, body, idempotencyKey }) => {
  const accepted = await acceptMessage(caller.workspaceId, caller.keyId, body, idempotencyKey);
  return Response.json(accepted.body, {
    status: accepted.status,
    headers: accepted.replayed ? { "Idempotent-Replayed": "true" } : {},
  });
});
