// A completed WhatsApp Flow (an `nfm_reply`): stored once against its flow_token, which names the message that
// carried the flow (lib/flows/flow-token.ts); its answers copied onto the contact as the flow maps them; a
// sign-up's ticked opt-in box recorded as consent through lib/consent, the box's wording as proof; told to the
// business's webhooks (flow.completed) and to journeys (an event that starts them and that a branch waits on); a
// booking confirmed, or the person told that its time was taken (lib/flows/booking-notice.ts).
import "server-only";
import { z } from "zod";
import { recordConsentEvent } from "@/lib/consent/service";
import type { Prisma } from "@/lib/db/client";
import { JOURNEYS_CHANNEL, notifySoon } from "@/lib/db/notify";
import { sendJob } from "@/lib/jobs/engine";
import { emitEvents } from "@/lib/outbound-webhooks/emit";
import { flowButtons } from "@/lib/whatsapp/template-components";
import type { OutboundEventData } from "@/lib/outbound-webhooks/events";
import { bookingTakenJob } from "./booking-notice";
import { questionsOf } from "./flow-json";
import { confirmBooking } from "./exchange";
import { readFlowTokenMessage } from "./flow-token";
import { parseResponse } from "./send";

/** The event a completed flow is to journeys (a trigger "flow:<flow id>"); the API cannot send names with "$". */
export const FLOW_EVENT = "$flow_completed";

export type FlowReplyInput = {
  workspaceId: string;
  contactId: string;
  phone: string | null;
  bsuid: string | null;
  inboundMessageId: string;
  wamid: string;
  /** The wamid the reply answers (the message that carried the flow). */
  contextWamid: string | null;
  responseJson: string;
  occurredAt: Date;
};

type Carrier = {
  messageId: string | null;
  outboundMessageId: string | null;
  metaFlowId: string | null;
  /** The carrying Message's campaign, and what its origin says of a journey (null for an inbox message). */
  campaignId: string | null;
  origin: string | null;
  callbackData: string | null;
};
type Tx = Prisma.TransactionClient;

/** An interactive message that opens a flow (flows/guides/sendingaflow): its action's parameters name it. */
const flowMessageSchema = z.object({
  interactive: z.object({
    type: z.literal("flow"),
    action: z.object({ parameters: z.object({ flow_id: z.string() }) }),
  }),
});

/** The flow a message opens: its template's FLOW button's flow_id, else an interactive flow message's. */
function flowIdIn(templateComponents: unknown, request: unknown): string | null {
  const button = flowButtons(templateComponents)[0];
  if (button?.flow_id !== undefined) return String(button.flow_id);
  const message = flowMessageSchema.safeParse(request);
  return message.success ? message.data.interactive.action.parameters.flow_id : null;
}

/** An inbox template reply's template (its request names it by name and language), for its FLOW button. */
async function sentTemplate(tx: Tx, workspaceId: string, payload: unknown) {
  const sent = (payload as { template?: { name?: unknown; language?: { code?: unknown } } } | null)?.template;
  if (typeof sent?.name !== "string" || typeof sent.language?.code !== "string") return null;
  const template = await tx.template.findFirst({
    where: { workspaceId, name: sent.name, language: sent.language.code },
    select: { components: true },
  });
  return template?.components ?? null;
}

/** The message that carried the flow: named by the token, else the one the reply answers (context). */
async function carrierOf(tx: Tx, input: FlowReplyInput, token: string): Promise<Carrier> {
  const named = readFlowTokenMessage(input.workspaceId, token);
  const { workspaceId, contextWamid } = input;
  // A token names its message; a caller's own token (or one with a random nonce) leaves the reply's context.
  const message =
    (named?.messageId
      ? await tx.message.findFirst({ where: { id: named.messageId, workspaceId }, select: messageSelect })
      : null) ??
    (contextWamid
      ? await tx.message.findFirst({ where: { wamid: contextWamid, workspaceId }, select: messageSelect })
      : null);
  if (message) {
    const components = message.template?.components ?? message.campaign?.template?.components;
    return {
      messageId: message.id,
      outboundMessageId: null,
      metaFlowId: flowIdIn(components, message.request),
      campaignId: message.campaignId,
      origin: message.origin,
      callbackData: message.callbackData,
    };
  }
  const outbound =
    (named?.outboundMessageId
      ? await tx.outboundMessage.findFirst({
          where: { id: named.outboundMessageId, workspaceId },
          select: { id: true, payload: true },
        })
      : null) ??
    (contextWamid
      ? await tx.outboundMessage.findFirst({
          where: { wamid: contextWamid, workspaceId },
          select: { id: true, payload: true },
        })
      : null);
  const components = outbound ? await sentTemplate(tx, workspaceId, outbound.payload) : null;
  return {
    messageId: null,
    outboundMessageId: outbound?.id ?? null,
    metaFlowId: outbound ? flowIdIn(components, outbound.payload) : null,
    campaignId: null,
    origin: null,
    callbackData: null,
  };
}
const messageSelect = {
  id: true,
  request: true,
  campaignId: true,
  origin: true,
  callbackData: true,
  template: { select: { components: true } },
  campaign: { select: { template: { select: { components: true } } } },
} as const;

