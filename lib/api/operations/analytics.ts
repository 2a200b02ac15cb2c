// Public API: analytics. The campaign list and a campaign's report (the same report the dashboard shows),
// and template stats with transactional messages kept apart from campaigns. All read from the rollups,
// except transactional stats (lib/analytics/transactional.ts), which read messages through their index.
import { z } from "zod";
import { idSchema } from "@/lib/ids";
import { defineOperation } from "../operation";

const CAMPAIGN_STATUSES = [
  "DRAFT",
  "AWAITING_APPROVAL",
  "SCHEDULED",
  "SENDING",
  "PAUSED",
  "COMPLETED",
  "CANCELLED",
] as const;
const category = z.enum(["MARKETING", "UTILITY", "AUTHENTICATION"]);
const count = (description: string, example: number) => z.number().int().meta({ description, example });

const funnelSchema = z
  .object({
    targeted: count("Everyone the campaign was for: pending, sent, failed and skipped together.", 1200),
    pending: count("Not sent yet.", 0),
    sent: count("Accepted by WhatsApp (including those delivered and read).", 1150),
    delivered: count("Delivered to the phone (including those read).", 1120),
    read: count("Read (including those replied to).", 840),
    replied: count("Answered, or a quick-reply button tapped.", 95),
    clicked: count("A tracked link opened (a quick-reply tap counts as a reply, once).", 130),
    failed: count("Refused or undeliverable.", 30),
    skipped: count("Left out before sending (no consent, opted out, cap, quiet hours…).", 20),
    optedOut: count("Opted out because of this campaign.", 4),
  })
  .meta({ id: "Funnel" });

export const listCampaignsOp = defineOperation({
  id: "listCampaigns",
  method: "GET",
  path: "/campaigns",
  scope: "analytics:read",
  tag: "Analytics",
  summary: "List campaigns with their funnel",
  description: "Newest first. Pass `nextCursor` as `cursor` for the next page; it is null on the last page.",
  query: z.object({
    cursor: z.string().max(300).optional().meta({ description: "`nextCursor` of the previous page, as it was given." }),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(100, { message: "At most 100 per page." })
      .default(20)
      .meta({ description: "Campaigns per page, 1 to 100 (20 when omitted).", example: 20 }),
    status: z
      .enum(CAMPAIGN_STATUSES)
      .optional()
      .meta({ description: "Only campaigns in this status.", example: "COMPLETED" }),
  }),
  response: z.object({
    data: z.array(
      z.object({
        id: z.string().meta({ example: "cm3camp000000000000000000" }),
        name: z.string().meta({ example: "Black Friday" }),
        status: z.enum(CAMPAIGN_STATUSES),
        statusReason: z.string().nullable().meta({ description: "Why it paused or was cancelled." }),
        template: z
          .object({
            id: z.string(),
            name: z.string().meta({ example: "black_friday" }),
            language: z.string().meta({ example: "en_US" }),
            category,
          })
          .nullable(),
        consentListId: z.string().nullable(),
        createdAt: z.string(),
        launchedAt: z.string().nullable(),
        completedAt: z.string().nullable(),
        funnel: funnelSchema,
      }),
    ),
    nextCursor: z.string().nullable(),
  }),
});

