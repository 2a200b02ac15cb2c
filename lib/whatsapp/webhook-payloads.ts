// Webhook bodies in Meta's shapes (see shared/whatsapp/fixtures): the sandbox sends them, tests build them.
// Since 2026 they name a person by business-scoped user id (BSUID) too, and by it alone when the person hides
// their phone behind a username (Meta: whatsapp/business-scoped-user-ids/, Graph v25's from_user_id).
import { createHash } from "node:crypto";
import { parsePhoneNumberFromString } from "libphonenumber-js/min";
import { isBsuid } from "@/lib/contacts/identity";
export type NumberRef = { wabaId: string; phoneNumberId: string; displayPhoneNumber: string };

type Change = { field: string; value: unknown };

/** `at`: the webhook's own time (entry.time, whole seconds), which orders events that arrive late. */
export function envelope(wabaId: string, changes: Change[], at: Date = new Date()) {
  return {
    object: "whatsapp_business_account",
    entry: [{ id: wabaId, time: Math.floor(at.getTime() / 1000), changes }],
  };
}

/**
 * A stand-in for the BSUID Meta gives the person with this phone (stable: the same phone, the same id). Its
 * country is the phone's, as Meta's are.
 */
export function bsuidForPhone(digits: string): string {
  const country = parsePhoneNumberFromString(`+${digits.replace(/^\+/, "")}`)?.country ?? "US";
  const hash = BigInt(`0x${createHash("sha256").update(digits.replace(/^\+/, "")).digest("hex").slice(0, 16)}`);
  return `${country}.${hash.toString().padStart(20, "0")}`;
}

/** Who an address names: a phone (with its BSUID) or, for someone who shows only a username, a BSUID alone. */
export function personOf(address: string): { phone?: string; userId: string } {
  return isBsuid(address) ? { userId: address } : { phone: address.replace(/^\+/, ""), userId: bsuidForPhone(address) };
}

const metadata = (n: NumberRef) => ({ display_phone_number: n.displayPhoneNumber, phone_number_id: n.phoneNumberId });
const seconds = (at: Date) => String(Math.floor(at.getTime() / 1000));

export type StatusSpec = {
  wamid: string;
  status: "sent" | "delivered" | "read" | "failed";
  at: Date;
  /** The phone's digits, or the BSUID of a person without one. */
  recipient: string;
  callbackData?: string;
  /** A regular (billed) message of this pricing category; `pricing` says more (a free type). */
  category?: string;
  /** Meta's pricing object: type regular | free_customer_service | free_entry_point, and the category. */
  pricing?: { type: string; category: string };
  error?: { code: number; title: string };
};

/** The pricing object Meta puts on sent, delivered and read statuses (per-message pricing, PMP). */
function pricingOf(s: StatusSpec) {
  if (s.status === "failed") return {};
  const pricing = s.pricing ?? (s.category ? { type: "regular", category: s.category } : null);
  return pricing ? { pricing: { billable: pricing.type === "regular", pricing_model: "PMP", ...pricing } } : {};
}

function recipientFields(address: string) {
  const person = personOf(address);
  return { ...(person.phone ? { recipient_id: person.phone } : {}), recipient_user_id: person.userId };
}

export function statusChange(n: NumberRef, statuses: StatusSpec[]): Change {
  return {
    field: "messages",
    value: {
      messaging_product: "whatsapp",
      metadata: metadata(n),
      statuses: statuses.map((s) => ({
        id: s.wamid,
        status: s.status,
        timestamp: seconds(s.at),
        ...recipientFields(s.recipient),
        ...(s.callbackData ? { biz_opaque_callback_data: s.callbackData } : {}),
        ...pricingOf(s),
        ...(s.error
          ? {
              errors: [
                {
                  code: s.error.code,
                  title: s.error.title,
                  message: s.error.title,
                  error_data: { details: s.error.title },
                },
              ],
            }
          : {}),
      })),
    },
  };
}

export type InboundSpec = {
  wamid: string;
  /** The phone's digits, or the BSUID of a person who shows only a username. */
  from: string;
  at: Date;
  name?: string;
  username?: string;
  /** The person's BSUID when it is not the one the sandbox derives from the phone (another record of them). */
  userId?: string;
  contextWamid?: string;
} & (
  | { text: string }
  | { button: { payload: string; text: string } }
  | { buttonReply: { id: string; title: string } }
  /** A completed WhatsApp Flow: its answers with the flow_token (Meta's nfm_reply). */
  | { flowReply: Record<string, unknown> }
);

