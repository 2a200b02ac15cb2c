import { z } from "zod";
import { messageKey } from "@/lib/i18n/message-key";
import { MANUAL_SOURCES } from "./sources";

export const recordConsentSchema = z
  .object({
    contactId: z.string().min(1),
    consentListId: z.string().min(1, { message: messageKey("audiences.errors.consent.chooseList") }),
    action: z.enum(["OPT_IN", "OPT_OUT"]),
    source: z.enum(MANUAL_SOURCES, { message: messageKey("audiences.errors.consent.chooseSource") }),
    proof: z
      .string()
      .trim()
      .max(2000, { message: messageKey("audiences.errors.consent.proofTooLong", { max: 2000 }) }),
  })
  .refine((v) => v.action === "OPT_OUT" || v.proof.length >= 10, {
    path: ["proof"],
    message: messageKey("audiences.errors.consent.optInProof"),
  });
export type RecordConsentInput = z.infer<typeof recordConsentSchema>;

export const consentListSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { message: messageKey("audiences.errors.consent.nameRequired") })
    .max(60, { message: messageKey("audiences.errors.consent.nameTooLong", { max: 60 }) }),
  description: z
    .string()
    .trim()
    .max(200, { message: messageKey("audiences.errors.consent.descriptionTooLong", { max: 200 }) }),
  category: z.enum(["MARKETING", "UTILITY"], { message: messageKey("audiences.errors.consent.purpose") }),
});
export type ConsentListInput = z.infer<typeof consentListSchema>;

/** `list` names the field in its messages: the opt-out or the opt-in keywords. */
const keywordList = (list: "optOut" | "optIn") =>
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
        .array(
          z.string().max(30, { message: messageKey("audiences.errors.consent.keywordTooLong", { list, max: 30 }) }),
        )
        .max(30, { message: messageKey("audiences.errors.consent.tooManyKeywords", { list, max: 30 }) }),
    );

/** Keywords are typed comma-separated; replies are sent inside the 24-hour window. */
export const keywordSettingsSchema = z
  .object({
    optOutKeywords: keywordList("optOut").pipe(
      z.array(z.string()).min(1, { message: messageKey("audiences.errors.consent.keepOneOptOut") }),
    ),
    optInKeywords: keywordList("optIn"),
    optOutReply: z
      .string()
      .trim()
      .min(1, { message: messageKey("audiences.errors.consent.replyRequired", { reply: "optOut" }) })
      .max(1024, { message: messageKey("audiences.errors.consent.replyTooLong", { reply: "optOut", max: 1024 }) }),
    optInReply: z
      .string()
      .trim()
      .min(1, { message: messageKey("audiences.errors.consent.replyRequired", { reply: "optIn" }) })
      .max(1024, { message: messageKey("audiences.errors.consent.replyTooLong", { reply: "optIn", max: 1024 }) }),
  })
  .refine((v) => !v.optOutKeywords.some((k) => v.optInKeywords.includes(k)), {
    path: ["optInKeywords"],
    message: messageKey("audiences.errors.consent.keywordBoth"),
  });
export type KeywordSettingsInput = z.input<typeof keywordSettingsSchema>;
export type KeywordSettings = z.output<typeof keywordSettingsSchema>;

/** An audit export's query: `?format=csv` (the default, also for anything unknown) or `?format=json`. */
export const consentExportQuerySchema = z.object({ format: z.enum(["csv", "json"]).catch("csv") });
