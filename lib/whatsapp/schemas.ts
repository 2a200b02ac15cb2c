// zod schemas for the Cloud API shapes Parley sends and receives (shared/whatsapp/CLOUD_API.md; the
// OpenAPI description is the final word and the tests check these requests against it). The sandbox
// validates what it receives with the same schemas, so client and stand-in cannot drift apart.
import { z } from "zod";

// ------------------------------------------------------------------ shared pieces

/** A recipient as Meta takes it: digits, optionally with a leading +. */
export const recipientSchema = z
  .string()
  .regex(/^\+?[1-9]\d{6,14}$/, { message: "to must be a phone number in international format" });

// Since 2026 a message may go to a business-scoped user id instead, in `recipient` (Meta's
// whatsapp/business-scoped-user-ids/ page; the v23 OpenAPI file predates it). With both, Meta uses `to`.
const bsuidRecipientSchema = z.string().regex(/^[A-Z]{2}\.(?:ENT\.)?[A-Za-z0-9]{1,128}$/, {
  message: "recipient must be a business-scoped user id such as US.13491208655302741918",
});

const mediaObject = z.union([
  z
    .object({ id: z.string().min(1), caption: z.string().max(1024).optional(), filename: z.string().optional() })
    .strict(),
  z.object({ link: z.url(), caption: z.string().max(1024).optional(), filename: z.string().optional() }).strict(),
]);

const contextSchema = z.object({ message_id: z.string().min(1) });

const base = {
  messaging_product: z.literal("whatsapp"),
  recipient_type: z.literal("individual").default("individual"),
  to: recipientSchema.optional(),
  recipient: bsuidRecipientSchema.optional(),
  context: contextSchema.optional(),
};

// ------------------------------------------------------------------ template messages

const textParameter = z.object({
  type: z.literal("text"),
  text: z.string().min(1),
  parameter_name: z.string().optional(),
});
const currencyParameter = z.object({
  type: z.literal("currency"),
  currency: z.object({ fallback_value: z.string(), code: z.string().length(3), amount_1000: z.number().int() }),
});
const dateTimeParameter = z.object({
  type: z.literal("date_time"),
  date_time: z.object({ fallback_value: z.string() }),
});
const headerMediaParameter = z.discriminatedUnion("type", [
  z.object({ type: z.literal("image"), image: mediaObject }),
  z.object({ type: z.literal("video"), video: mediaObject }),
  z.object({ type: z.literal("document"), document: mediaObject }),
  z.object({
    type: z.literal("location"),
    location: z.object({
      latitude: z.number(),
      longitude: z.number(),
      name: z.string().optional(),
      address: z.string().optional(),
    }),
  }),
]);

export const templateComponentSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("header"), parameters: z.array(z.union([headerMediaParameter, textParameter])).max(1) }),
  z.object({
    type: z.literal("body"),
    parameters: z.array(z.union([textParameter, currencyParameter, dateTimeParameter])),
  }),
  z.object({
    type: z.literal("button"),
    sub_type: z.enum(["quick_reply", "url", "copy_code", "flow", "catalog", "CATALOG"]),
    // Sent as a string, as the OpenAPI description has it (Meta also takes a number).
    index: z.union([z.number().int().min(0).max(9), z.string().regex(/^\d$/)]).transform(String),
    parameters: z.array(
      z.union([
        z.object({ type: z.literal("payload"), payload: z.string().max(256) }),
        z.object({ type: z.literal("text"), text: z.string().min(1).max(2000) }),
        z.object({ type: z.literal("coupon_code"), coupon_code: z.string().max(20) }),
        z.object({ type: z.literal("action"), action: z.record(z.string(), z.unknown()) }),
      ]),
    ),
  }),
  z.object({
    type: z.literal("limited_time_offer"),
    parameters: z.array(
      z.object({
        type: z.literal("limited_time_offer"),
        limited_time_offer: z.object({ expiration_time_ms: z.number().int() }),
      }),
    ),
  }),
  z.object({
    type: z.literal("carousel"),
    cards: z
      .array(
        z.object({
          card_index: z.number().int().min(0).max(9),
          components: z.array(z.record(z.string(), z.unknown())),
        }),
      )
      .max(10),
  }),
]);
export type TemplateSendComponent = z.infer<typeof templateComponentSchema>;

