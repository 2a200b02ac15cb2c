// Reads for the campaign pages: the list with its counters (from the rollups), the builder's choices,
// and its message as three real recipients will read it (the report is lib/analytics/report.ts).
import "server-only";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { listMedia } from "@/lib/media/service";
import { funnelOf, totalsOf } from "@/lib/campaigns/funnel";
import { trackedLinkBase } from "@/lib/campaigns/links";
import { audienceSql } from "./audience";
import { audiencePlan, loadPlan, type Preflight } from "./plan";
import { draftCardMediaIds, draftHeaderMediaId } from "@/lib/templates/schemas";
import { headerMediaKind, previewText, routeLanguage, templateSlots } from "./render";
import { campaignInputSchema, type CampaignFormValues } from "./schemas";

export async function listCampaigns(workspaceId: string) {
  const campaigns = await db.campaign.findMany({
    where: { workspaceId },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: {
      id: true,
      name: true,
      status: true,
      statusReason: true,
      createdAt: true,
      launchedAt: true,
      completedAt: true,
      variableMapping: true,
    },
  });
  // From the rollups (lib/analytics/rollups.ts), not the messages.
  const rows = await db.campaignDay.groupBy({
    by: ["campaignId", "key"],
    where: { campaignId: { in: campaigns.map((c) => c.id) } },
    _sum: { n: true },
  });
  return campaigns.map((c) => ({
    ...c,
    templateName: (c.variableMapping as { templateName?: string } | null)?.templateName ?? "",
    funnel: funnelOf(
      totalsOf(rows.filter((r) => r.campaignId === c.id).map((r) => ({ key: r.key, n: r._sum.n ?? 0 }))),
    ),
  }));
}

/** What the builder offers: approved templates with their versions, lists, segments, media. */
export async function builderChoices(workspaceId: string) {
  const [templates, lists, segments, media, account, workspace] = await Promise.all([
    db.template.findMany({
      where: { workspaceId, status: "APPROVED" },
      orderBy: [{ name: "asc" }, { language: "asc" }],
      select: { name: true, language: true, category: true, components: true, parameterFormat: true, draft: true },
    }),
    db.consentList.findMany({
      where: { workspaceId },
      orderBy: { name: "asc" },
      select: { id: true, name: true, category: true },
    }),
    db.segment.findMany({ where: { workspaceId }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    listMedia(workspaceId),
    db.whatsAppAccount.findUnique({
      where: { workspaceId },
      select: { displayPhoneNumber: true, throughputPerSecond: true },
    }),
    db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { timeZone: true } }),
  ]);
  const groups = new Map<
    string,
    {
      name: string;
      category: string;
      languages: string[];
      slots: ReturnType<typeof templateSlots>;
      components: unknown;
      /** The library file the template's media header was approved with: the campaign starts with it. */
      headerMediaId: string | null;
      /** A carousel's files, one a card, as the template was approved with them. */
      cardMediaIds: string[];
    }
  >();
  const inLibrary = new Set(media.map((m) => m.id));
  for (const t of templates) {
    const group = groups.get(t.name) ?? {
      name: t.name,
      category: t.category,
      languages: [],
      slots: templateSlots(t.components),
      components: t.components,
      headerMediaId: null,
      cardMediaIds: [],
    };
    group.languages.push(t.language);
    const own = draftHeaderMediaId(t.draft);
    if (!group.headerMediaId && own && inLibrary.has(own) && headerMediaKind(t.components)) group.headerMediaId = own;
    const cards = draftCardMediaIds(t.draft);
    if (!group.cardMediaIds.length && cards.length && cards.every((id) => inLibrary.has(id)))
      group.cardMediaIds = cards;
    groups.set(t.name, group);
  }
  return {
    templates: [...groups.values()],
    lists,
    segments,
    media: media.map((m) => ({ id: m.id, kind: m.kind, fileName: m.fileName })),
    account,
    timeZone: workspace.timeZone,
    trackedLinkBase: trackedLinkBase(),
  };
}

export async function getCampaign(workspaceId: string, id: string) {
  const campaign = await db.campaign.findFirst({
    where: { id, workspaceId },
    include: {
      consentList: { select: { name: true } },
      workspace: { select: { requireApproval: true, timeZone: true } },
    },
  });
  if (!campaign) throw new NotFoundError("campaign");
  const people = await db.user.findMany({
    where: { id: { in: [campaign.createdById, campaign.approvedById].filter((x): x is string => Boolean(x)) } },
    select: { id: true, name: true },
  });
  const nameOf = (userId: string | null) => people.find((p) => p.id === userId)?.name ?? null;
  return {
    ...campaign,
    preflight: campaign.preflight as Preflight | null,
    createdBy: nameOf(campaign.createdById),
    approvedBy: nameOf(campaign.approvedById),
  };
}

/** A draft as the builder's form values. */
export async function campaignFormValues(workspaceId: string, id: string): Promise<CampaignFormValues> {
  const plan = await loadPlan(workspaceId, id);
  const c = plan.campaign;
  const audience = (c.audience ?? {}) as { segmentIds?: string[]; excludeSegmentIds?: string[] };
  return campaignInputSchema.parse({
    name: c.name,
    ...plan.mapping,
    consentListId: c.consentListId ?? "",
    segmentIds: audience.segmentIds ?? [],
    excludeSegmentIds: audience.excludeSegmentIds ?? [],
    schedule: plan.schedule,
    quietHours: plan.quietHours ?? { enabled: false, start: "21:00", end: "09:00" },
    sendRatePerSec: c.sendRatePerSec,
  });
}

/** The message as three real recipients of the audience (who will be sent) will read it. */
export async function recipientPreviews(workspaceId: string, id: string) {
  const plan = await loadPlan(workspaceId, id);
  if (!plan.campaign.consentListId || plan.approved.length === 0) return [];
  const audience = await audiencePlan(plan);
  const rows = await db.$queryRaw<
    { id: string; phone: string; name: string | null; locale: string | null; attributes: unknown }[]
  >`
    SELECT c.id, c.phone, c.name, c.locale, c.attributes FROM (${audienceSql(audience)}) a JOIN "Contact" c ON c.id = a.id
    WHERE a.skip IS NULL ORDER BY c."createdAt", c.id LIMIT 3`;
  const languages = plan.approved.map((v) => v.language);
  // The header's file, as every recipient gets it (the campaign's pick, which starts as the template's own).
  const asset = plan.mapping.headerMediaId
    ? await db.mediaAsset.findFirst({
        where: { id: plan.mapping.headerMediaId, workspaceId },
        select: { id: true, fileName: true },
      })
    : null;
  return rows.map((contact) => {
    const language = routeLanguage(contact.locale, languages, plan.mapping.fallbackLanguage);
    const version = plan.approved.find((v) => v.language === language) ?? plan.fallback!;
    const kind = headerMediaKind(version.components);
    return {
      contact: { id: contact.id, name: contact.name, phone: contact.phone },
      language,
      headerMedia: kind ? { kind, id: asset?.id ?? null, fileName: asset?.fileName ?? null } : null,
      message: previewText(version, plan.mapping, contact),
    };
  });
}

/** Live numbers for the campaign page (polled every few seconds while it sends). */
