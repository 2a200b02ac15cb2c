// The events of messages and contacts, built from the rows they are about and emitted in the caller's
// transaction: status changes (lib/webhooks/apply-statuses.ts; the dispatcher's own failures), inbound
// messages and button taps (apply-inbound.ts), consent changes (lib/consent/service.ts). Each first asks
// whether any enabled endpoint of the workspace wants such events, so with none it costs one indexed query.
import "server-only";
import { messageKey } from "@/lib/i18n/message-key";
import { englishTranslator } from "@/lib/i18n/translator";
import { classifyError } from "@/lib/whatsapp/errors";
import { emitEvents, type EmitClient, type EmitInput } from "./emit";
import type { OutboundEventType } from "./event-types";
import type { OutboundEventData } from "./events";

type Tx = EmitClient;

/** The workspaces among `workspaceIds` with an enabled endpoint that chose any of `types`. */
async function subscribed(tx: Tx, workspaceIds: string[], types: OutboundEventType[]): Promise<Set<string>> {
  if (workspaceIds.length === 0) return new Set();
  const rows = await tx.$queryRawUnsafe<{ workspaceId: string }[]>(
    `SELECT DISTINCT "workspaceId" FROM "WebhookEndpoint" WHERE "workspaceId" = ANY($1::text[]) AND enabled AND "eventTypes" && $2::text[]`,
    [...new Set(workspaceIds)],
    types,
  );
  return new Set(rows.map((r) => r.workspaceId));
}

async function emitGrouped(tx: Tx, byWorkspace: Map<string, EmitInput[]>) {
  for (const [workspaceId, events] of byWorkspace) await emitEvents(tx, workspaceId, events);
}

export type MessageStatus = "sent" | "delivered" | "read" | "failed";

export type MessageStatusChange = {
  workspaceId: string;
  status: MessageStatus;
  /** Parley's message id, or, when unknown, WhatsApp's. */
  messageId?: string | null;
  wamid?: string | null;
  occurredAt: Date;
  errorCode?: number | null;
  errorTitle?: string | null;
  /** Parley's own words for a failure it found itself (the dispatcher's); else Meta's code is explained. */
  explanation?: string | null;
};

type MessageRow = {
  id: string;
  wamid: string | null;
  contactId: string;
  phone: string | null;
  bsuid: string | null;
  campaignId: string | null;
  origin: string;
  templateName: string | null;
  callbackData: string | null;
};

/**
 * message.sent / delivered / read / failed for campaign and API messages (Message rows). Changes that name
 * no Message row (an inbox reply's status) are not events of this kind and are left out.
 */