export const sendTemplateRequestSchema = z.object({
  ...base,
  // Echoed on the status webhooks. Meta's OpenAPI (v23) allows it on template messages only, so free-form
  // messages (inbox replies) are sent without it.
  biz_opaque_callback_data: z.string().max(512).optional(),
  type: z.literal("template"),
  template: z.object({
    name: z
      .string()
      .regex(/^[a-z0-9_]{1,512}$/, { message: "template.name must be lowercase letters, digits and underscores" }),
    language: z.object({
      code: z.string().min(2).max(15),
      policy: z.literal("deterministic").default("deterministic"),
    }),
    components: z.array(templateComponentSchema).optional(),
  }),
});
export type SendTemplateRequest = z.input<typeof sendTemplateRequestSchema>;

// ------------------------------------------------------------------ session (in-window) messages

export const sendTextRequestSchema = z.object({
  ...base,
  type: z.literal("text"),
  text: z.object({ body: z.string().min(1).max(4096), preview_url: z.boolean().optional() }),
});

const mediaRequests = [
  z.object({ ...base, type: z.literal("image"), image: mediaObject }),
  z.object({ ...base, type: z.literal("video"), video: mediaObject }),
  z.object({ ...base, type: z.literal("document"), document: mediaObject }),
  z.object({ ...base, type: z.literal("audio"), audio: mediaObject }),
  z.object({ ...base, type: z.literal("sticker"), sticker: mediaObject }),
] as const;

const interactiveHeader = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text"), text: z.string().min(1).max(60) }),
  z.object({ type: z.literal("image"), image: mediaObject }),
  z.object({ type: z.literal("video"), video: mediaObject }),
  z.object({ type: z.literal("document"), document: mediaObject }),
]);
const interactiveBody = z.object({ text: z.string().min(1).max(1024) });
const interactiveFooter = z.object({ text: z.string().min(1).max(60) });

export const interactiveSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("button"),
    header: interactiveHeader.optional(),
    body: interactiveBody,
    footer: interactiveFooter.optional(),
    action: z.object({
      buttons: z
        .array(
          z.object({
            type: z.literal("reply"),
            reply: z.object({ id: z.string().min(1).max(256), title: z.string().min(1).max(20) }),
          }),
        )
        .min(1)
        .max(3, { message: "interactive.action.buttons: at most 3 reply buttons" }),
    }),
  }),
  z.object({
    type: z.literal("list"),
    header: z.object({ type: z.literal("text"), text: z.string().min(1).max(60) }).optional(),
    body: interactiveBody.extend({ text: z.string().min(1).max(4096) }),
    footer: interactiveFooter.optional(),
    action: z.object({
      button: z.string().min(1).max(20),
      sections: z
        .array(
          z.object({
            title: z.string().max(24).optional(),
            rows: z
              .array(
                z.object({
                  id: z.string().min(1).max(200),
                  title: z.string().min(1).max(24),
                  description: z.string().max(72).optional(),
                }),
              )
              .min(1),
          }),
        )
        .min(1)
        .max(10)
        .refine((sections) => sections.reduce((n, s) => n + s.rows.length, 0) <= 10, {
          message: "interactive.action.sections: at most 10 rows in all",
        }),
    }),
  }),
  z.object({
    type: z.literal("cta_url"),
    header: interactiveHeader.optional(),
    body: interactiveBody,
    footer: interactiveFooter.optional(),
    action: z.object({
      name: z.literal("cta_url"),
      parameters: z.object({ display_text: z.string().min(1).max(20), url: z.url() }),
    }),
  }),
  // A WhatsApp Flow (flows/guides/sendingaflow): the form opens from the button; its answer comes back as an
  // nfm_reply carrying flow_token.
  z.object({
    type: z.literal("flow"),
    header: z.object({ type: z.literal("text"), text: z.string().min(1).max(60) }).optional(),
    body: interactiveBody,
    footer: interactiveFooter.optional(),
    action: z.object({
      name: z.literal("flow"),
      parameters: z.object({
        flow_message_version: z.literal("3"),
        flow_id: z.string().min(1),
        flow_cta: z.string().min(1).max(30),
        flow_token: z.string().min(1).max(256),
        mode: z.enum(["draft", "published"]).optional(),
        flow_action: z.enum(["navigate", "data_exchange"]).optional(),
        flow_action_payload: z
          .object({ screen: z.string().min(1), data: z.record(z.string(), z.unknown()).optional() })
          .optional(),
      }),
    }),
  }),
]);

