// Everything a campaign needs to be checked or sent, loaded once: its template's approved language
// versions, mapping, audience rules, the number's limits. And the pre-flight report built from it.
import "server-only";
import { db, Prisma } from "@/lib/db/client";
import { trackedLinkBase } from "@/lib/campaigns/links";
import { NotFoundError } from "@/lib/errors";
import { segmentRulesSchema, type SegmentRules } from "@/lib/segments/schemas";
import { audienceSql, emptyValueSql, SKIP_REASONS, tierLimit, type AudiencePlan, type SkipReason } from "./audience";
import { estimateCost, type CostLine, type PriceCategory } from "./pricing";
import { audienceAdvice, contentAdvice, templateText } from "@/lib/templates/channel-advice";
import { hiddenOnDesktop } from "@/lib/templates/rules";
import {
  cardMediaKind,
  carouselCards,
  headerMediaKind,
  isOffer,
  routeLanguage,
  templateButtons,
  templateSlots,
  type Slot,
  type TemplateVersion,
} from "./render";
import {
  audienceSchema,
  mappingSchema,
  quietHoursSchema,
  scheduleSchema,
  type Mapping,
  type QuietHours,
  type Schedule,
} from "./schemas";

export type CampaignPlan = Awaited<ReturnType<typeof loadPlan>>;

export async function loadPlan(workspaceId: string, campaignId: string) {
  const campaign = await db.campaign.findFirst({
    where: { id: campaignId, workspaceId },
    include: {
      consentList: { select: { name: true, category: true } },
      workspace: {
        select: {
          timeZone: true,
          marketingCapPer7Days: true,
          requireApproval: true,
          whatsAppAccount: {
            select: { throughputPerSecond: true, messagingLimitTier: true, displayPhoneNumber: true },
          },
        },
      },
    },
  });
  if (!campaign) throw new NotFoundError("campaign");
  const mapping: Mapping = mappingSchema.parse({
    templateName: "",
    fallbackLanguage: "",
    ...(campaign.variableMapping as object),
  });
  const audience = audienceSchema.parse(campaign.audience ?? {});
  const schedule: Schedule = scheduleSchema.safeParse(campaign.schedule).data ?? { mode: "now" };
  const quietHours: QuietHours | null = quietHoursSchema.safeParse(campaign.quietHours).data ?? null;
  const templates = await db.template.findMany({
    where: { workspaceId, name: mapping.templateName, status: { not: "DELETED" } },
    select: {
      id: true,
      name: true,
      language: true,
      status: true,
      category: true,
      components: true,
      parameterFormat: true,
      impendingCategory: true,
      impendingCategoryAt: true,
    },
    orderBy: { language: "asc" },
  });
  const approved: TemplateVersion[] = templates.filter((t) => t.status === "APPROVED");
  const segmentIds = [...audience.segmentIds, ...audience.excludeSegmentIds];
  const segments = await db.segment.findMany({
    where: { workspaceId, id: { in: segmentIds } },
    select: { id: true, name: true, rules: true },
  });
  const rulesOf = (ids: string[]) =>
    ids.flatMap((id) => {
      const parsed = segmentRulesSchema.safeParse(segments.find((s) => s.id === id)?.rules);
      return parsed.success ? [parsed.data] : [];
    });
  const fallback = templates.find((t) => t.language === mapping.fallbackLanguage) ?? null;
  return {
    campaign,
    mapping,
    schedule,
    quietHours,
    workspace: campaign.workspace,
    account: campaign.workspace.whatsAppAccount,
    templates,
    approved,
    fallback,
    category: (fallback?.category ?? templates[0]?.category ?? "MARKETING") as PriceCategory,
    segments: segments.map((s) => ({ id: s.id, name: s.name, excluded: audience.excludeSegmentIds.includes(s.id) })),
    missingSegments: segmentIds.filter((id) => !segments.some((s) => s.id === id)),
    include: rulesOf(audience.segmentIds) as SegmentRules[],
    exclude: rulesOf(audience.excludeSegmentIds) as SegmentRules[],
  };
}

