// Public API: events. Something happened to a contact in the business's own systems ("order.shipped"):
// stored for journeys to start from. The work is lib/events/service.ts.
import { z } from "zod";
import { CLOCK_SKEW_MS } from "@/lib/consent/api-sources";
import { idSchema } from "@/lib/ids";
import { BSUID_PATTERN } from "@/lib/contacts/identity";
import { defineOperation } from "../operation";

export const EVENT_NAME = /^[a-z][a-z0-9_.]{0,63}$/;
export const MAX_EVENT_PROPERTIES_BYTES = 16 * 1024;
export const MAX_BATCH_EVENTS = 100;

export const eventInputSchema = z
  .strictObject({
    name: z
      .string()
      .regex(EVENT_NAME, {
        message:
          "An event name is a lower-case letter, then lower-case letters, digits, _ or . (at most 64), such as order.shipped.",
      })
      .meta({
        description:
          "What happened: a lower-case letter, then lower-case letters, digits, `_` or `.` (at most 64 characters). Journeys start from these names.",
        example: "order.shipped",
      }),
    contact: z
      .strictObject({
        id: idSchema.optional().meta({ description: "The contact's id.", example: "c3f1d2e4a5b6c7d8e9f0a1b2c" }),
        phone: z.string().min(1).max(40).optional().meta({
          description: "Or its phone number: international, or national in the workspace's default country.",
          example: "+34610000001",
        }),
        bsuid: z
          .string()
          .regex(BSUID_PATTERN, { message: "A WhatsApp user id looks like US.13491208655302741918." })
          .optional()
          .meta({
            description: "Or its WhatsApp user id, for a person who shows only a username.",
            example: "ES.13491208655302741918",
          }),
      })
      .refine((c) => [c.id, c.phone, c.bsuid].filter((v) => v !== undefined).length === 1, {
        message: "Give the contact's id, its phone or its WhatsApp user id (bsuid), one of them.",
      })
      .meta({ description: 'Who it happened to: `{"id": …}`, `{"phone": …}` or `{"bsuid": …}`.' }),
    properties: z
      .record(z.string(), z.unknown())
      .default({})
      .refine((p) => Buffer.byteLength(JSON.stringify(p)) <= MAX_EVENT_PROPERTIES_BYTES, {
        message: `Properties take at most ${MAX_EVENT_PROPERTIES_BYTES / 1024} KB as JSON.`,
      })
      .meta({
        description: `Anything about the event, as a JSON object of at most ${MAX_EVENT_PROPERTIES_BYTES / 1024} KB.`,
        example: { orderId: "10423", carrier: "DHL", eta: "2026-11-22" },
      }),
    occurredAt: z.iso
      .datetime({ offset: true, message: "A date and time in ISO 8601, such as 2026-11-20T10:15:00Z." })
      .transform((value) => new Date(value))
      .refine((date) => date.getTime() <= Date.now() + CLOCK_SKEW_MS, { message: "This time is in the future." })
      .optional()
      .meta({
        description:
          "When it happened (ISO 8601); when Parley received it if omitted. Not in the future (5 minutes of clock drift are allowed).",
        example: "2026-11-20T10:15:00Z",
      }),
    createContact: z.boolean().default(true).meta({
      description:
        "When the contact is named by a phone Parley does not know: create it (true, the default), or refuse the event (false). A number erased at the person's request is never created.",
      example: true,
    }),
  })
  .meta({ id: "EventInput" });

export const recordEventOp = defineOperation({
  id: "recordEvent",
  method: "POST",
  path: "/events",
  scope: "events:write",
  tag: "Events",
  summary: "Record an event about a contact",
  description:
    "Stores the event for journeys to start from, and answers at once (202). A contact named by a phone Parley does not know yet is created, unless `createContact` is false. " +
    "An unknown contact id, or an unknown phone with `createContact: false`, is a 404.",
  body: eventInputSchema,
  status: 202,
  response: z.object({
    id: z.string().meta({ description: "The event's id.", example: "e5b1c2d3e4f5a6b7c8d9e0f1a" }),
    contactId: z.string().meta({ example: "c3f1d2e4a5b6c7d8e9f0a1b2c" }),
    contactCreated: z
      .boolean()
      .meta({ description: "True when the contact was created for this event.", example: false }),
  }),
});

type ItemErrors = { invalid: { field: string; message: string }[] };

/** A batch item is parsed on its own (see the contacts batch): an invalid one becomes its errors. */
const batchItemSchema = eventInputSchema.catch(((ctx: z.core.$ZodCatchCtx): ItemErrors => ({
  invalid: ctx.error.issues.map((issue) => ({
    field: issue.path.map(String).join(".") || "item",
    message: issue.message,
  })),
})) as never) as unknown as z.ZodType<z.output<typeof eventInputSchema> | ItemErrors, z.input<typeof eventInputSchema>>;

export const recordEventsBatchOp = defineOperation({
  id: "recordEventsBatch",
  method: "POST",
  path: "/events/batch",
  scope: "events:write",
  tag: "Events",
  summary: `Record up to ${MAX_BATCH_EVENTS} events`,
  description:
    "Each event is stored as `POST /events` would store it, and answered on its own by its index: one that is refused does not stop the others.",
  body: z.object({
    events: z
      .array(batchItemSchema)
      .min(1, { message: "Send at least one event." })
      .max(MAX_BATCH_EVENTS, { message: `At most ${MAX_BATCH_EVENTS} events per call.` }),
  }),
  status: 202,
  response: z.object({
    accepted: z.number().int().meta({ example: 99 }),
    failed: z.number().int().meta({ example: 1 }),
    results: z.array(
      z.object({
        index: z.number().int().meta({ description: "The item's position in `events`, from 0.", example: 0 }),
        id: z.string().optional(),
        contactId: z.string().optional(),
        contactCreated: z.boolean().optional(),
        errors: z
          .array(z.object({ field: z.string().meta({ example: "contact.phone" }), message: z.string() }))
          .optional(),
      }),
    ),
  }),
});