export const sendInteractiveRequestSchema = z.object({
  ...base,
  type: z.literal("interactive"),
  interactive: interactiveSchema,
});

export const markReadRequestSchema = z.object({
  messaging_product: z.literal("whatsapp"),
  status: z.literal("read"),
  message_id: z.string().min(1),
  typing_indicator: z.object({ type: z.literal("text") }).optional(),
});

// Discriminated by type, so that an error names the field at fault rather than "invalid input".
export const sendMessageRequestSchema = z
  .discriminatedUnion("type", [
    sendTemplateRequestSchema,
    sendTextRequestSchema,
    sendInteractiveRequestSchema,
    ...mediaRequests,
  ])
  .refine((m) => m.to !== undefined || m.recipient !== undefined, {
    message: "to (a phone number) or recipient (a business-scoped user id) is required",
    path: ["to"],
  });
/** What callers pass (defaults such as recipient_type are filled in by the schema). */
export type SendMessageRequest = z.input<typeof sendMessageRequestSchema>;

/**
 * The Marketing Messages API's send (POST /{phone-number-id}/marketing_messages, Meta's OpenAPI
 * MarketingMessageRequestPayload): a template message as to /messages, without a reply context, and nothing
 * else (additionalProperties: false), to a phone number (`to` is required there; a person known only by a
 * business-scoped user id is sent to through /messages). Its time-to-live is the template's own
 * (message_send_ttl_seconds, set when the template is created), not a field of the send.
 */
export const marketingMessageRequestSchema = sendTemplateRequestSchema
  .omit({ context: true, recipient: true })
  .extend({ to: recipientSchema })
  .strict();
export type MarketingMessageRequest = z.input<typeof marketingMessageRequestSchema>;

// ------------------------------------------------------------------ templates (management)

export const TEMPLATE_CATEGORIES = ["MARKETING", "UTILITY", "AUTHENTICATION"] as const;

export const createTemplateRequestSchema = z.object({
  name: z
    .string()
    .regex(/^[a-z0-9_]{1,512}$/, { message: "name must be lowercase letters, digits and underscores (at most 512)" }),
  language: z.string().min(2).max(15),
  // Meta takes the category in either case ("marketing" or "MARKETING").
  category: z
    .string()
    .transform((c) => c.toUpperCase())
    .pipe(z.enum(TEMPLATE_CATEGORIES)),
  parameter_format: z.enum(["POSITIONAL", "NAMED"]).optional(),
  allow_category_change: z.boolean().optional(),
  /** How long delivery is tried (Meta: templates/time-to-live), within a range per category. */
  message_send_ttl_seconds: z.number().int().optional(),
  components: z.array(z.looseObject({ type: z.string() })).min(1),
});
export type CreateTemplateRequest = z.infer<typeof createTemplateRequestSchema>;

export const createTemplateResponseSchema = z.object({
  id: z.string(),
  status: z.string(),
  category: z.string(),
});

export const templateSummarySchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  language: z.string(),
  status: z.string(),
  category: z.string(),
  components: z.array(z.looseObject({ type: z.string() })).optional(),
  quality_score: z.looseObject({ score: z.string() }).optional(),
  rejected_reason: z.string().optional(),
  parameter_format: z.string().optional(),
});
export const listTemplatesResponseSchema = z.object({
  data: z.array(templateSummarySchema),
  paging: z
    .looseObject({
      cursors: z.looseObject({ before: z.string().optional(), after: z.string().optional() }).optional(),
      next: z.string().optional(),
    })
    .optional(),
});

// ------------------------------------------------------------------ responses

export const sendMessageResponseSchema = z.object({
  messaging_product: z.literal("whatsapp"),
  // wa_id for a phone; user_id for a message sent to a business-scoped user id.
  contacts: z.array(z.object({ input: z.string(), wa_id: z.string().optional(), user_id: z.string().optional() })),
  messages: z.array(
    z.object({
      id: z.string(),
      message_status: z.enum(["accepted", "held_for_quality_assessment", "paused"]).optional(),
    }),
  ),
});

export const successResponseSchema = z.object({ success: z.boolean() });

