// What an audit entry says, for people rather than machines: a message key (settings.auditLog.actions.*)
// and its values. The audit log page puts them into words in the reader's language.
import { ROLES } from "@/lib/auth/permissions";
import type { Role } from "@/lib/db/generated/enums";

type Details = Record<string, unknown> | null | undefined;

export type AuditKey =
  | "userCreated"
  | "userRoleChanged"
  | "userDeactivated"
  | "userReactivated"
  | "userPasswordReset"
  | "userPasswordChanged"
  | "segmentDeleted"
  | "connectionMoved"
  | "connectionUpdated"
  | "apiKeyCreated"
  | "apiKeyRevoked"
  | "apiKeyUseDenied"
  | "workspaceSeeded"
  | "accountAlert"
  | "accountAlertAcknowledged"
  | "endpointCreated"
  | "endpointMoved"
  | "endpointUpdated"
  | "endpointEnabled"
  | "endpointDisabled"
  | "endpointAutoDisabled"
  | "endpointDeleted"
  | "secretRevealed"
  | "secretRotated"
  | "testSent"
  | "deliveryReplayed"
  | "journeyPublished"
  | "journeyPaused"
  | "journeyResumed"
  | "journeyStopped"
  | "flowPublished"
  | "flowDeprecated"
  | "flowKeyGenerated"
  | "flowKeyRegistered"
  | "bookingAvailabilityChanged"
  | "rateCardImported"
  | "unknown";

/**
 * Values are plain text, except: `role`, `fromRole` and `toRole` hold a Role (or, for an odd value, the value
 * itself), `who` is null when the entry names nobody, and `expiresOn` is a calendar day (YYYY-MM-DD) or "".
 * Optional parts of a sentence have a "yes" | "no" value for the message to select on (expires, forOperation, viaApi).
 */
export type AuditDescription = { key: AuditKey; values: Record<string, string | number | null> };

export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);

const DENIALS = new Set(["revoked", "expired", "missing_scope"]);

const list = (value: unknown) => (Array.isArray(value) ? value.map(String).join(", ") : "");
const yes = (value: unknown) => (value ? "yes" : "no");

export function describeAudit(action: string, details: Details): AuditDescription {
  const d = details ?? {};
  const who = typeof d.email === "string" ? d.email : null;
  const url = String(d.url);
  const events = list(d.eventTypes);
  switch (action) {
    case "user.created":
      return { key: "userCreated", values: { who, role: String(d.role) } };
    case "user.role_changed":
      return { key: "userRoleChanged", values: { who, fromRole: String(d.from), toRole: String(d.to) } };
    case "user.deactivated":
      return { key: "userDeactivated", values: { who } };
    case "user.reactivated":
      return { key: "userReactivated", values: { who } };
    case "user.password_reset":
      return { key: "userPasswordReset", values: { who } };
    case "user.password_changed":
      return { key: "userPasswordChanged", values: {} };
    case "segment.deleted":
      return { key: "segmentDeleted", values: {} };
    case "whatsapp.connection_updated": {
      const base = d.graphApiBase as { from?: unknown; to?: unknown } | undefined;
      return base
        ? { key: "connectionMoved", values: { from: String(base.from), to: String(base.to) } }
        : { key: "connectionUpdated", values: {} };
    }
    case "api_key.created":
      return {
        key: "apiKeyCreated",
        values: {
          name: String(d.name),
          prefix: String(d.prefix),
          scopes: list(d.scopes),
          expires: yes(typeof d.expiresAt === "string"),
          expiresOn: typeof d.expiresAt === "string" ? d.expiresAt.slice(0, 10) : "",
        },
      };
    case "api_key.revoked":
      return { key: "apiKeyRevoked", values: { name: String(d.name), prefix: String(d.prefix) } };
    case "api_key.use_denied": {
      const reason = String(d.reason);
      return {
        key: "apiKeyUseDenied",
        values: {
          forOperation: yes(typeof d.operation === "string"),
          operation: typeof d.operation === "string" ? d.operation : "",
          reason:
            reason === "missing_scope" && typeof d.scope === "string"
              ? "scope"
              : DENIALS.has(reason)
                ? reason
                : "other",
          scope: typeof d.scope === "string" ? d.scope : "",
          raw: reason,
        },
      };
    }
    case "workspace.seeded":
      return { key: "workspaceSeeded", values: { contacts: Number(d.contacts ?? 0) } };
    case "whatsapp.account_alert":
      return { key: "accountAlert", values: { summary: String(d.summary ?? d.event) } };
    case "whatsapp.account_alert_acknowledged":
      return { key: "accountAlertAcknowledged", values: { summary: String(d.summary ?? d.event) } };
    case "webhooks.endpoint_created":
      return { key: "endpointCreated", values: { url, events, viaApi: yes(d.apiKeyId) } };
    case "webhooks.endpoint_updated":
      return d.fromUrl
        ? { key: "endpointMoved", values: { from: String(d.fromUrl), url, events } }
        : { key: "endpointUpdated", values: { url, events } };
    case "webhooks.endpoint_enabled":
      return { key: "endpointEnabled", values: { url } };
    case "webhooks.endpoint_disabled":
      return { key: "endpointDisabled", values: { url } };
    case "webhooks.endpoint_auto_disabled":
      return { key: "endpointAutoDisabled", values: { url } };
    case "webhooks.endpoint_deleted":
      return { key: "endpointDeleted", values: { url, viaApi: yes(d.apiKeyId) } };
    case "webhooks.secret_revealed":
      return { key: "secretRevealed", values: { url } };
    case "webhooks.secret_rotated":
      return { key: "secretRotated", values: { url } };
    case "webhooks.test_sent":
      return { key: "testSent", values: { url } };
    case "journey.published":
      return { key: "journeyPublished", values: { name: String(d.name), version: Number(d.version) } };
    case "flow.published":
      return { key: "flowPublished", values: { name: String(d.name) } };
    case "flow.deprecated":
      return { key: "flowDeprecated", values: { name: String(d.name) } };
    case "flows.endpoint_key_generated":
      return { key: "flowKeyGenerated", values: {} };
    case "flows.endpoint_key_registered":
      return { key: "flowKeyRegistered", values: {} };
    case "flows.availability_changed":
      return { key: "bookingAvailabilityChanged", values: {} };
    case "pricing.rate_card_imported":
      return {
        key: "rateCardImported",
        values: { fileName: String(d.fileName), effectiveFrom: String(d.effectiveFrom), currency: String(d.currency) },
      };
    case "journey.paused":
      return { key: "journeyPaused", values: { name: String(d.name) } };
    case "journey.resumed":
      return { key: "journeyResumed", values: { name: String(d.name) } };
    case "journey.stopped":
      return { key: "journeyStopped", values: { name: String(d.name) } };
    case "webhooks.delivery_replayed":
      return { key: "deliveryReplayed", values: { eventId: String(d.eventId), url } };
    default:
      return { key: "unknown", values: { action } };
  }
}