/** Slots across the approved versions (they share their variables; a version that differs is reported). */
export function planSlots(plan: CampaignPlan): Slot[] {
  const slots = new Map<string, Slot>();
  for (const version of plan.approved)
    for (const slot of templateSlots(version.components)) if (!slots.has(slot.key)) slots.set(slot.key, slot);
  return [...slots.values()];
}

/** Recipients this number has reached in the last 24 hours (Meta's messaging limit counts them once). */
async function reachedToday(workspaceId: string, campaignId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(DISTINCT m."contactId")::int AS n FROM "Message" m JOIN "Campaign" k ON k.id = m."campaignId"
    WHERE k."workspaceId" = ${workspaceId} AND k.id <> ${campaignId}
      AND k.status IN ('SENDING', 'PAUSED', 'COMPLETED', 'CANCELLED') AND (k."completedAt" IS NULL OR k."completedAt" > now() - interval '1 day')
      AND m."sentAt" > now() - interval '1 day'`;
  return row?.n ?? 0;
}

export async function audiencePlan(
  plan: CampaignPlan,
): Promise<AudiencePlan & { tier: { name: string; limit: number; reached: number } | null }> {
  const limit = tierLimit(plan.account?.messagingLimitTier);
  const reached = limit === null ? 0 : await reachedToday(plan.campaign.workspaceId, plan.campaign.id);
  return {
    workspaceId: plan.campaign.workspaceId,
    campaignId: plan.campaign.id,
    consentListId: plan.campaign.consentListId ?? "",
    category: plan.category,
    include: plan.include,
    exclude: plan.exclude,
    marketing: plan.category === "MARKETING",
    frequencyCap: plan.workspace.marketingCapPer7Days,
    variables: plan.mapping.variables,
    requiredSlots: planSlots(plan)
      .filter((s) => !s.optional)
      .map((s) => s.key),
    left: limit === null ? null : Math.max(0, limit - reached),
    tier: limit === null ? null : { name: plan.account!.messagingLimitTier!, limit, reached },
  };
}

/**
 * Why the launch is blocked, or what to know before it: a code and its values, put in words where the
 * report is shown (messages: campaigns.preflight.blocker / .warning). Enum values stay raw here.
 */
export type Finding = { code: string; values?: Record<string, string | number> };

export type Preflight = {
  computedAt: string;
  targeted: number;
  willSend: number;
  skipped: { reason: SkipReason; label: string; count: number }[];
  languages: { language: string; count: number }[];
  cost: { currency: string; category: PriceCategory; lines: CostLine[]; total: number };
  template: { name: string; category: string; versions: { language: string; status: string }[] };
  /** `kind`, `name`, `text`, `url`: the slot's parts, to name it in the reader's words (older reports lack them). */
  variables: (Partial<Pick<Slot, "kind" | "name" | "text" | "url">> & {
    slot: string;
    label: string;
    mapped: boolean;
    optional: boolean;
    emptyFor: number;
  })[];
  tier: { name: string; limit: number; reached: number } | null;
  sendRate: number | null;
  blockers: Finding[];
  warnings: Finding[];
};

/** The pre-flight report: who will be sent, who skipped and why, cost, and what blocks the launch. */
export async function buildPreflight(plan: CampaignPlan): Promise<Preflight> {
  const blockers: Finding[] = [];
  const warnings: Finding[] = [];
  const { campaign, mapping } = plan;
  if (!plan.account) blockers.push({ code: "noAccount" });
  if (!mapping.templateName || plan.templates.length === 0) blockers.push({ code: "noTemplate" });
  else if (!plan.fallback)
    blockers.push(
      mapping.fallbackLanguage
        ? { code: "noFallbackVersion", values: { language: mapping.fallbackLanguage } }
        : { code: "noFallback" },
    );
  else if (plan.fallback.status !== "APPROVED")
    blockers.push({
      code: "fallbackNotApproved",
      values: { language: plan.fallback.language, template: mapping.templateName, status: plan.fallback.status },
    });
  for (const t of plan.templates.filter((t) => t.status !== "APPROVED" && t !== plan.fallback)) {
    warnings.push({
      code: "versionNotApproved",
      values: { language: t.language, status: t.status, fallback: mapping.fallbackLanguage },
    });
  }
  if (!campaign.consentListId) blockers.push({ code: "noConsentList" });
  else if (campaign.consentList && plan.fallback && campaign.consentList.category !== plan.category) {
    blockers.push({
      code: "purposeMismatch",
      values: {
        list: campaign.consentList.name,
        listCategory: campaign.consentList.category,
        templateCategory: plan.category,
      },
    });
  }
  if (plan.missingSegments.length) blockers.push({ code: "segmentDeleted" });
  const slots = planSlots(plan);
  const unmapped = slots.filter((s) => !s.optional && !mapping.variables[s.key]);
  for (const s of unmapped) blockers.push({ code: "unmapped", values: { slot: s.key } });
  for (const s of slots.filter(
    (s) => mapping.variables[s.key]?.source === "tracked" && !s.url?.startsWith(trackedLinkBase()),
  )) {
    blockers.push({ code: "untrackable", values: { slot: s.key, link: `${trackedLinkBase()}{{1}}` } });
  }
  const mediaKind = plan.fallback ? headerMediaKind(plan.fallback.components) : null;
  if (mediaKind && !mapping.headerMediaId) blockers.push({ code: "headerMedia", values: { kind: mediaKind } });
  const cards = plan.fallback ? carouselCards(plan.fallback.components).length : 0;
  if (cards && mapping.cardMediaIds.filter(Boolean).length !== cards)
    blockers.push({ code: "cardMedia", values: { count: cards, kind: cardMediaKind(plan.fallback!.components)! } });
  const offer = mapping.variables.offer;
  if (offer?.source === "constant" && !(Date.parse(offer.value) > Date.now()))
    blockers.push({ code: "offerExpiry", values: { value: offer.value } });
  if (plan.schedule.mode === "at") {
    const [row] = await db.$queryRaw<
      { past: boolean }[]
    >`SELECT (${plan.schedule.at}::timestamp AT TIME ZONE ${plan.workspace.timeZone}) < now() AS past`;
    if (row?.past) blockers.push({ code: "scheduledPast" });
  }

  const audience = await audiencePlan(plan);
  // An unmapped quick-reply payload is the button's text: never empty.
  const empties = slots.map(
    (s) => (s.optional && !mapping.variables[s.key] ? null : emptyValueSql(audience, s.key)) ?? Prisma.sql`false`,
  );
  const rows =
    campaign.consentListId && plan.missingSegments.length === 0
      ? await db.$queryRaw<
          { skip: SkipReason | null; prefix: string; locale: string | null; n: number; empty: number[] }[]
        >`
        WITH a AS (${audienceSql(audience)})
        SELECT a.skip, COALESCE(left(a.phone, 5), left(c.bsuid, 3)) AS prefix, a.locale, count(*)::int AS n,
          ARRAY[${empties.length ? Prisma.join(empties.map((e) => Prisma.sql`count(*) FILTER (WHERE ${e})::int`)) : Prisma.sql`0`}] AS empty
        FROM a JOIN "Contact" c ON c.id = a.id GROUP BY 1, 2, 3`
      : [];

  const skipped = new Map<SkipReason, number>();
  const languages = new Map<string, number>();
  const prefixes: { prefix: string; count: number }[] = [];
  const emptyFor = slots.map(() => 0);
  const languageCodes = plan.approved.map((t) => t.language);
  let targeted = 0;
  let willSend = 0;
  for (const row of rows) {
    targeted += row.n;
    row.empty.forEach(
      (n, i) =>
        (emptyFor[i] =
          (emptyFor[i] ?? 0) + (i < slots.length && row.skip !== "no_consent" && row.skip !== "opted_out" ? n : 0)),
    );
    if (row.skip) {
      skipped.set(row.skip, (skipped.get(row.skip) ?? 0) + row.n);
      continue;
    }
    willSend += row.n;
    prefixes.push({ prefix: row.prefix, count: row.n });
    const language = routeLanguage(row.locale, languageCodes, mapping.fallbackLanguage);
    languages.set(language, (languages.get(language) ?? 0) + row.n);
  }
  if (campaign.consentListId && targeted === 0) blockers.push({ code: "emptyAudience" });
  else if (campaign.consentListId && willSend === 0) blockers.push({ code: "nobodySendable" });
  const missing = skipped.get("missing_variable");
  if (missing) warnings.push({ code: "missingVariable", values: { count: missing } });
  const overLimit = skipped.get("messaging_limit");
  if (overLimit && audience.tier) {
    warnings.push({
      code: "overLimit",
      values: { limit: audience.tier.limit, tier: audience.tier.name, over: overLimit },
    });
  }
  // Meta announced it will move the template to another category (and price it so): say so before launch.
  const moving = plan.templates.find((t) => t.status === "APPROVED" && t.impendingCategory);
  if (moving)
    warnings.push({
      code: "impendingCategory",
      values: {
        language: moving.language,
        category: moving.impendingCategory!,
        at: moving.impendingCategoryAt?.toISOString() ?? "",
      },
    });
  if (plan.fallback) {
    const { components } = plan.fallback;
    const offer = isOffer(components);
    if (offer || hiddenOnDesktop(templateButtons(components).map((b) => b.type)))
      warnings.push({ code: "hiddenOnDesktop", values: { reason: offer ? "offer" : "buttons" } });
  }
  // Channel advice (lib/templates/channel-advice): where WhatsApp is the wrong channel, say so; never a blocker.
  const advice = [
    audienceAdvice({
      targeted,
      notOnWhatsApp: (skipped.get("not_on_whatsapp") ?? 0) + (skipped.get("invalid_number") ?? 0),
    }),
    ...(plan.fallback ? contentAdvice(templateText(plan.fallback.components)) : []),
  ];
  for (const a of advice) if (a) warnings.push({ code: `channel.${a.code}`, values: a.values });
  const cost = await estimateCost(plan.campaign.workspaceId, prefixes, plan.category);
  return {
    computedAt: new Date().toISOString(),
    targeted,
    willSend,
    skipped: [...skipped.entries()]
      .map(([reason, count]) => ({ reason, label: SKIP_REASONS[reason], count }))
      .sort((a, b) => b.count - a.count),
    languages: [...languages.entries()]
      .map(([language, count]) => ({ language, count }))
      .sort((a, b) => b.count - a.count),
    cost: { category: plan.category, ...cost },
    template: {
      name: mapping.templateName,
      category: plan.category,
      versions: plan.templates.map((t) => ({ language: t.language, status: t.status })),
    },
    variables: slots.map((s, i) => ({
      slot: s.key,
      label: s.label,
      kind: s.kind,
      name: s.name,
      text: s.text,
      url: s.url,
      mapped: Boolean(mapping.variables[s.key]),
      optional: s.optional,
      emptyFor: emptyFor[i] ?? 0,
    })),
    tier: audience.tier,
    sendRate: sendRateOf(plan.campaign.sendRatePerSec, plan.account?.throughputPerSecond ?? null),
    blockers,
    warnings,
  };
}

/** Messages per second: the campaign's own rate, never above the number's limit. */
export function sendRateOf(own: number | null, limit: number | null): number | null {
  if (limit === null) return own;
  return own ? Math.min(own, limit) : limit;
}