export const campaignReportOp = defineOperation({
  id: "getCampaignReport",
  method: "GET",
  path: "/campaigns/{id}/report",
  scope: "analytics:read",
  tag: "Analytics",
  summary: "Read a campaign's report",
  description:
    "The funnel, a time series, button taps, failures with what to do about them, skips and cost: what the campaign's page shows. Counts arrive within seconds of WhatsApp's webhooks.",
  params: z.object({ id: idSchema.meta({ description: "The campaign's id.", example: "cm3camp000000000000000000" }) }),
  response: z
    .object({
      status: z.enum(CAMPAIGN_STATUSES),
      statusReason: z.string().nullable(),
      completedAt: z.string().nullable(),
      funnel: funnelSchema,
      perSecond: z
        .number()
        .meta({ description: "Messages sent per second in the last minute, while sending.", example: 0 }),
      etaSeconds: z
        .number()
        .int()
        .nullable()
        .meta({ description: "Seconds until the pending messages are sent, while sending." }),
      nextDueAt: z
        .string()
        .nullable()
        .meta({ description: "When the next held message may leave (quiet hours, a retry)." }),
      series: z.object({
        unit: z.enum(["minute", "hour", "day"]).meta({ description: "The width of each point." }),
        points: z.array(
          z.object({
            at: z.string(),
            sent: z.number().int(),
            delivered: z.number().int(),
            read: z.number().int(),
            replied: z.number().int(),
            clicked: z.number().int(),
            failed: z.number().int(),
          }),
        ),
      }),
      buttons: z.array(
        z.object({
          label: z.string().meta({ example: "Shop now" }),
          kind: z.string().meta({ example: "Link (tracked opens)" }),
          count: z.number().int(),
          cardNumber: z
            .number()
            .int()
            .optional()
            .meta({ description: "A carousel card's button: the card's number, from 1.", example: 2 }),
          unnamed: z.number().int().optional().meta({
            description:
              'A button the template gave no text: its number, from 1 (`label` is then "Button n" or "Link n").',
          }),
        }),
      ),
      failures: z.array(
        z.object({
          code: z.number().int().nullable().meta({ description: "Meta's error code.", example: 131049 }),
          reason: z.string().meta({ description: "What happened." }),
          advice: z.string().meta({ description: "What to do about it." }),
          count: z.number().int(),
        }),
      ),
      skips: z.array(
        z.object({ reason: z.string().meta({ example: "no_consent" }), label: z.string(), count: z.number().int() }),
      ),
      cost: z.object({
        currency: z.string().meta({ example: "USD" }),
        total: z.number().meta({ description: "What Meta bills, at the price table's rates.", example: 12.5 }),
        billed: z.array(z.object({ category: z.string().meta({ example: "marketing" }), count: z.number().int() })),
      }),
    })
    .meta({ id: "CampaignReport" }),
});

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "A day such as 2026-11-01." });
const templateCounts = {
  pending: count("Not sent yet.", 0),
  sent: count("Accepted by WhatsApp (including those delivered and read).", 480),
  delivered: count("Delivered (including those read).", 470),
  read: count("Read (including those replied to).", 390),
  replied: count("Answered, or a quick-reply button tapped.", 12),
  clicked: count("A tracked link opened (a quick-reply tap counts as a reply, once).", 40),
  failed: count("Refused or undeliverable.", 6),
  skipped: count("Refused before sending.", 2),
};

export const templateStatsOp = defineOperation({
  id: "getTemplateStats",
  method: "GET",
  path: "/templates/stats",
  scope: "analytics:read",
  tag: "Analytics",
  summary: "Template stats: transactional messages and campaigns, apart",
  description:
    "For each template and category, over a range of days in the workspace's time zone (the last 30 when omitted; at most 400): " +
    "`transactional` counts the messages sent through the API that were created in the range, each at the furthest state it reached; " +
    "`campaigns` sums the campaigns that used the template, each event on the day it happened.",
  query: z.object({
    from: day.optional().meta({ description: "The first day (YYYY-MM-DD).", example: "2026-11-01" }),
    to: day.optional().meta({ description: "The last day, included (today when omitted).", example: "2026-11-30" }),
  }),
  response: z.object({
    from: z.string().meta({ example: "2026-11-01" }),
    to: z.string().meta({ example: "2026-11-30" }),
    timeZone: z
      .string()
      .meta({ description: "The workspace's time zone, which the days are in.", example: "Europe/Madrid" }),
    transactional: z.array(
      z.object({
        templateId: z.string(),
        template: z.string().meta({ example: "order_shipped" }),
        language: z.string().meta({ example: "en_US" }),
        category: category.meta({ description: "The category consent was checked for.", example: "UTILITY" }),
        total: count("Messages created in the range.", 500),
        ...templateCounts,
      }),
    ),
    campaigns: z.array(
      z.object({
        templateId: z.string().nullable().meta({ description: "Null when the template was deleted." }),
        template: z.string().meta({ example: "black_friday" }),
        language: z.string().nullable(),
        category: category.nullable(),
        campaigns: count("Campaigns with activity in the range.", 2),
        ...templateCounts,
      }),
    ),
  }),
});
