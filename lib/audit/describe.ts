// One sentence per audit entry, for people rather than machines.
import { ROLE_LABELS } from "@/lib/auth/permissions";
import type { Role } from "@/lib/db/generated/enums";

type Details = Record<string, unknown> | null | undefined;

function role(value: unknown): string {
  return typeof value === "string" && Object.hasOwn(ROLE_LABELS, value) ? ROLE_LABELS[value as Role] : String(value);
}

const DENIALS: Record<string, string> = {
  revoked: "the key was revoked",
  expired: "the key has expired",
  missing_scope: "the key lacks the scope the call needs",
};

function eventList(value: unknown): string {
  return Array.isArray(value) ? value.join(", ") : "no events";
}

export function describeAudit(action: string, details: Details): string {
  const d = details ?? {};
  const who = typeof d.email === "string" ? d.email : "a user";
  switch (action) {
    case "user.created":
      return `Added ${who} as ${role(d.role)}`;
    case "user.role_changed":
      return `Changed ${who} from ${role(d.from)} to ${role(d.to)}`;
    case "user.deactivated":
      return `Deactivated ${who}`;
    case "user.reactivated":
      return `Reactivated ${who}`;
    case "user.password_reset":
      return `Reset the password of ${who}`;
    case "user.password_changed":
      return "Changed their own password";
    case "segment.deleted":
      return "Deleted a segment";
    case "whatsapp.connection_updated": {
      const base = d.graphApiBase as { from?: unknown; to?: unknown } | undefined;
      return base
        ? `Moved the WhatsApp connection from ${String(base.from)} to ${String(base.to)}`
        : "Changed the WhatsApp connection";
    }
    case "api_key.created": {
      const scopes = Array.isArray(d.scopes) ? d.scopes.map(String).join(", ") : "no scopes";
      const expiry = typeof d.expiresAt === "string" ? `, expiring ${d.expiresAt.slice(0, 10)}` : "";
      return `Created the API key “${String(d.name)}” (${String(d.prefix)}) with ${scopes}${expiry}`;
    }
    case "api_key.revoked":
      return `Revoked the API key “${String(d.name)}” (${String(d.prefix)})`;
    case "api_key.use_denied": {
      const reason =
        d.reason === "missing_scope" && typeof d.scope === "string"
          ? `the key lacks the ${d.scope} scope`
          : (DENIALS[String(d.reason)] ?? String(d.reason));
      const call = typeof d.operation === "string" ? ` for ${d.operation}` : "";
      return `Refused a call${call} with an API key: ${reason}`;
    }
    case "workspace.seeded":
      return `Created the demo workspace with ${String(d.contacts ?? 0)} contacts`;
    case "whatsapp.account_alert":
      return `Meta reported: ${String(d.summary ?? d.event)}`;
    case "whatsapp.account_alert_acknowledged":
      return `Acknowledged Meta's alert: ${String(d.summary ?? d.event)}`;
    case "webhooks.endpoint_created":
      return `Added the webhook endpoint ${String(d.url)} (${eventList(d.eventTypes)})${d.apiKeyId ? " through the API" : ""}`;
    case "webhooks.endpoint_updated":
      return d.fromUrl
        ? `Moved a webhook endpoint from ${String(d.fromUrl)} to ${String(d.url)} (${eventList(d.eventTypes)})`
        : `Changed the webhook endpoint ${String(d.url)} (${eventList(d.eventTypes)})`;
    case "webhooks.endpoint_enabled":
      return `Enabled the webhook endpoint ${String(d.url)}`;
    case "webhooks.endpoint_disabled":
      return `Disabled the webhook endpoint ${String(d.url)}`;
    case "webhooks.endpoint_auto_disabled":
      return `Disabled the webhook endpoint ${String(d.url)}: every delivery to it failed for 24 hours`;
    case "webhooks.endpoint_deleted":
      return `Deleted the webhook endpoint ${String(d.url)}${d.apiKeyId ? " through the API" : ""}`;
    case "webhooks.secret_revealed":
      return `Viewed the signing secret of the webhook endpoint ${String(d.url)}`;
    case "webhooks.secret_rotated":
      return `Rotated the signing secret of the webhook endpoint ${String(d.url)}`;
    case "webhooks.test_sent":
      return `Sent a test event to the webhook endpoint ${String(d.url)}`;
    case "webhooks.delivery_replayed":
      return `Replayed event ${String(d.eventId)} to the webhook endpoint ${String(d.url)}`;
    default:
      return action;
  }
}
