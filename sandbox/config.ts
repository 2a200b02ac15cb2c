// The sandbox's scenario: who the fake recipients are, how fast they read and answer, how Meta's
// webhooks misbehave (duplicates, out-of-order). Every choice is drawn from the seed, so a scenario
// repeats exactly. Change it at start (SANDBOX_* variables) or at run time (POST /_sandbox/config).
import { z } from "zod";

const share = z.number().min(0).max(1);

export const sandboxConfigSchema = z.object({
  seed: z.number().int().default(42),
  /** Credentials the sandbox accepts and signs with (the embedded mode generates them once). */
  accessToken: z.string().min(1),
  appSecret: z.string().min(1),
  /** Where signed webhooks go, e.g. http://127.0.0.1:3000/api/webhooks/whatsapp; empty: none are sent. */
  webhookUrl: z.string().default(""),
  wabaId: z.string().default("900000000000001"),
  phoneNumberId: z.string().default("900000000000101"),
  displayPhoneNumber: z.string().default("15550100100"),
  appId: z.string().default("900000000000999"),
  /** The business portfolio's messaging limit the number reports (whatsapp_business_manager_messaging_limit:
   *  TIER_250 for a new portfolio, then TIER_2K, TIER_10K, TIER_100K, TIER_UNLIMITED; Meta's "Messaging limits"). */
  messagingLimit: z.enum(["TIER_250", "TIER_2K", "TIER_10K", "TIER_100K", "TIER_UNLIMITED"]).default("TIER_10K"),
  /** The WABA's marketing_messages_onboarding_status (Meta's values; ONBOARDED: /marketing_messages takes its
   *  MARKETING templates, anything else is refused there with 131055). */
  marketingMessagesStatus: z
    .enum([
      "ONBOARDED",
      "ELIGIBLE",
      "PENDING_VALID_PAYMENT_METHOD",
      "INELIGIBLE_INACTIVE_OR_RESTRICTED",
      "INELIGIBLE_COUNTRY_NOT_SUPPORTED",
    ])
    .default("ONBOARDED"),
  /** Messages per second per phone number before 130429 (Meta's default is 80). */
  throughputPerSecond: z.number().int().positive().default(80),
  /** Pair rate: a burst of this many messages to one person, then one per `pairRefillSeconds`. */
  pairBurst: z.number().int().positive().default(45),
  pairRefillSeconds: z.number().positive().default(6),
  /** How long a submitted template stays PENDING before Meta's decision. */
  templateReviewMs: z.number().int().nonnegative().default(4000),
  /** Time multiplier for every webhook delay: 0.01 makes a minute pass in 0.6 s. */
  timeScale: z.number().positive().default(1),
  webhooks: z.boolean().default(true),
  /**
   * Bill service messages and utility templates inside an open customer service window (Meta's rule from
   * 1 October 2026); by default they are free (free_customer_service), as from July 2025.
   */
  billInWindow: z.boolean().default(false),
  /** Data points per page of pricing_analytics (Meta pages a long answer; the rest follows `paging.next`). */
  pricingPageSize: z.number().int().positive().default(100),
  /**
   * How pricing_analytics says there is a next page: `next` (a URL on the sandbox's host) and cursors, as Meta
   * does; `cursors` only; or `foreign-next`, a `next` on graph.facebook.com (as Meta's reads when Parley reaches
   * Graph through another base) beside the cursors.
   */
  pricingPaging: z.enum(["next", "cursors", "foreign-next"]).default("next"),
  /** Shares of recipients, decided per number from the seed. */
  notOnWhatsAppShare: share.default(0.02),
  stoppedMarketingShare: share.default(0.01),
  /** Shares of delivered messages. */
  readShare: share.default(0.7),
  replyShare: share.default(0.05),
  buttonTapShare: share.default(0.15),
  /** Of messages read that came through the Marketing Messages API with a URL button: a link tapped. */
  linkClickShare: share.default(0.2),
  /** Of people who read a message carrying a WhatsApp Flow, the share who complete it (the rest abandon it). */
  flowCompleteShare: share.default(0.75),
  stopShare: share.default(0.01),
  userPreferencesStopShare: share.default(0.005),
  /** Transient failures after acceptance (131000), as a share of messages. */
  transientFailureShare: share.default(0),
  /** Fault mode, as a share of message-send calls (each call rolls again, a retry included):
   *  failShare are answered at once with a transient server error (HTTP 500, Meta's code 1, 2 or 131000)
   *  and not accepted; hangShare are accepted but answered only after hangMs (past a client's deadline,
   *  the caller knows nothing; the message still goes and its webhooks still come). */
  faults: z
    .object({
      failShare: share.default(0),
      hangShare: share.default(0),
      hangMs: z.number().int().nonnegative().default(30_000),
    })
    .prefault({}),
  /** Webhook misbehaviour. */
  duplicateRate: share.default(0.02),
  outOfOrderRate: share.default(0.05),
  /** Webhooks sent at once, at most. */
  webhookConcurrency: z.number().int().positive().default(64),
});
export type SandboxConfig = z.infer<typeof sandboxConfigSchema>;
export type SandboxConfigInput = z.input<typeof sandboxConfigSchema>;

/** The patchable part at run time (credentials and ids stay). */
export const sandboxConfigPatchSchema = sandboxConfigSchema
  .omit({
    accessToken: true,
    appSecret: true,
    wabaId: true,
    phoneNumberId: true,
    displayPhoneNumber: true,
    appId: true,
  })
  .partial();
