// Reads for the campaign pages: the list with its counters, the builder's choices, a campaign's live
// progress, and its message as three real recipients will read it.
import "server-only";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { listMedia } from "@/lib/media/service";
import { classifyError } from "@/lib/whatsapp/errors";
import { audienceSql, SKIP_REASONS, type SkipReason } from "./audience";
import { audiencePlan, loadPlan, sendRateOf, type Preflight } from "./plan";
import { previewText, routeLanguage, templateSlots } from "./render";
import { campaignInputSchema, type CampaignFormValues } from "./schemas";

export type StateCounts = { queued: number; claimed: number; sent: number; delivered: number; read: number; replied: number; failed: number; skipped: number; total: number };

function toCounts(rows: { state: string; n: number }[]): StateCounts {
  const counts: StateCounts = { queued: 0, claimed: 0, sent: 0, delivered: 0, read: 0, replied: 0, failed: 0, skipped: 0, total: 0 };
  for (const { state, n } of rows) {
    counts[state.toLowerCase() as keyof StateCounts] = n;
    counts.total += n;
  }
  return counts;
}

/** Messages that reached Meta: every state from sent onwards. */
export const reachedMeta = (c: StateCounts) => c.sent + c.delivered + c.read + c.replied;

export async function listCampaigns(workspaceId: string) {
  const campaigns = await db.campaign.findMany({
    where: { workspaceId },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: { id: true, name: true, status: true, statusReason: true, createdAt: true, launchedAt: true, completedAt: true, variableMapping: true },
  });
  const rows = await db.message.groupBy({ by: ["campaignId", "state"], where: { campaignId: { in: campaigns.map((c) => c.id) } }, _count: true });
  return campaigns.map((c) => ({
    ...c,
    templateName: (c.variableMapping as { templateName?: string } | null)?.templateName ?? "",
    counts: toCounts(rows.filter((r) => r.campaignId === c.id).map((r) => ({ state: r.state, n: r._count }))),
  }));
}

/** What the builder offers: approved templates with their versions, lists, segments, media. */
export async function builderChoices(workspaceId: string) {
  const [templates, lists, segments, media, account, workspace] = await Promise.all([
    db.template.findMany({
      where: { workspaceId, status: "APPROVED" },
      orderBy: [{ name: "asc" }, { language: "asc" }],
      select: { name: true, language: true, category: true, components: true, parameterFormat: true },
    }),
    db.consentList.findMany({ where: { workspaceId }, orderBy: { name: "asc" }, select: { id: true, name: true, category: true } }),
    db.segment.findMany({ where: { workspaceId }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    listMedia(workspaceId),
    db.whatsAppAccount.findUnique({ where: { workspaceId }, select: { displayPhoneNumber: true, throughputPerSecond: true } }),
    db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { timeZone: true } }),
  ]);
  const groups = new Map<string, { name: string; category: string; languages: string[]; slots: ReturnType<typeof templateSlots>; components: unknown }>();
  for (const t of templates) {
    const group = groups.get(t.name) ?? { name: t.name, category: t.category, languages: [], slots: templateSlots(t.components), components: t.components };
    group.languages.push(t.language);
    groups.set(t.name, group);
  }
  return {
    templates: [...groups.values()],
    lists,
    segments,
    media: media.map((m) => ({ id: m.id, kind: m.kind, fileName: m.fileName })),
    account,
    timeZone: workspace.timeZone,
  };
}

