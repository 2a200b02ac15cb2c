import { apiRoute } from "@/lib/api/handler";
import { recordEventsBatchOp } from "@/lib/api/operations/events";
import { recordEventBatch } from "@/lib/events/service";

export const POST = apiRoute(recordEventsBatchOp, ({ caller, body }) =>
  recordEventBatch(caller.workspaceId, caller.keyId, body.events),
);
