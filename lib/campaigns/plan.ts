// Everything a campaign needs to be checked or sent, loaded once: its template's approved language
// versions, mapping, audience rules, the number's limits. And the pre-flight report built from it.
import "server-only";
import { db, Prisma } from "@/lib/db/client";
import { trackedLinkBase } from "@/lib/campaigns/links";
import { purposeMismatch } from "@/lib/consent/eligibility";
import { NotFoundError } from "@/lib/errors";
import { segmentRulesSchema, type SegmentRules } from "@/lib/segments/schemas";
import { audienceSql, emptyValueSql, SKIP_REASONS, tierLimit, type AudiencePlan, type SkipReason } from "./audience";
import { estimateCost, PRICE_CURRENCY, type CostLine, type PriceCategory } from "./pricing";
import { headerMediaKind, routeLanguage, templateSlots, type Slot, type TemplateVersion } from "./render";
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
  if (!campaign) throw new NotFoundError("That campaign");
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

export type Preflight = {
  computedAt: string;
  targeted: number;
  willSend: number;
  skipped: { reason: SkipReason; label: string; count: number }[];
  languages: { language: string; count: number }[];
  cost: { currency: string; category: PriceCategory; lines: CostLine[]; total: number };
  template: { name: string; category: string; versions: { language: string; status: string }[] };
  variables: { slot: string; label: string; mapped: boolean; optional: boolean; emptyFor: number }[];
  tier: { name: string; limit: number; reached: number } | null;
  sendRate: number | null;
  blockers: string[];
  warnings: string[];
};

/** The pre-flight report: who will be sent, who skipped and why, cost, and what blocks the launch. */
export async function buildPreflight(plan: CampaignPlan): Promise<Preflight> {
  const blockers: string[] = [];
  const warnings: string[] = [];
  const { campaign, mapping } = plan;
  if (!plan.account) blockers.push("No WhatsApp number is connected: an admin connects one in Settings → WhatsApp.");
  if (!mapping.templateName || plan.templates.length === 0) blockers.push("Pick a template.");
  else if (!plan.fallback)
    blockers.push(
      `The template has no ${mapping.fallbackLanguage || "fallback"} version: pick a fallback language it has.`,
    );
  else if (plan.fallback.status !== "APPROVED")
    blockers.push(
      `The ${plan.fallback.language} version of “${mapping.templateName}” is ${plan.fallback.status.toLowerCase()}, not approved by Meta.`,
    );
  for (const t of plan.templates.filter((t) => t.status !== "APPROVED" && t !== plan.fallback)) {
    warnings.push(
      `The ${t.language} version is ${t.status.toLowerCase()}: its contacts get the ${mapping.fallbackLanguage} version.`,
    );
  }
  if (!campaign.consentListId) blockers.push("Pick the consent list this campaign is for.");
  else if (campaign.consentList && plan.fallback && campaign.consentList.category !== plan.category) {
    blockers.push(purposeMismatch(plan.category, campaign.consentList.name, campaign.consentList.category));
  }
  if (plan.missingSegments.length) blockers.push("A segment of the audience was deleted: pick the segments again.");
  const slots = planSlots(plan);
  const unmapped = slots.filter((s) => !s.optional && !mapping.variables[s.key]);
  for (const s of unmapped)
    blockers.push(`${s.label} has no value: map it to a contact field, an attribute or a constant.`);
  for (const s of slots.filter(
    (s) => mapping.variables[s.key]?.source === "tracked" && !s.url?.startsWith(trackedLinkBase()),
  )) {
    blockers.push(
      `${s.label} cannot be tracked: the template's link must be ${trackedLinkBase()}{{1}} for Parley to count its opens.`,
    );
  }
  const mediaKind = plan.fallback ? headerMediaKind(plan.fallback.components) : null;
  if (mediaKind && !mapping.headerMediaId)
    blockers.push(
      `The template's header needs ${mediaKind === "IMAGE" ? "an image" : `a ${mediaKind.toLowerCase()}`}: pick one from the media library.`,
    );
  if (plan.schedule.mode === "at") {
    const [row] = await db.$queryRaw<
      { past: boolean }[]
    >`SELECT (${plan.schedule.at}::timestamp AT TIME ZONE ${plan.workspace.timeZone}) < now() AS past`;
    if (row?.past) blockers.push("The scheduled time has passed: pick a later time or send now.");
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
        SELECT a.skip, left(a.phone, 5) AS prefix, a.locale, count(*)::int AS n,
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
  if (campaign.consentListId && targeted === 0)
    blockers.push("The audience is empty: nobody matches the segments on this consent list.");
  else if (campaign.consentListId && willSend === 0)
    blockers.push("Nobody in the audience can be sent this campaign (see the skipped reasons).");
  const missing = skipped.get("missing_variable");
  if (missing)
    warnings.push(
      `${missing.toLocaleString("en")} recipients have an empty variable and no fallback: add a fallback to reach them.`,
    );
  const overLimit = skipped.get("messaging_limit");
  if (overLimit && audience.tier) {
    warnings.push(
      `Your number may reach ${audience.tier.limit.toLocaleString("en")} people a day (${audience.tier.name}); ${overLimit.toLocaleString("en")} are over today's limit and will be skipped.`,
    );
  }
  const cost = estimateCost(prefixes, plan.category);
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
    cost: { currency: PRICE_CURRENCY, category: plan.category, ...cost },
    template: {
      name: mapping.templateName,
      category: plan.category,
      versions: plan.templates.map((t) => ({ language: t.language, status: t.status })),
    },
    variables: slots.map((s, i) => ({
      slot: s.key,
      label: s.label,
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
