// The rate-card import form's input: one schema for the form and the server action.
import { z } from "zod";
import { messageKey } from "@/lib/i18n/message-key";

export const importRateCardSchema = z.object({
  fileName: z
    .string()
    .trim()
    .min(1, { message: messageKey("settings.pricing.import.chooseFile") })
    .max(200),
  text: z.string(),
  effectiveFrom: z.iso.date({ message: messageKey("settings.pricing.errors.effectiveFrom") }),
  currency: z
    .string()
    .trim()
    .regex(/^([A-Za-z]{3})?$/, { message: messageKey("settings.pricing.errors.currency") })
    .optional(),
});
export type ImportRateCardInput = z.infer<typeof importRateCardSchema>;
