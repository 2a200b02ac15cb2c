import { apiRoute } from "@/lib/api/handler";
import { listContactsOp, upsertContactOp } from "@/lib/api/operations/contacts";
import { listApiContacts, upsertContact } from "@/lib/contacts/api";

export const PUT = apiRoute(upsertContactOp, ({ caller, body }) => upsertContact(caller.workspaceId, body));

export const GET = apiRoute(listContactsOp, ({ caller, query }) => listApiContacts(caller.workspaceId, query));
