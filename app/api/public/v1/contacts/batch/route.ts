import { apiRoute } from "@/lib/api/handler";
import { upsertContactsBatchOp } from "@/lib/api/operations/contacts";
import { upsertContactBatch } from "@/lib/contacts/api";

export const POST = apiRoute(upsertContactsBatchOp, ({ caller, body }) =>
  upsertContactBatch(caller.workspaceId, body.contacts),
);
