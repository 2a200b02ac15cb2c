// The workspace's rules an admin sets (Settings → Workspace): approval before launch, the marketing cap,
// default quiet hours for new campaigns, the country for phone numbers written without one, the time zone.
import { isSupportedCountry } from "libphonenumber-js";
import { z } from "zod";
import { quietHoursSchema } from "@/lib/campaigns/schemas";

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
    .number({ error: "Enter a whole number, or leave it empty for no cap." })
    .int("Enter a whole number.")
    .min(1, "At least 1 (leave it empty for no cap).")
    .max(100, "At most 100 a week.")
    .nullable(),
  quietHours: quietHoursSchema,
  defaultCountry: z
    .string()
    .trim()
    .toUpperCase()
    .refine(
      (c) => /^[A-Z]{2}$/.test(c) && isSupportedCountry(c),
      "Pick a country: its two-letter code, such as ES or GB.",
    ),
  timeZone: z.string().trim().refine(isTimeZone, "Pick a time zone, such as Europe/Madrid."),
});
export type WorkspaceRules = z.output<typeof workspaceRulesSchema>;
export type WorkspaceRulesForm = z.input<typeof workspaceRulesSchema>;
