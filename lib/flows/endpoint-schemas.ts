// The booking availability an admin edits (Settings → Flows endpoint): one row per weekday, open or closed,
// with its opening and closing time, the slot length and the seats per slot. Parsed by the form and again by
// the server action.
import { z } from "zod";
import { messageKey } from "@/lib/i18n/message-key";

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const time = z.string().regex(TIME, messageKey("flowEndpoint.errors.time"));

const daySchema = z
  .object({
    weekday: z.number().int().min(1).max(7),
    open: z.boolean(),
    from: time,
    to: time,
  })
  .refine((d) => !d.open || d.from < d.to, { message: messageKey("flowEndpoint.errors.closeAfterOpen"), path: ["to"] });

export const availabilitySchema = z.object({
  days: z
    .array(daySchema)
    .length(7)
    .refine((days) => days.every((d, i) => d.weekday === i + 1), messageKey("flowEndpoint.errors.weekdays")),
  slotMinutes: z
    .number({ error: messageKey("flowEndpoint.errors.slotMinutes") })
    .int(messageKey("flowEndpoint.errors.slotMinutes"))
    .min(5, messageKey("flowEndpoint.errors.slotMinutes"))
    .max(480, messageKey("flowEndpoint.errors.slotMinutes")),
  capacity: z
    .number({ error: messageKey("flowEndpoint.errors.capacity") })
    .int(messageKey("flowEndpoint.errors.capacity"))
    .min(1, messageKey("flowEndpoint.errors.capacity"))
    .max(1000, messageKey("flowEndpoint.errors.capacity")),
});
export type AvailabilityInput = z.output<typeof availabilitySchema>;
export type AvailabilityForm = z.input<typeof availabilitySchema>;

/** Opening hours as stored (BookingAvailability.weeklyHours), read leniently: anything odd is left out. */
export const weeklyHoursSchema = z
  .array(z.object({ weekday: z.number().int().min(1).max(7), open: time, close: time }))
  .catch([]);
