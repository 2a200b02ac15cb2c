// Which Cloud API endpoint a send goes to (pure: the decision, not the lookup). A MARKETING template goes to
// the Marketing Messages API (POST /{phone-number-id}/marketing_messages, Meta's delivery optimisation and a
// the template's time-to-live) when the WhatsApp Business Account is onboarded to it; everything else, a reply
// (the endpoint takes no context), a person known only by a business-scoped user id (it requires `to`), and
// every send of an account that is not, goes to /messages. Meta routes by
// the template's latest category, and so does Parley.
import type { SendMessageRequest } from "./schemas";

export type SendEndpoint = "marketing_messages" | "messages";

/** Meta's marketing_messages_onboarding_status for an account that may use the endpoint. */
export const ONBOARDED = "ONBOARDED";
/** Parley's own mark: Meta answered 131055 (terms not accepted) although the status said ONBOARDED. */
export const REFUSED = "REFUSED";

export function endpointFor(
  request: SendMessageRequest,
  route: { onboarded: boolean; category: string | null | undefined },
): SendEndpoint {
  return request.type === "template" &&
    request.to !== undefined &&
    !request.context &&
    route.onboarded &&
    route.category === "MARKETING"
    ? "marketing_messages"
    : "messages";
}

type MarketingStatusKind = "onboarded" | "eligible" | "pending" | "ineligible" | "refused" | "unread" | "other";

/**
 * The status in a few kinds the settings page puts in words (Meta's values: ONBOARDED, ELIGIBLE,
 * PENDING_VALID_PAYMENT_METHOD, PENDING_INTERNAL_SETUP, INELIGIBLE_ON_BEHALF_OF_WABA, INELIGIBLE_INACTIVE_OR_RESTRICTED,
 * INELIGIBLE_COUNTRY_NOT_SUPPORTED, INELIGIBLE_USING_WHATSAPP_BUSINESS_APP; more may come).
 */
export function marketingStatusKind(status: string | null | undefined): MarketingStatusKind {
  if (!status) return "unread";
  if (status === ONBOARDED) return "onboarded";
  if (status === REFUSED) return "refused";
  if (status === "ELIGIBLE") return "eligible";
  if (status.startsWith("PENDING")) return "pending";
  if (status.startsWith("INELIGIBLE")) return "ineligible";
  return "other";
}

/** Why an account is ineligible, when Meta says (the settings page words each). */
export const INELIGIBLE_REASONS = [
  "INELIGIBLE_ON_BEHALF_OF_WABA",
  "INELIGIBLE_INACTIVE_OR_RESTRICTED",
  "INELIGIBLE_COUNTRY_NOT_SUPPORTED",
  "INELIGIBLE_USING_WHATSAPP_BUSINESS_APP",
] as const;
