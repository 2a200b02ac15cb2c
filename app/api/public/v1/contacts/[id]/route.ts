import { apiRoute } from "@/lib/api/handler";
import { getContactOp } from "@/lib/api/operations/contacts";
import { getApiContact } from "@/lib/contacts/api";

export const GET = apiRoute(getContactOp, ({ caller, params }) => getApiContact(caller.workspaceId, params.id));
