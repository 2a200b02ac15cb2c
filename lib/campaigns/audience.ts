// A campaign's audience as one SQL query: every targeted contact with the reason it will be skipped
// (NULL: it will be sent). The pre-flight report counts it; the launch inserts it as message rows.
import "server-only";
import { Prisma } from "@/lib/db/client";
import { CAMPAIGN_CONSENT_REFUSAL, campaignConsentJoin } from "@/lib/consent/eligibility";
import type { TemplateCategory } from "@/lib/db/generated/enums";
import { segmentWhere } from "@/lib/segments/compile";
import type { SegmentRules } from "@/lib/segments/schemas";
import { messagingTier } from "@/lib/whatsapp/quality";
import type { Mapping } from "./schemas";

export const SKIP_REASONS = {
  no_consent: "Not opted in on the consent list",
  opted_out: "Opted out",
  invalid_number: "Invalid phone number",
  not_on_whatsapp: "Known not to be on WhatsApp",
  no_phone_for_authentication: "Authentication templates need a phone number, and this person shares only a username",
  no_identity: "A second record of someone already in this campaign (merged into the first)",
  us_marketing_block: "Meta does not deliver marketing to US (+1) numbers",
  frequency_cap: "Frequency cap reached",
  missing_variable: "A variable has no value and no fallback",
  messaging_limit: "Over the business portfolio's messaging limit for today",
  cancelled: "Campaign cancelled",
} as const;
export type SkipReason = keyof typeof SKIP_REASONS;
export const isSkipReason = (value: string): value is SkipReason => Object.hasOwn(SKIP_REASONS, value);

/**
 * Unique people the business portfolio may start conversations with per rolling 24 hours, from Meta's
 * whatsapp_business_manager_messaging_limit (TIER_2K...; lib/whatsapp/quality reads it); null: unlimited or unknown.
 */
export const tierLimit = (tier: string | null | undefined) => {
  const limit = messagingTier(tier);
  return typeof limit === "number" ? limit : null;
};

export type AudiencePlan = {
  workspaceId: string;
  campaignId: string;
  consentListId: string;
  /** The template's category: consent must come through a list of this purpose (lib/consent). */
  category: TemplateCategory;
  include: SegmentRules[];
  exclude: SegmentRules[];
  marketing: boolean;
  frequencyCap: number | null;
  /** Slots whose value can be empty for a contact (field or attribute without a fallback). */
  variables: Mapping["variables"];
  requiredSlots: string[];
  /** How many more recipients the number may reach today (null: no limit known). */
  left: number | null;
};

const E164 = "^\\+[1-9][0-9]{6,14}$";

/** The SQL text of a variable's value for contact c, for the slots that can be empty. */
export function emptyValueSql(plan: Pick<AudiencePlan, "variables">, slot: string): Prisma.Sql | null {
  const v = plan.variables[slot];
  if (!v) return Prisma.sql`true`;
  if (v.source === "constant" || v.source === "tracked" || v.fallback) return null;
  const expr =
    v.source === "attribute"
      ? Prisma.sql`c."attributes" ->> ${v.value}`
      : {
          first_name: Prisma.sql`split_part(btrim(c."name"), ' ', 1)`,
          name: Prisma.sql`c."name"`,
          phone: Prisma.sql`c."phone"`,
          locale: Prisma.sql`c."locale"`,
        }[v.value as "name"];
  return Prisma.sql`btrim(COALESCE(${expr}, '')) = ''`;
}

/** SELECT id, phone, locale, "timeZone", skip FROM the audience. */
export function audienceSql(plan: AudiencePlan): Prisma.Sql {
  const anyOf = (rules: SegmentRules[]) =>
    Prisma.join(
      rules.map((r) => segmentWhere(r)),
      " OR ",
    );
  const included = plan.include.length
    ? Prisma.sql`(${anyOf(plan.include)})`
    : Prisma.sql`EXISTS (SELECT 1 FROM "ContactConsent" x WHERE x."contactId" = c.id AND x."consentListId" = ${plan.consentListId})`;
  const excluded = plan.exclude.length ? Prisma.sql`AND NOT COALESCE((${anyOf(plan.exclude)}), false)` : Prisma.empty;
  const empties = plan.requiredSlots
    .map((slot) => emptyValueSql(plan, slot))
    .filter((s): s is Prisma.Sql => s !== null);
  const cap =
    plan.marketing && plan.frequencyCap !== null
      ? Prisma.sql`WHEN ${recentMarketingSql(Prisma.sql`c.id`, plan.campaignId)} >= ${plan.frequencyCap} THEN 'frequency_cap'`
      : Prisma.empty;
  const classified = Prisma.sql`
    SELECT c.id, c.phone, c.locale, c."timeZone",
      CASE
        WHEN ${CAMPAIGN_CONSENT_REFUSAL} IS NOT NULL THEN ${CAMPAIGN_CONSENT_REFUSAL}
        WHEN c.phone !~ ${E164} THEN 'invalid_number'
        WHEN c.unreachable THEN 'not_on_whatsapp'
        ${plan.category === "AUTHENTICATION" ? Prisma.sql`WHEN c.phone IS NULL THEN 'no_phone_for_authentication'` : Prisma.empty}
        ${plan.marketing ? Prisma.sql`WHEN c.phone LIKE '+1%' OR (c.phone IS NULL AND c.bsuid LIKE 'US.%') THEN 'us_marketing_block'` : Prisma.empty}
        ${cap}
        ${empties.length ? Prisma.sql`WHEN ${Prisma.join(empties, " OR ")} THEN 'missing_variable'` : Prisma.empty}
      END AS skip
    FROM "Contact" c
    ${campaignConsentJoin(Prisma.sql`c.id`, plan.consentListId, plan.category)}
    WHERE c."workspaceId" = ${plan.workspaceId} AND c."mergedIntoId" IS NULL AND ${included} ${excluded}`;
  if (plan.left === null) return classified;
  return Prisma.sql`
    SELECT id, phone, locale, "timeZone",
      CASE WHEN skip IS NULL AND row_number() OVER (PARTITION BY skip IS NULL ORDER BY id) > ${Math.max(0, plan.left)}
           THEN 'messaging_limit' ELSE skip END AS skip
    FROM (${classified}) a`;
}

/**
 * Marketing messages a contact was sent in the last 7 days (the workspace's frequency cap counts them):
 * campaigns' (but `exceptCampaign`, the one being sent) and transactional ones.
 */
export function recentMarketingSql(contact: Prisma.Sql, exceptCampaign: string | null = null): Prisma.Sql {
  return Prisma.sql`(SELECT count(*) FROM "Message" x LEFT JOIN "Campaign" xc ON xc.id = x."campaignId"
    LEFT JOIN "Template" xt ON xt.id = COALESCE(x."templateId", xc."templateId")
    WHERE x."contactId" = ${contact} AND x."sentAt" >= now() - interval '7 days' AND COALESCE(x.category, xt.category) = 'MARKETING'
      AND x."campaignId" IS DISTINCT FROM ${exceptCampaign})`;
}
