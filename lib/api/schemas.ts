// The inputs of the API keys page (Settings → API): one schema each, used by the form and parsed again
// by the server action.
import { z } from "zod";
import { messageKey } from "@/lib/i18n/message-key";
import { API_SCOPES } from "./scopes";

/** A key set to expire on a day stops working at the end of that day, UTC. */
export function expiryOf(day: string): Date | null {
  return day ? new Date(`${day}T23:59:59.999Z`) : null;
}

export const createApiKeySchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { message: messageKey("settings.errors.apiKeys.name") })
    .max(100, { message: messageKey("settings.errors.apiKeys.nameMax") }),
  scopes: z
    .array(z.enum(API_SCOPES, { message: messageKey("settings.errors.apiKeys.scope") }))
    .min(1, { message: messageKey("settings.errors.apiKeys.scopesMin") }),
  expiresOn: z
    .union([z.literal(""), z.iso.date({ message: messageKey("settings.errors.apiKeys.expiry") })])
    .refine((day) => !day || expiryOf(day)!.getTime() > Date.now(), {
      message: messageKey("settings.errors.apiKeys.expiryPast"),
    }),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

export const revokeApiKeySchema = z.object({ id: z.string().min(1).max(64) });
