// The workspace's rules an admin sets (Settings → Workspace): approval before launch, the marketing cap,
// default quiet hours for new campaigns, the country for phone numbers written without one, the time zone.
import { isSupportedCountry } from "libphonenumber-js";
import { z } from "zod";
import { quietHoursSchema } from "@/lib/campaigns/schemas";
import { messageKey } from "@/lib/i18n/message-key";

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

export const workspaceRulesSchema = z.object({
  requireApproval: z.boolean(),
  /** Marketing messages one person may receive in 7 days, across campaigns; null: no cap. */
  marketingCapPer7Days: z
    .number({ error: messageKey("settings.errors.workspace.cap") })
    .int(messageKey("settings.errors.workspace.capWhole"))
    .min(1, messageKey("settings.errors.workspace.capMin"))
    .max(100, messageKey("settings.errors.workspace.capMax"))
    .nullable(),
  quietHours: quietHoursSchema,
  defaultCountry: z
    .string()
    .trim()
    .toUpperCase()
    .refine((c) => /^[A-Z]{2}$/.test(c) && isSupportedCountry(c), messageKey("settings.errors.workspace.country")),
  timeZone: z.string().trim().refine(isTimeZone, messageKey("settings.errors.workspace.timeZone")),
});
export type WorkspaceRules = z.output<typeof workspaceRulesSchema>;
export type WorkspaceRulesForm = z.input<typeof workspaceRulesSchema>;
