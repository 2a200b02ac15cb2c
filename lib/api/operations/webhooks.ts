// Public API: the workspace's outbound webhook endpoints (scope webhooks:manage). The work is
// lib/outbound-webhooks/service.ts; the events and their payloads are documented in lib/outbound-webhooks/events.ts.
import { z } from "zod";
import { idSchema } from "@/lib/ids";
import { OUTBOUND_EVENT_TYPES } from "@/lib/outbound-webhooks/event-types";
import { OUTBOUND_EVENT_DESCRIPTIONS } from "@/lib/outbound-webhooks/events";
import { endpointInputSchema } from "@/lib/outbound-webhooks/schemas";
import { defineOperation } from "../operation";

const eventTypesDoc = OUTBOUND_EVENT_TYPES.map((t) => `\`${t}\`: ${OUTBOUND_EVENT_DESCRIPTIONS[t]}`).join("\n- ");

export const webhookEndpointSchema = z
  .object({
    id: z.string().meta({ example: "cmx3pa2ls000mpe7dg5ooq1xb" }),
    url: z.string().meta({ example: "https://shop.example.com/hooks/parley" }),
    description: z.string().nullable().meta({ example: "Order system" }),
    eventTypes: z.array(z.string()).meta({ example: ["message.delivered", "message.failed"] }),
    enabled: z
      .boolean()
      .meta({ description: "False when disabled by an admin or by Parley after 24 hours of failures" }),
    disabledReason: z.string().nullable().meta({ description: "Why Parley disabled it, if it did" }),
    failingSince: z.iso.datetime().nullable().meta({ description: "Since when deliveries fail (null: they succeed)" }),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "WebhookEndpoint" });

type EndpointRow = {
  id: string;
  url: string;
  description: string | null;
  eventTypes: string[];
  enabled: boolean;
  disabledReason: string | null;
  failingSince: Date | null;
  createdAt: Date;
};

/** The answer's shape of an endpoint row (times as ISO strings). */
export function endpointJson(e: EndpointRow): z.input<typeof webhookEndpointSchema> {
  return {
    id: e.id,
    url: e.url,
    description: e.description,
    eventTypes: e.eventTypes,
    enabled: e.enabled,
    disabledReason: e.disabledReason,
    failingSince: e.failingSince?.toISOString() ?? null,
    createdAt: e.createdAt.toISOString(),
  };
}

export const listWebhookEndpointsOp = defineOperation({
  id: "listWebhookEndpoints",
  method: "GET",
  path: "/webhooks/endpoints",
  scope: "webhooks:manage",
  tag: "Webhooks",
  summary: "List webhook endpoints",
  description: "The workspace's webhook endpoints, oldest first. Signing secrets are not listed.",
  response: z.object({ data: z.array(webhookEndpointSchema) }),
});

export const createWebhookEndpointOp = defineOperation({
  id: "createWebhookEndpoint",
  method: "POST",
  path: "/webhooks/endpoints",
  scope: "webhooks:manage",
  tag: "Webhooks",
  summary: "Create a webhook endpoint",
  description:
    "Parley POSTs each chosen event to the URL as JSON `{type, timestamp, data}`, signed per the Standard Webhooks " +
    "specification (headers `webhook-id`, `webhook-timestamp`, `webhook-signature`), retrying with exponential back-off " +
    "for 24 hours until a 2xx answer; events about one contact arrive in order. The URL must be https on a public " +
    "address. The answer holds the signing secret: keep it to verify signatures (admins can also see it in " +
    "Settings → Webhooks).\n\nEvent types:\n- " +
    eventTypesDoc,
  body: endpointInputSchema,
  status: 201,
  response: webhookEndpointSchema.extend({
    secret: z.string().meta({
      description: "The signing secret (`whsec_` and base64), for your Standard Webhooks library",
      example: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    }),
  }),
});

export const deleteWebhookEndpointOp = defineOperation({
  id: "deleteWebhookEndpoint",
  method: "DELETE",
  path: "/webhooks/endpoints/{id}",
  scope: "webhooks:manage",
  tag: "Webhooks",
  summary: "Delete a webhook endpoint",
  description:
    "Stops sending to it at once; its delivery log and waiting events are deleted. Another workspace's id is a 404.",
  params: z.object({ id: idSchema.meta({ example: "cmx3pa2ls000mpe7dg5ooq1xb" }) }),
  response: z.object({ id: z.string(), deleted: z.literal(true) }),
});