/** Records a completed flow; false when the reply names no flow of the workspace (it stays an inbox message). */
export async function recordFlowReply(tx: Tx, input: FlowReplyInput): Promise<boolean> {
  const parsed = parseResponse(input.responseJson);
  if (!parsed) return false;
  const carrier = await carrierOf(tx, input, parsed.token);
  const flow = carrier.metaFlowId
    ? await tx.flow.findFirst({ where: { workspaceId: input.workspaceId, metaFlowId: carrier.metaFlowId } })
    : null;
  if (!flow) return false;
  // A journey's send carries "journey:<id>" as its callback data (lib/journeys/engine.ts).
  const journeyId =
    carrier.origin === "journey" && carrier.callbackData?.startsWith("journey:")
      ? carrier.callbackData.slice("journey:".length)
      : null;
  const answers = parsed.answers as Prisma.InputJsonObject;
  const created = await tx.flowResponse.createManyAndReturn({
    data: [
      {
        workspaceId: input.workspaceId,
        flowId: flow.id,
        contactId: input.contactId,
        inboundMessageId: input.inboundMessageId,
        flowToken: parsed.token,
        messageId: carrier.messageId,
        outboundMessageId: carrier.outboundMessageId,
        campaignId: carrier.campaignId,
        journeyId,
        answers,
        completedAt: input.occurredAt,
      },
    ],
    skipDuplicates: true,
    select: { id: true },
  });
  if (created.length === 0) return true; // the same reply again

  // Answers onto attributes, as mapped (own keys only; a value is kept as WhatsApp sent it).
  const map = (flow.attributeMap ?? {}) as Record<string, string>;
  const attributes = Object.fromEntries(
    Object.entries(map)
      .filter(([field]) => Object.hasOwn(parsed.answers, field))
      .map(([field, key]) => [key, parsed.answers[field]]),
  );
  if (Object.keys(attributes).length)
    await tx.$executeRaw`UPDATE "Contact" SET attributes = attributes || ${JSON.stringify(attributes)}::jsonb, "updatedAt" = now()
      WHERE id = ${input.contactId} AND "workspaceId" = ${input.workspaceId}`;

  // A sign-up: the ticked box is the consent, its wording the proof.
  if (flow.consentListId && flow.optInField && parsed.answers[flow.optInField] === true) {
    const label = questionsOf(flow.json).find((q) => q.name === flow.optInField)?.label ?? flow.optInField;
    await recordConsentEvent(
      {
        workspaceId: input.workspaceId,
        contactId: input.contactId,
        consentListId: flow.consentListId,
        action: "OPT_IN",
        source: "FLOW",
        proof: `WhatsApp Flow "${flow.name}": ticked "${label}" (${input.wamid})`,
        occurredAt: input.occurredAt,
      },
      tx,
    );
  }

  await tx.$executeRaw`
    INSERT INTO "ContactEvent" (id, "workspaceId", "contactId", name, properties, "occurredAt")
    VALUES (gen_random_uuid()::text, ${input.workspaceId}, ${input.contactId}, ${FLOW_EVENT},
      ${JSON.stringify({ ...parsed.answers, flowId: flow.id, flowName: flow.name })}::jsonb, ${input.occurredAt})`;
  notifySoon(JOURNEYS_CHANNEL);
  // A booking form: the slot held while the person chose it (the data-exchange endpoint) is theirs now; or, their
  // hold expired and the slot filled up meanwhile, they are told so in WhatsApp once this transaction commits.
  const booking = await confirmBooking(tx, input.workspaceId, parsed.token, input.contactId);
  if (booking.status === "unavailable")
    await sendJob(
      bookingTakenJob,
      {
        workspaceId: input.workspaceId,
        contactId: input.contactId,
        bookingId: booking.bookingId,
        replyTo: input.wamid,
      },
      tx,
      { workspaceId: input.workspaceId, dedupeKey: input.wamid },
    );

  await emitEvents(tx, input.workspaceId, [
    {
      type: "flow.completed",
      orderingKey: input.contactId,
      timestamp: input.occurredAt,
      payload: {
        responseId: created[0]!.id,
        flowId: flow.id,
        flowName: flow.name,
        contactId: input.contactId,
        phone: input.phone,
        bsuid: input.bsuid,
        answers: parsed.answers,
        messageId: carrier.messageId,
        campaignId: carrier.campaignId,
        journeyId,
        occurredAt: input.occurredAt.toISOString(),
      } satisfies OutboundEventData<"flow.completed">,
    },
  ]);
  return true;
}