export const graphErrorSchema = z.object({
  error: z.looseObject({
    message: z.string(),
    type: z.string().optional(),
    code: z.number().int(),
    error_subcode: z.number().int().optional(),
    error_data: z.looseObject({ details: z.string().optional() }).optional(),
    fbtrace_id: z.string().optional(),
  }),
});

export const phoneNumberHealthSchema = z.looseObject({
  id: z.string(),
  display_phone_number: z.string().optional(),
  verified_name: z.string().optional(),
  quality_rating: z.string().optional(),
  throughput: z.looseObject({ level: z.string() }).optional(),
  whatsapp_business_manager_messaging_limit: z.string().optional(),
});

/** GET /{waba-id}?fields=marketing_messages_onboarding_status (Meta: marketing-messages/onboarding). */
export const wabaMarketingStatusSchema = z.looseObject({
  id: z.string(),
  marketing_messages_onboarding_status: z.string().optional(),
});

/** Graph API paging of a list: `next` is there while there are more pages; cursors may be there either way. */
export const graphPagingSchema = z.looseObject({
  next: z.string().optional(),
  cursors: z.looseObject({ before: z.string().optional(), after: z.string().optional() }).optional(),
});
export type GraphPaging = z.infer<typeof graphPagingSchema>;

/**
 * GET /{waba-id}?fields=pricing_analytics.start(..).end(..).granularity(DAILY).dimensions([...]): what Meta
 * billed, in buckets (UTC, at most 90 days back). Values are Meta's upper-case enums; cost is in the WABA's
 * currency, volume is the number of delivered messages.
 */
export const pricingAnalyticsResponseSchema = z.looseObject({
  id: z.string(),
  pricing_analytics: z
    .looseObject({
      data: z.array(
        z.looseObject({
          data_points: z.array(
            z.looseObject({
              start: z.number(),
              end: z.number(),
              country: z.string().optional(),
              pricing_type: z.string().optional(),
              pricing_category: z.string().optional(),
              tier: z.string().optional(),
              volume: z.number().default(0),
              cost: z.number().default(0),
            }),
          ),
        }),
      ),
      paging: graphPagingSchema.optional(),
    })
    .optional(),
});

// ------------------------------------------------------------------ flows (management)

/** POST /{waba-id}/flows (flows/reference/flowsapi): a flow at Meta, as a draft; its JSON is uploaded as an asset. */
export const createFlowRequestSchema = z.object({
  name: z.string().min(1).max(200),
  categories: z.array(z.string()).min(1),
  endpoint_uri: z.url().optional(),
});
/**
 * POST /{flow-id} (flows/reference/flowsapi, "Update Flow Metadata"; Meta's OpenAPI: updateFlowMetadata, a form
 * whose `categories` is a JSON array as text): a draft's name, categories or endpoint_uri changed.
 */
export const updateFlowMetadataRequestSchema = createFlowRequestSchema.partial();
export const flowValidationErrorSchema = z.looseObject({
  error: z.string().optional(),
  error_type: z.string().optional(),
  message: z.string(),
  pointers: z.array(z.looseObject({ path: z.string().optional() })).optional(),
});
export const createFlowResponseSchema = z.looseObject({
  id: z.string(),
  validation_errors: z.array(flowValidationErrorSchema).optional(),
});
export const flowAssetResponseSchema = z.looseObject({
  success: z.boolean(),
  validation_errors: z.array(flowValidationErrorSchema).optional(),
});

export const mediaUploadResponseSchema = z.object({ id: z.string() });
export const uploadSessionResponseSchema = z.object({ id: z.string().startsWith("upload:") });
export const uploadHandleResponseSchema = z.object({ h: z.string() });

// ------------------------------------------------------------------ webhooks

const epochSeconds = z
  .union([z.string().regex(/^\d+$/), z.number().int()])
  .transform((v) => new Date(Number(v) * 1000));

export const webhookErrorSchema = z.looseObject({
  code: z.number().int(),
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.looseObject({ details: z.string().optional() }).optional(),
});

export const STATUS_VALUES = ["sent", "delivered", "read", "failed", "played", "deleted", "warning"] as const;