export async function getCampaign(workspaceId: string, id: string) {
  const campaign = await db.campaign.findFirst({
    where: { id, workspaceId },
    include: { consentList: { select: { name: true } }, workspace: { select: { requireApproval: true, timeZone: true } } },
  });
  if (!campaign) throw new NotFoundError("That campaign");
  const people = await db.user.findMany({ where: { id: { in: [campaign.createdById, campaign.approvedById].filter((x): x is string => Boolean(x)) } }, select: { id: true, name: true } });
  const nameOf = (userId: string | null) => people.find((p) => p.id === userId)?.name ?? null;
  return { ...campaign, preflight: campaign.preflight as Preflight | null, createdBy: nameOf(campaign.createdById), approvedBy: nameOf(campaign.approvedById) };
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
  const rows = await db.$queryRaw<{ id: string; phone: string; name: string | null; locale: string | null; attributes: unknown }[]>`
    SELECT c.id, c.phone, c.name, c.locale, c.attributes FROM (${audienceSql(audience)}) a JOIN "Contact" c ON c.id = a.id
    WHERE a.skip IS NULL ORDER BY c."createdAt", c.id LIMIT 3`;
  const languages = plan.approved.map((v) => v.language);
  return rows.map((contact) => {
    const language = routeLanguage(contact.locale, languages, plan.mapping.fallbackLanguage);
    const version = plan.approved.find((v) => v.language === language) ?? plan.fallback!;
    return { contact: { id: contact.id, name: contact.name, phone: contact.phone }, language, message: previewText(version, plan.mapping, contact) };
  });
}

export type Progress = Awaited<ReturnType<typeof campaignProgress>>;

/** Live numbers for the campaign page (polled every few seconds while it sends). */
export async function campaignProgress(workspaceId: string, id: string) {
  const campaign = await db.campaign.findFirst({
    where: { id, workspaceId },
    select: { status: true, statusReason: true, sendRatePerSec: true, launchedAt: true, completedAt: true, workspace: { select: { whatsAppAccount: { select: { throughputPerSecond: true } } } } },
  });
  if (!campaign) throw new NotFoundError("That campaign");
  const [states, recent, failures, skips, nextDue] = await Promise.all([
    db.$queryRaw<{ state: string; n: number }[]>`SELECT state::text, count(*)::int AS n FROM "Message" WHERE "campaignId" = ${id} GROUP BY 1`,
    db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Message" WHERE "campaignId" = ${id} AND "sentAt" > now() - interval '30 seconds'`,
    db.$queryRaw<{ code: number | null; reason: string | null; n: number }[]>`
      SELECT "errorCode" AS code, min("errorReason") AS reason, count(*)::int AS n FROM "Message"
      WHERE "campaignId" = ${id} AND state = 'FAILED' GROUP BY 1 ORDER BY 3 DESC LIMIT 20`,
    db.$queryRaw<{ reason: string; n: number }[]>`
      SELECT COALESCE("skipReason", 'unknown') AS reason, count(*)::int AS n FROM "Message"
      WHERE "campaignId" = ${id} AND state = 'SKIPPED' GROUP BY 1 ORDER BY 2 DESC`,
    db.message.findFirst({ where: { campaignId: id, state: "QUEUED" }, orderBy: { nextAttemptAt: "asc" }, select: { nextAttemptAt: true } }),
  ]);
  const counts = toCounts(states);
  const perSecond = (recent[0]?.n ?? 0) / 30;
  const rate = sendRateOf(campaign.sendRatePerSec, campaign.workspace.whatsAppAccount?.throughputPerSecond ?? null);
  const remaining = counts.queued + counts.claimed;
  const speed = perSecond > 0 ? perSecond : (rate ?? 0);
  return {
    status: campaign.status,
    statusReason: campaign.statusReason,
    counts,
    perSecond: Math.round(perSecond * 10) / 10,
    etaSeconds: campaign.status === "SENDING" && remaining > 0 && speed > 0 ? Math.ceil(remaining / speed) : null,
    nextDueAt: campaign.status === "SENDING" && nextDue?.nextAttemptAt && nextDue.nextAttemptAt > new Date() ? nextDue.nextAttemptAt.toISOString() : null,
    failures: failures.map((f) => ({ code: f.code, reason: f.reason ?? (f.code ? classifyError(f.code).explanation : "Failed"), count: f.n })),
    skips: skips.map((s) => ({ reason: s.reason, label: SKIP_REASONS[s.reason as SkipReason] ?? s.reason, count: s.n })),
  };
}
