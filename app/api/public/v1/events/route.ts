import { apiRoute } from "@/lib/api/handler";
import { recordEventOp } from "@/lib/api/operations/events";
import { recordEvent } from "@/lib/events/service";

export const POST = apiRoute(recordEventOp, ({ caller, body }) => recordEvent(caller.workspaceId, caller.keyId, body));
