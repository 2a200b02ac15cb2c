import { apiRoute } from "@/lib/api/handler";
import { listConsentListsOp } from "@/lib/api/operations/consent";
import { apiConsentLists } from "@/lib/consent/api";

export const GET = apiRoute(listConsentListsOp, ({ caller }) => apiConsentLists(caller.workspaceId));