export async function emitMessageStatusEvents(tx: Tx, changes: MessageStatusChange[]): Promise<void> {
  if (changes.length === 0) return;
  const wanted = await subscribed(
    tx,
    changes.map((c) => c.workspaceId),
    changes.map((c) => `message.${c.status}` as OutboundEventType),
  );
  const relevant = changes.filter((c) => wanted.has(c.workspaceId) && (c.messageId || c.wamid));
  if (relevant.length === 0) return;
  const rows = await tx.$queryRawUnsafe<MessageRow[]>(
    `SELECT m.id, m.wamid, m."contactId", c.phone, c.bsuid, m."campaignId", m.origin, COALESCE(t.name, ct.name) AS "templateName", m."callbackData"
     FROM "Message" m
     JOIN "Contact" c ON c.id = m."contactId"
     LEFT JOIN "Template" t ON t.id = m."templateId"
     LEFT JOIN "Campaign" ca ON ca.id = m."campaignId"
     LEFT JOIN "Template" ct ON ct.id = ca."templateId"
     WHERE m.id = ANY($1::text[]) OR m.wamid = ANY($2::text[])`,
    relevant.filter((c) => c.messageId).map((c) => c.messageId!),
    relevant.filter((c) => !c.messageId).map((c) => c.wamid!),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const byWamid = new Map(rows.filter((r) => r.wamid).map((r) => [r.wamid!, r]));
  const out = new Map<string, EmitInput[]>();
  for (const c of relevant) {
    const m = c.messageId ? byId.get(c.messageId) : byWamid.get(c.wamid!);
    if (!m) continue;
    const data: OutboundEventData<"message.sent"> = {
      messageId: m.id,
      wamid: m.wamid ?? c.wamid ?? null,
      contactId: m.contactId,
      phone: m.phone,
      bsuid: m.bsuid,
      campaignId: m.campaignId,
      origin: m.origin === "api" || m.origin === "journey" ? m.origin : "campaign",
      templateName: m.templateName,
      callbackData: m.callbackData,
      occurredAt: c.occurredAt.toISOString(),
    };
    const payload =
      c.status === "failed"
        ? {
            ...data,
            error: {
              code: c.errorCode ?? null,
              title: c.errorTitle ?? null,
              // Parley's explanation is a message key (lib/whatsapp/errors.ts); machines read its English words.
              explanation: englishTranslator.message(
                c.explanation ??
                  (c.errorCode
                    ? classifyError(c.errorCode).explanation
                    : (c.errorTitle ?? messageKey("cloudApi.failed"))),
              ),
            },
          }
        : data;
    const list = out.get(c.workspaceId) ?? [];
    list.push({ type: `message.${c.status}`, payload, orderingKey: m.contactId, timestamp: c.occurredAt });
    out.set(c.workspaceId, list);
  }
  await emitGrouped(tx, out);
}

export type InboundEventInput = {
  workspaceId: string;
  inboundMessageId: string;
  wamid: string;
  contactId: string;
  phone: string | null;
  bsuid: string | null;
  type: string;
  text: string | null;
  occurredAt: Date;
  /** The Parley message this answers (a campaign or API message), if any. */
  replyTo: { id: string; campaignId: string | null; callbackData: string | null } | null;
  /** A tapped quick-reply button or list option. */
  button: { payload: string | null; text: string | null } | null;
};

/** message.inbound, and button.tapped when the person tapped a button. */
export async function emitInboundEvents(tx: Tx, input: InboundEventInput): Promise<void> {
  const types: OutboundEventType[] = input.button ? ["message.inbound", "button.tapped"] : ["message.inbound"];
  if (!(await subscribed(tx, [input.workspaceId], types)).size) return;
  const events: EmitInput[] = [
    {
      type: "message.inbound",
      orderingKey: input.contactId,
      timestamp: input.occurredAt,
      payload: {
        inboundMessageId: input.inboundMessageId,
        wamid: input.wamid,
        contactId: input.contactId,
        phone: input.phone,
        bsuid: input.bsuid,
        type: input.type,
        text: input.text,
        replyToMessageId: input.replyTo?.id ?? null,
        occurredAt: input.occurredAt.toISOString(),
      } satisfies OutboundEventData<"message.inbound">,
    },
  ];
  if (input.button)
    events.push({
      type: "button.tapped",
      orderingKey: input.contactId,
      timestamp: input.occurredAt,
      payload: {
        inboundMessageId: input.inboundMessageId,
        contactId: input.contactId,
        phone: input.phone,
        bsuid: input.bsuid,
        button: input.button,
        replyToMessageId: input.replyTo?.id ?? null,
        campaignId: input.replyTo?.campaignId ?? null,
        callbackData: input.replyTo?.callbackData ?? null,
        occurredAt: input.occurredAt.toISOString(),
      } satisfies OutboundEventData<"button.tapped">,
    });
  await emitEvents(tx, input.workspaceId, events);
}

export type ConsentChange = {
  workspaceId: string;
  contactId: string;
  source: string;
  occurredAt: Date;
  /** Lists the contact is now opted in to and was not before. */
  optedIn: string[];
  /** Lists the contact was opted in to and is not any more. */
  optedOut: string[];
};

/** contact.opted_in / contact.opted_out, when a contact's state on a list actually changed. */
export async function emitConsentEvents(tx: Tx, change: ConsentChange): Promise<void> {
  if (change.optedIn.length === 0 && change.optedOut.length === 0) return;
  const types: OutboundEventType[] = [];
  if (change.optedIn.length) types.push("contact.opted_in");
  if (change.optedOut.length) types.push("contact.opted_out");
  if (!(await subscribed(tx, [change.workspaceId], types)).size) return;
  const rows = await tx.$queryRawUnsafe<
    { phone: string | null; bsuid: string | null; lists: { id: string; name: string; category: string }[] }[]
  >(
    `SELECT c.phone, c.bsuid, COALESCE((SELECT json_agg(json_build_object('id', l.id, 'name', l.name, 'category', l.category) ORDER BY l.name)
                               FROM "ConsentList" l WHERE l.id = ANY($2::text[])), '[]'::json) AS lists
     FROM "Contact" c WHERE c.id = $1`,
    change.contactId,
    [...change.optedIn, ...change.optedOut],
  );
  const row = rows[0];
  if (!row) return;
  const events: EmitInput[] = [];
  for (const [type, ids] of [
    ["contact.opted_in", change.optedIn],
    ["contact.opted_out", change.optedOut],
  ] as const) {
    if (ids.length === 0) continue;
    events.push({
      type,
      orderingKey: change.contactId,
      timestamp: change.occurredAt,
      payload: {
        contactId: change.contactId,
        phone: row.phone,
        bsuid: row.bsuid,
        lists: row.lists.filter((l) => ids.includes(l.id)) as OutboundEventData<"contact.opted_in">["lists"],
        source: change.source,
        occurredAt: change.occurredAt.toISOString(),
      } satisfies OutboundEventData<"contact.opted_in">,
    });
  }
  await emitEvents(tx, change.workspaceId, events);
}

/** One contact's changed state on one list, from a change made in bulk (an import). */
export type BulkConsentChange = {
  contactId: string;
  phone: string | null;
  bsuid: string | null;
  list: { id: string; name: string; category: string };
  optedIn: boolean;
  source: string;
  occurredAt: Date;
};

/** Whether any enabled endpoint of the workspace takes contact.opted_in or contact.opted_out. */
export async function consentEventsWanted(tx: Tx, workspaceId: string): Promise<boolean> {
  return (await subscribed(tx, [workspaceId], ["contact.opted_in", "contact.opted_out"])).size > 0;
}

/** contact.opted_in / contact.opted_out for changes made in bulk: one event per contact and list, in order. */
export async function emitBulkConsentEvents(tx: Tx, workspaceId: string, changes: BulkConsentChange[]): Promise<void> {
  const events = changes.map((change): EmitInput => ({
    type: change.optedIn ? "contact.opted_in" : "contact.opted_out",
    orderingKey: change.contactId,
    timestamp: change.occurredAt,
    payload: {
      contactId: change.contactId,
      phone: change.phone,
      bsuid: change.bsuid,
      lists: [change.list] as OutboundEventData<"contact.opted_in">["lists"],
      source: change.source,
      occurredAt: change.occurredAt.toISOString(),
    } satisfies OutboundEventData<"contact.opted_in">,
  }));
  for (let i = 0; i < events.length; i += 1000) await emitEvents(tx, workspaceId, events.slice(i, i + 1000));
}