export const statusSchema = z.looseObject({
  id: z.string().min(1),
  status: z.enum(STATUS_VALUES),
  timestamp: epochSeconds,
  // The phone, when Meta may share it; the BSUID (and parent BSUID) since 2026.
  recipient_id: z.string().optional(),
  recipient_user_id: z.string().optional(),
  recipient_parent_user_id: z.string().optional(),
  biz_opaque_callback_data: z.string().optional(),
  pricing: z
    .looseObject({
      billable: z.boolean().optional(),
      pricing_model: z.string().optional(),
      type: z.string().optional(),
      category: z.string().optional(),
    })
    .optional(),
  conversation: z.looseObject({ id: z.string().optional() }).optional(),
  errors: z.array(webhookErrorSchema).optional(),
});
export type StatusEvent = z.infer<typeof statusSchema>;

export const inboundMessageSchema = z
  .looseObject({
    id: z.string().min(1),
    // The sender's phone, absent for a person who hides it behind a username; Graph v25 adds their BSUID.
    from: z.string().min(1).optional(),
    from_user_id: z.string().min(1).optional(),
    from_parent_user_id: z.string().min(1).optional(),
    timestamp: epochSeconds,
    type: z.string(),
    context: z.looseObject({ from: z.string().optional(), id: z.string().optional() }).optional(),
    text: z.looseObject({ body: z.string() }).optional(),
    button: z.looseObject({ payload: z.string().optional(), text: z.string() }).optional(),
    interactive: z
      .looseObject({
        type: z.string(),
        button_reply: z.looseObject({ id: z.string(), title: z.string() }).optional(),
        list_reply: z.looseObject({ id: z.string(), title: z.string(), description: z.string().optional() }).optional(),
        // A completed WhatsApp Flow: its answers and flow_token, as a JSON string.
        nfm_reply: z
          .looseObject({ name: z.string().optional(), body: z.string().optional(), response_json: z.string() })
          .optional(),
      })
      .optional(),
    referral: z.looseObject({}).optional(),
    // user_changed_number (`wa_id`: the new phone) or user_changed_user_id (`user_id`: the new BSUID).
    system: z
      .looseObject({
        type: z.string().optional(),
        body: z.string().optional(),
        wa_id: z.string().optional(),
        user_id: z.string().optional(),
        parent_user_id: z.string().optional(),
      })
      .optional(),
  })
  .refine((m) => m.from !== undefined || m.from_user_id !== undefined, {
    message: "a message needs its sender: from (a phone) or from_user_id (a business-scoped user id)",
    path: ["from"],
  });
export type InboundMessageEvent = z.infer<typeof inboundMessageSchema>;

export const messagesValueSchema = z.looseObject({
  messaging_product: z.literal("whatsapp"),
  metadata: z.looseObject({ display_phone_number: z.string(), phone_number_id: z.string() }),
  contacts: z
    .array(
      z.looseObject({
        wa_id: z.string().optional(),
        user_id: z.string().optional(),
        parent_user_id: z.string().optional(),
        profile: z.looseObject({ name: z.string().optional(), username: z.string().optional() }).optional(),
      }),
    )
    .optional(),
  statuses: z.array(statusSchema).optional(),
  messages: z.array(inboundMessageSchema).optional(),
  errors: z.array(webhookErrorSchema).optional(),
  // Link taps on marketing messages sent through the Marketing Messages API (Meta:
  // marketing-messages/track-click-events). Meta names no message or person, only a click id.
  user_actions: z
    .array(
      z.looseObject({
        action_type: z.string(),
        timestamp: epochSeconds.optional(),
        marketing_messages_link_click_data: z
          .looseObject({
            click_component: z.string().optional(),
            product_id: z.string().optional(),
            click_id: z.string().optional(),
            tracking_token: z.string().optional(),
          })
          .optional(),
      }),
    )
    .optional(),
});

const templateRef = {
  message_template_id: z.union([z.number(), z.string()]).transform(String),
  message_template_name: z.string(),
  message_template_language: z.string(),
};

export const templateStatusValueSchema = z.looseObject({
  ...templateRef,
  event: z.string(),
  reason: z.string().nullish(),
  message_template_category: z.string().optional(),
  rejection_info: z.looseObject({ reason: z.string().optional(), recommendation: z.string().optional() }).optional(),
});
export const templateQualityValueSchema = z.looseObject({
  ...templateRef,
  previous_quality_score: z.string().optional(),
  new_quality_score: z.string(),
});
/**
 * Two kinds (Meta's template_category_update reference): an impending change names the category the template
 * will get (`correct_category`, from `category_update_timestamp`) while `new_category` is still the current
 * one; a completed change names `previous_category` and `new_category`.
 */
