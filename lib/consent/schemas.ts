import { z } from "zod";

/** Sources an admin can record by hand; the others (keyword, WhatsApp setting, 131050, import) are automatic. */
export const MANUAL_SOURCES = ["ADMIN", "WEB_FORM", "SMS", "CHAT", "PHONE", "PAPER"] as const;

export const recordConsentSchema = z
  .object({
    contactId: z.string().min(1),
    consentListId: z.string().min(1, { message: "Choose a consent list." }),
    action: z.enum(["OPT_IN", "OPT_OUT"]),
    source: z.enum(MANUAL_SOURCES, { message: "Choose where the consent was given or withdrawn." }),
    proof: z.string().trim().max(2000, { message: "Proof: at most 2,000 characters." }),
  })
  .refine((v) => v.action === "OPT_OUT" || v.proof.length >= 10, {
    path: ["proof"],
    message:
      "Proof: an opt-in needs the wording the person agreed to, or where the proof is kept (at least 10 characters).",
  });
export type RecordConsentInput = z.infer<typeof recordConsentSchema>;

export const consentListSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { message: "Name: required, e.g. Promotions." })
    .max(60, { message: "Name: at most 60 characters." }),
  description: z.string().trim().max(200, { message: "Description: at most 200 characters." }),
  category: z.enum(["MARKETING", "UTILITY"], { message: "Purpose: marketing or utility." }),
});
export type ConsentListInput = z.infer<typeof consentListSchema>;

const keywordList = (label: string) =>
  z
    .string()
    .transform((v) => [
      ...new Set(
        v
          .split(",")
          .map((k) => k.trim().replace(/\s+/g, " ").toUpperCase())
          .filter(Boolean),
      ),
    ])
    .pipe(
      z
        .array(z.string().max(30, { message: `${label}: each keyword at most 30 characters.` }))
        .max(30, { message: `${label}: at most 30 keywords.` }),
    );

/** Keywords are typed comma-separated; replies are sent inside the 24-hour window. */
export const keywordSettingsSchema = z
  .object({
    optOutKeywords: keywordList("Opt-out keywords").pipe(
      z.array(z.string()).min(1, { message: "Opt-out keywords: keep at least one, such as STOP." }),
    ),
    optInKeywords: keywordList("Opt-in keywords"),
    optOutReply: z
      .string()
      .trim()
      .min(1, { message: "Opt-out reply: required." })
      .max(1024, { message: "Opt-out reply: at most 1,024 characters." }),
    optInReply: z
      .string()
      .trim()
      .min(1, { message: "Opt-in reply: required." })
      .max(1024, { message: "Opt-in reply: at most 1,024 characters." }),
  })
  .refine((v) => !v.optOutKeywords.some((k) => v.optInKeywords.includes(k)), {
    path: ["optInKeywords"],
    message: "Opt-in keywords: a word cannot be both an opt-out and an opt-in keyword.",
  });
export type KeywordSettingsInput = z.input<typeof keywordSettingsSchema>;
export type KeywordSettings = z.output<typeof keywordSettingsSchema>;

/** An audit export's query: `?format=csv` (the default, also for anything unknown) or `?format=json`. */
export const consentExportQuerySchema = z.object({ format: z.enum(["csv", "json"]).catch("csv") });