export function inboundChange(n: NumberRef, message: InboundSpec): Change {
  const person = { ...personOf(message.from), ...(message.userId ? { userId: message.userId } : {}) };
  const content =
    "text" in message
      ? { type: "text", text: { body: message.text } }
      : "button" in message
        ? { type: "button", button: message.button }
        : "flowReply" in message
          ? {
              type: "interactive",
              interactive: {
                type: "nfm_reply",
                nfm_reply: { name: "flow", body: "Sent", response_json: JSON.stringify(message.flowReply) },
              },
            }
          : { type: "interactive", interactive: { type: "button_reply", button_reply: message.buttonReply } };
  return {
    field: "messages",
    value: {
      messaging_product: "whatsapp",
      metadata: metadata(n),
      contacts: [
        {
          profile: {
            name: message.name ?? "WhatsApp user",
            ...(message.username ? { username: message.username } : {}),
          },
          ...(person.phone ? { wa_id: person.phone } : {}),
          user_id: person.userId,
        },
      ],
      messages: [
        {
          ...(message.contextWamid ? { context: { from: n.displayPhoneNumber, id: message.contextWamid } } : {}),
          ...(person.phone ? { from: person.phone } : {}),
          from_user_id: person.userId,
          id: message.wamid,
          timestamp: seconds(message.at),
          ...content,
        },
      ],
    },
  };
}

export function userPreferenceChange(n: NumberRef, address: string, value: "stop" | "resume", at: Date): Change {
  const person = personOf(address);
  const who = { ...(person.phone ? { wa_id: person.phone } : {}), user_id: person.userId };
  return {
    field: "user_preferences",
    value: {
      messaging_product: "whatsapp",
      metadata: metadata(n),
      contacts: [who],
      user_preferences: [
        {
          ...who,
          detail:
            value === "stop"
              ? "User requested to stop marketing messages"
              : "User requested to resume marketing messages",
          category: "marketing_messages",
          value,
          timestamp: Math.floor(at.getTime() / 1000),
        },
      ],
    },
  };
}

/**
 * A tap on a link of a message sent through the Marketing Messages API (Meta: marketing-messages/track-click-
 * events). Meta names no message and no person: only a click id, which it also appends to the opened URL.
 */
export function linkClickChange(n: NumberRef, click: { clickId: string; component: "cta" | "body"; at: Date }): Change {
  return {
    field: "messages",
    value: {
      messaging_product: "whatsapp",
      metadata: metadata(n),
      user_actions: [
        {
          action_type: "marketing_messages_link_click",
          timestamp: Math.floor(click.at.getTime() / 1000),
          marketing_messages_link_click_data: { click_component: click.component, click_id: click.clickId },
        },
      ],
    },
  };
}

export function templateStatusChange(t: {
  id: string;
  name: string;
  language: string;
  event: string;
  category?: string;
  reason?: string;
  explanation?: string;
}): Change {
  return {
    field: "message_template_status_update",
    value: {
      event: t.event,
      message_template_id: Number(t.id),
      message_template_name: t.name,
      message_template_language: t.language,
      reason: t.reason ?? "NONE",
      ...(t.category ? { message_template_category: t.category } : {}),
      ...(t.explanation
        ? { rejection_info: { reason: t.explanation, recommendation: "Edit the template and submit it again." } }
        : {}),
    },
  };
}

export function templateQualityChange(t: {
  id: string;
  name: string;
  language: string;
  previous: string;
  next: string;
}): Change {
  return {
    field: "message_template_quality_update",
    value: {
      previous_quality_score: t.previous,
      new_quality_score: t.next,
      message_template_id: Number(t.id),
      message_template_name: t.name,
      message_template_language: t.language,
    },
  };
}

/** A completed category change, or (with `correctCategory`) an impending one, as Meta's reference shows them. */
export function templateCategoryChange(t: {
  id: string;
  name: string;
  language: string;
  previous?: string;
  next: string;
  correctCategory?: string;
  effectiveAt?: Date;
}): Change {
  const ref = {
    message_template_id: Number(t.id),
    message_template_name: t.name,
    message_template_language: t.language,
  };
  return {
    field: "template_category_update",
    value: t.correctCategory
      ? {
          ...ref,
          correct_category: t.correctCategory,
          new_category: t.next,
          category_update_timestamp: Math.floor((t.effectiveAt ?? new Date()).getTime() / 1000),
        }
      : { ...ref, previous_category: t.previous, new_category: t.next },
  };
}

export function accountUpdateChange(value: { event: string } & Record<string, unknown>): Change {
  return { field: "account_update", value };
}