export const templateCategoryValueSchema = z.looseObject({
  ...templateRef,
  previous_category: z.string().optional(),
  new_category: z.string(),
  correct_category: z.string().optional(),
  category_update_timestamp: z.union([z.number(), z.string()]).optional(),
});
export const userPreferencesValueSchema = z.looseObject({
  messaging_product: z.literal("whatsapp").optional(),
  metadata: z.looseObject({ display_phone_number: z.string(), phone_number_id: z.string() }).optional(),
  contacts: z.array(z.looseObject({ wa_id: z.string().optional(), user_id: z.string().optional() })).optional(),
  user_preferences: z.array(
    z.looseObject({
      wa_id: z.string().optional(),
      user_id: z.string().optional(),
      category: z.string(),
      value: z.enum(["stop", "resume"]),
      timestamp: epochSeconds,
      detail: z.string().optional(),
    }),
  ),
});
export const phoneQualityValueSchema = z.looseObject({
  display_phone_number: z.string().optional(),
  event: z.string(),
  current_limit: z.string().optional(),
});
/** account_update: restrictions, violations, bans (DISABLED_UPDATE with ban_info), pricing tiers, partner events... */
export const accountUpdateValueSchema = z.looseObject({
  event: z.string(),
  ban_info: z.looseObject({ waba_ban_state: z.string().optional(), waba_ban_date: z.string().optional() }).optional(),
  violation_info: z.looseObject({ violation_type: z.string().optional() }).optional(),
  restriction_info: z
    .array(z.looseObject({ restriction_type: z.string().optional(), expiration: z.string().optional() }))
    .optional(),
  /**
   * VOLUME_BASED_PRICING_TIER_UPDATE (from 1 October 2025): the tier a market and category reached this month.
   * Read with volumeTierInfoSchema when the event is applied, so a malformed one is logged and passed over there
   * instead of making the whole change (and a retry of it) unreadable.
   */
  volume_tier_info: z.unknown().optional(),
});

/**
 * account_update VOLUME_BASED_PRICING_TIER_UPDATE's `volume_tier_info` ({ effective_month "2025-11",
 * pricing_category "UTILITY", region "INDIA", tier "25000001:50000000", tier_update_time 1743451903 }),
 * documented by Meta's partners only: the tier may come as a bare number (its first message, no end), the time
 * as a string of seconds.
 */
export const volumeTierInfoSchema = z.looseObject({
  effective_month: z.string().optional(),
  pricing_category: z.string().trim().min(1),
  region: z.string().trim().min(1),
  tier: z.union([z.string().trim().min(1), z.number().int().nonnegative().transform(String)]),
  tier_update_time: z.union([z.number(), z.string()]).optional(),
});

export const webhookChangeSchema = z.object({ field: z.string(), value: z.unknown() });
export const webhookPayloadSchema = z.object({
  object: z.literal("whatsapp_business_account"),
  entry: z.array(z.object({ id: z.string(), time: z.number().optional(), changes: z.array(z.unknown()) })).min(1),
});

/** Each change parsed by its field; unknown fields are passed over (Meta adds fields over time). */
export function parseChange(raw: unknown) {
  const change = webhookChangeSchema.parse(raw);
  switch (change.field) {
    case "messages":
      return { field: "messages" as const, value: messagesValueSchema.parse(change.value) };
    case "message_template_status_update":
      return { field: change.field, value: templateStatusValueSchema.parse(change.value) };
    case "message_template_quality_update":
      return { field: change.field, value: templateQualityValueSchema.parse(change.value) };
    case "template_category_update":
      return { field: change.field, value: templateCategoryValueSchema.parse(change.value) };
    case "user_preferences":
      return { field: change.field, value: userPreferencesValueSchema.parse(change.value) };
    case "phone_number_quality_update":
      return { field: change.field, value: phoneQualityValueSchema.parse(change.value) };
    case "account_update":
      return { field: change.field, value: accountUpdateValueSchema.parse(change.value) };
    default:
      return { field: "unknown" as const, value: change.value, name: change.field };
  }
}
export type ParsedChange = ReturnType<typeof parseChange>;
