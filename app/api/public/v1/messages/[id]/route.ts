import { apiRoute } from "@/lib/api/handler";
import { getMessage } from "@/lib/api/operations/messages";
import { readMessage } from "@/lib/messages/transactional";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getMessage, async ({ caller, params }) => readMessage(caller.workspaceId, params.id));
