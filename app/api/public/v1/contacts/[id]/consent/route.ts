import { apiRoute } from "@/lib/api/handler";
import { getConsentOp, recordConsentOp } from "@/lib/api/operations/consent";
import { contactConsent, recordApiConsent } from "@/lib/consent/api";

export const POST = apiRoute(recordConsentOp, ({ caller, params, body }) =>
  recordApiConsent(caller.workspaceId, caller, params.id, body),
);

export const GET = apiRoute(getConsentOp, ({ caller, params }) => contactConsent(caller.workspaceId, params.id));
