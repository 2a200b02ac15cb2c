// The campaign builder's input: one schema for the form and the server action.
import { z } from "zod";
import { messageKey } from "@/lib/i18n/message-key";
import { isContactField } from "./contact-fields";

export const variableSchema = z
  .object({
    /** "tracked": a URL button's ending becomes a token for Parley's redirect (/r/…), which counts the open and goes to `value`. */
    source: z.enum(["field", "attribute", "constant", "tracked"]),
    value: z.string().trim().max(500),
    fallback: z.string().trim().max(500).default(""),
  })
  .superRefine((v, ctx) => {
    if (v.source === "field" && !isContactField(v.value))
      ctx.addIssue({ code: "custom", path: ["value"], message: messageKey("campaigns.errors.pickField") });
    if (v.source === "attribute" && !/^[A-Za-z0-9_.-]{1,64}$/.test(v.value)) {
      ctx.addIssue({ code: "custom", path: ["value"], message: messageKey("campaigns.errors.attributeName") });
    }
    if (v.source === "constant" && !v.value)
      ctx.addIssue({ code: "custom", path: ["value"], message: messageKey("campaigns.errors.constantValue") });
    if (v.source === "tracked" && !/^https?:\/\/[^\s]+$/.test(v.value)) {
      ctx.addIssue({
        code: "custom",
        path: ["value"],
        message: messageKey("campaigns.errors.trackedAddress"),
      });
    }
  });
export type Variable = z.output<typeof variableSchema>;

const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, messageKey("campaigns.errors.dateTime"));
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, messageKey("campaigns.errors.clock"));

export const scheduleSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("now") }),
  /** A moment in the workspace's time zone. */
  z.object({ mode: z.literal("at"), at: localDateTime }),
  /** The same wall-clock time in each recipient's time zone (the workspace's when theirs is unknown). */
  z.object({ mode: z.literal("local"), at: localDateTime }),
]);
export type Schedule = z.output<typeof scheduleSchema>;

export const quietHoursSchema = z
  .object({ enabled: z.boolean(), start: clock, end: clock })
  .refine((q) => !q.enabled || q.start !== q.end, {
    message: messageKey("campaigns.errors.quietHours"),
    path: ["end"],
  });
export type QuietHours = z.output<typeof quietHoursSchema>;

export const campaignInputSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, messageKey("campaigns.errors.nameRequired"))
    .max(120, messageKey("campaigns.errors.nameLong")),
  templateName: z.string().min(1, messageKey("campaigns.errors.pickTemplate")),
  fallbackLanguage: z.string().min(2, messageKey("campaigns.errors.pickFallback")),
  consentListId: z.string().min(1, messageKey("campaigns.errors.pickList")),
  segmentIds: z.array(z.string().min(1)).max(10).default([]),
  excludeSegmentIds: z.array(z.string().min(1)).max(10).default([]),
  /**
   * Keyed by slot: "header", "body:<name>", "button:<index>" (URL suffix), "payload:<index>" (quick reply),
   * "offer" (a limited-time offer's expiry), and a carousel card's own as "card:<n>:body:<name>" and so on.
   */
  variables: z
    .record(z.string().regex(/^(header|offer|(card:\d:)?(body:[A-Za-z0-9_]+|button:\d|payload:\d))$/), variableSchema)
    .default({})
    .superRefine((variables, ctx) => {
      for (const [key, v] of Object.entries(variables)) {
        // A link button's ending: the message's own or a carousel card's.
        if (v.source === "tracked" && !/^(card:\d:)?button:\d$/.test(key))
          ctx.addIssue({
            code: "custom",
            path: [key, "source"],
            message: messageKey("campaigns.errors.trackedOnlyLinks"),
          });
      }
    }),
  headerMediaId: z.string().default(""),
  /** A carousel's files from the media library, one a card in order (the template's own to start with). */
  cardMediaIds: z.array(z.string()).max(10).default([]),
  schedule: scheduleSchema,
  quietHours: quietHoursSchema,
  /** Messages per second; empty: the sender number's limit. */
  sendRatePerSec: z
    .number()
    .int()
    .min(1, messageKey("campaigns.errors.rateMin"))
    .max(1000, messageKey("campaigns.errors.rateMax"))
    .nullable()
    .default(null),
});
export type CampaignInput = z.output<typeof campaignInputSchema>;
export type CampaignFormValues = z.input<typeof campaignInputSchema>;

/** What the builder stores in Campaign.variableMapping. */
export const mappingSchema = campaignInputSchema.pick({
  templateName: true,
  fallbackLanguage: true,
  variables: true,
  headerMediaId: true,
  cardMediaIds: true,
});
export type Mapping = z.output<typeof mappingSchema>;

export const audienceSchema = campaignInputSchema.pick({ segmentIds: true, excludeSegmentIds: true });

export const campaignIdSchema = z.object({ id: z.string().min(1) });

/** A new campaign's form, with the workspace's default quiet hours (Settings → Workspace). */
export function emptyCampaign(quietHours: QuietHours): CampaignFormValues {
  return {
    name: "",
    templateName: "",
    fallbackLanguage: "",
    consentListId: "",
    segmentIds: [],
    excludeSegmentIds: [],
    variables: {},
    headerMediaId: "",
    cardMediaIds: [],
    schedule: { mode: "now" },
    quietHours,
    sendRatePerSec: null,
  };
}
