// The inputs of the API keys page (Settings → API): one schema each, used by the form and parsed again
// by the server action.
import { z } from "zod";
import { API_SCOPES } from "./scopes";

/** A key set to expire on a day stops working at the end of that day, UTC. */
export function expiryOf(day: string): Date | null {
  return day ? new Date(`${day}T23:59:59.999Z`) : null;
}

export const createApiKeySchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { message: "Enter a name that says which system uses the key, for example “Shop orders”." })
    .max(100, { message: "Name: at most 100 characters." }),
  scopes: z
    .array(z.enum(API_SCOPES, { message: "Choose scopes from the list." }))
    .min(1, { message: "Choose at least one scope: a key without one can do nothing." }),
  expiresOn: z
    .union([z.literal(""), z.iso.date({ message: "Enter the expiry as a date, or leave it empty." })])
    .refine((day) => !day || expiryOf(day)!.getTime() > Date.now(), {
      message: "The expiry date must be today or later.",
    }),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

export const revokeApiKeySchema = z.object({ id: z.string().min(1).max(64) });
