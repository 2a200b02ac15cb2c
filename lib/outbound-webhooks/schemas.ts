// Inputs of the Webhooks settings page and the API: one schema each, parsed in the form and on the server.
import { z } from "zod";
import { messageKey } from "@/lib/i18n/message-key";
import { idSchema } from "@/lib/ids";
import { outboundEventTypeSchema } from "./events";

export const endpointInputSchema = z.object({
  url: z
    .string()
    .trim()
    .min(1, messageKey("settings.errors.webhooks.url"))
    .max(2000, messageKey("settings.errors.webhooks.urlMax"))
    .meta({
      description: "Where Parley POSTs the events: https, on a public address",
      example: "https://shop.example.com/hooks/parley",
    }),
  description: z
    .string()
    .trim()
    .max(200, messageKey("settings.errors.webhooks.descriptionMax"))
    .optional()
    .transform((v) => v || undefined)
    .meta({ description: "What this endpoint is for, for your team", example: "Order system" }),
  eventTypes: z
    .array(outboundEventTypeSchema)
    .min(1, messageKey("settings.errors.webhooks.eventTypes"))
    .transform((types) => [...new Set(types)])
    .meta({ description: "The events to send to this endpoint", example: ["message.delivered", "message.failed"] }),
});
export type EndpointInput = z.input<typeof endpointInputSchema>;

export const endpointIdSchema = z.object({ id: idSchema });
export const updateEndpointSchema = endpointInputSchema.extend({ id: idSchema });
export const setEnabledSchema = z.object({ id: idSchema, enabled: z.boolean() });
export const replaySchema = z.object({ endpointId: idSchema, deliveryId: z.string().regex(/^\d{1,19}$/) });
