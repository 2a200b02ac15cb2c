// The home page: what is sending now, what needs someone, and this week's numbers against last week's.
// It only reads the other domains. Each part is loaded only for a role that may see it (lib/auth/permissions),
// so a part a role may not read is never queried; `null` means "not for this role", an empty list "nothing".
import "server-only";
import type { Role } from "@/lib/db/generated/enums";
import { db } from "@/lib/db/client";
import { can } from "@/lib/auth/permissions";
import { funnelOf, totalsOf, type Funnel } from "@/lib/campaigns/funnel";
import { shiftDay, today } from "@/lib/analytics/dashboard";
import { unreadConversations } from "@/lib/inbox/queries";
import { languageNameIn } from "@/lib/templates/languages";
import { AUTO_DISABLED_REASON } from "@/lib/outbound-webhooks/deliver";
import { webhookBacklog } from "@/lib/webhooks/process";
import { messageKey } from "@/lib/i18n/message-key";
import { rejectionMessage } from "@/lib/templates/rejection";

/** Who reads the home: `locale` names template languages in the reader's words. */
export type HomeViewer = { workspaceId: string; userId: string; role: Role; locale: string };

export type SendingCampaign = { id: string; name: string; sent: number; total: number };

export type NeedKind =
  "approval" | "paused" | "failed" | "template" | "quality" | "limit" | "endpoint" | "inbound" | "inbox";

/** One thing someone should look at, with the page where it is handled. */
export type Need = { kind: NeedKind; title: string; detail: string; href: string };

export const WEEK_MEASURES = ["sent", "delivered", "read", "replied", "clicked"] as const;
export type WeekMeasure = (typeof WEEK_MEASURES)[number];
export type WeekRow = { measure: WeekMeasure; thisWeek: number; lastWeek: number; change: number | null };
export type Week = {
  thisWeek: { from: string; to: string };
  lastWeek: { from: string; to: string };
  timeZone: string;
  rows: WeekRow[];
};

export type Home = { sending: SendingCampaign[] | null; needs: Need[]; week: Week | null };

/** Campaigns that finished this many days ago or less still show their failures. */
export const RECENT_DAYS = 7;

// Titles and details are message keys (lib/i18n/message-key.ts): components/home/needs-list.tsx shows them
// in the reader's language.

/** Meta's quality ratings that are a problem (home.needs.quality.*); GREEN, and none yet, are not. */
const QUALITY_DROPS = ["YELLOW", "RED", "FLAGGED"] as const;
const isQualityDrop = (rating: string): rating is (typeof QUALITY_DROPS)[number] =>
  (QUALITY_DROPS as readonly string[]).includes(rating);

async function funnels(campaignIds: string[]): Promise<Map<string, Funnel>> {
  if (campaignIds.length === 0) return new Map();
  const rows = await db.campaignDay.groupBy({
    by: ["campaignId", "key"],
    where: { campaignId: { in: campaignIds } },
    _sum: { n: true },
  });
  return new Map(
    campaignIds.map((id) => [
      id,
      funnelOf(totalsOf(rows.filter((r) => r.campaignId === id).map((r) => ({ key: r.key, n: r._sum.n ?? 0 })))),
    ]),
  );
}

async function campaignParts(viewer: HomeViewer, since: Date) {
  const { workspaceId } = viewer;
  const campaigns = await db.campaign.findMany({
    where: {
      workspaceId,
      OR: [
        { status: { in: ["SENDING", "PAUSED", "AWAITING_APPROVAL"] } },
        { status: "COMPLETED", completedAt: { gte: since } },
      ],
    },
    orderBy: { updatedAt: "desc" },
    take: 100,
    select: { id: true, name: true, status: true, statusReason: true, contributorIds: true },
  });
  const counted = await funnels(campaigns.filter((c) => c.status !== "AWAITING_APPROVAL").map((c) => c.id));
  const funnel = (id: string) => counted.get(id) ?? funnelOf({});

  const sending = campaigns
    .filter((c) => c.status === "SENDING")
    .map((c) => {
      const f = funnel(c.id);
      // As the campaign list counts it: what has left (sent or failed) of what can be sent.
      return { id: c.id, name: c.name, sent: f.sent + f.failed, total: f.targeted - f.skipped };
    });

  const needs: Need[] = [];
  if (can(viewer.role, "campaigns.approve"))
    for (const c of campaigns)
      // Whoever built or submitted a launch may not approve it, so it does not need them.
      if (c.status === "AWAITING_APPROVAL" && !c.contributorIds.includes(viewer.userId))
        needs.push({
          kind: "approval",
          title: messageKey("home.needs.approval.title", { name: c.name }),
          detail: messageKey("home.needs.approval.detail"),
          href: `/campaigns/${c.id}`,
        });
  for (const c of campaigns) {
    if (c.status === "PAUSED")
      needs.push({
        kind: "paused",
        title: messageKey("home.needs.paused.title", { name: c.name }),
        detail: c.statusReason ?? messageKey("home.needs.paused.detail"),
        href: `/campaigns/${c.id}`,
      });
    const failed = funnel(c.id).failed;
    if (c.status === "COMPLETED" && failed > 0)
      needs.push({
        kind: "failed",
        title: messageKey("home.needs.failed.title", { name: c.name, count: failed }),
        detail: messageKey("home.needs.failed.detail"),
        href: `/campaigns/${c.id}`,
      });
  }
  return { sending, needs };
}

async function rejectedTemplates(workspaceId: string, locale: string): Promise<Need[]> {
  const templates = await db.template.findMany({
    where: { workspaceId, status: "REJECTED" },
    orderBy: { updatedAt: "desc" },
    take: 20,
    select: { id: true, name: true, language: true, rejectionReason: true },
  });
  return templates.map((t) => ({
    kind: "template",
    title: messageKey("home.needs.template.title", {
      name: t.name,
      language: languageNameIn(locale, t.language),
    }),
    detail: rejectionMessage(t.rejectionReason),
    href: `/templates/${t.id}`,
  }));
}

async function numberHealth(viewer: HomeViewer, fromDay: string): Promise<Need[]> {
  const { workspaceId } = viewer;
  const [account, limited] = await Promise.all([
    db.whatsAppAccount.findUnique({
      where: { workspaceId },
      select: { displayPhoneNumber: true, phoneNumberId: true, qualityRating: true },
    }),
    db.campaignDay.aggregate({
      where: { workspaceId, key: "skip:messaging_limit", day: { gte: new Date(`${fromDay}T00:00:00Z`) } },
      _sum: { n: true },
    }),
  ]);
  if (!account) return [];
  const number = account.displayPhoneNumber ?? account.phoneNumberId;
  // Admins fix the number in settings; the others read its health on the analytics page.
  const href = can(viewer.role, "settings.manage") ? "/settings/whatsapp" : "/analytics";
  const needs: Need[] = [];
  const rating = account.qualityRating?.toUpperCase() ?? "";
  if (isQualityDrop(rating))
    needs.push({
      kind: "quality",
      title: messageKey("home.needs.quality.title", { number }),
      detail: messageKey(`home.needs.quality.${rating}`),
      href,
    });
  const skipped = Number(limited._sum.n ?? 0);
  if (skipped > 0)
    needs.push({
      kind: "limit",
      title: messageKey("home.needs.limit.title", { number }),
      detail: messageKey("home.needs.limit.detail", { count: skipped }),
      href,
    });
  return needs;
}

async function webhookProblems(workspaceId: string): Promise<Need[]> {
  const [endpoints, backlog] = await Promise.all([
    db.webhookEndpoint.findMany({
      where: {
        workspaceId,
        OR: [
          { enabled: true, failingSince: { not: null } },
          { enabled: false, disabledReason: AUTO_DISABLED_REASON },
        ],
      },
      orderBy: { createdAt: "asc" },
      take: 20,
      select: { id: true, url: true, enabled: true },
    }),
    webhookBacklog(workspaceId),
  ]);
  const needs: Need[] = endpoints.map((e) => ({
    kind: "endpoint",
    title: messageKey(e.enabled ? "home.needs.endpoint.failing" : "home.needs.endpoint.off", { url: e.url }),
    detail: messageKey(e.enabled ? "home.needs.endpoint.failingDetail" : "home.needs.endpoint.offDetail"),
    href: `/settings/webhooks/${e.id}`,
  }));
  if (backlog.failed > 0)
    needs.push({
      kind: "inbound",
      title: messageKey("home.needs.inbound.title", { count: backlog.failed }),
      detail: messageKey("home.needs.inbound.detail"),
      href: "/settings/whatsapp",
    });
  return needs;
}

async function unread(workspaceId: string): Promise<Need[]> {
  const count = await unreadConversations(workspaceId);
  return count === 0
    ? []
    : [
        {
          kind: "inbox",
          title: messageKey("home.needs.inbox.title", { count }),
          detail: messageKey("home.needs.inbox.detail"),
          href: "/inbox?filter=unread",
        },
      ];
}

/** Change as a fraction of last week's number; null when last week had none to compare with. */
export const changeOf = (thisWeek: number, lastWeek: number): number | null =>
  lastWeek > 0 ? (thisWeek - lastWeek) / lastWeek : null;

/** The last 7 days (today included, in the workspace's zone) against the 7 before, from the rollups. */
async function week(workspaceId: string, timeZone: string, now: Date): Promise<Week> {
  const to = today(timeZone, now);
  const thisWeek = { from: shiftDay(to, -6), to };
  const lastWeek = { from: shiftDay(to, -13), to: shiftDay(to, -7) };
  // Both weeks' totals in one read: the dashboard's overall funnel, without its trends and per-campaign parts.
  const sums = await db.$queryRaw<{ recent: boolean; key: string; n: bigint }[]>`
    SELECT day >= ${thisWeek.from}::date AS recent, key, sum(n)::bigint AS n FROM "CampaignDay"
    WHERE "workspaceId" = ${workspaceId} AND day BETWEEN ${lastWeek.from}::date AND ${to}::date
    GROUP BY 1, 2`;
  const current = funnelOf(totalsOf(sums.filter((r) => r.recent)));
  const previous = funnelOf(totalsOf(sums.filter((r) => !r.recent)));
  const rows = WEEK_MEASURES.map((measure) => {
    const a = current[measure];
    const b = previous[measure];
    return { measure, thisWeek: a, lastWeek: b, change: changeOf(a, b) };
  });
  return { thisWeek, lastWeek, timeZone, rows };
}

export async function loadHome(viewer: HomeViewer, now = new Date()): Promise<Home> {
  const { workspaceId, role } = viewer;
  const { timeZone } = await db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { timeZone: true } });
  const weekStart = shiftDay(today(timeZone, now), -(RECENT_DAYS - 1));
  const none = Promise.resolve([] as Need[]);
  const [campaigns, templates, health, webhooks, inbox, numbers] = await Promise.all([
    can(role, "campaigns.view") ? campaignParts(viewer, new Date(now.getTime() - RECENT_DAYS * 86_400_000)) : null,
    can(role, "templates.view") ? rejectedTemplates(workspaceId, viewer.locale) : none,
    can(role, "analytics.view") ? numberHealth(viewer, weekStart) : none,
    can(role, "settings.manage") ? webhookProblems(workspaceId) : none,
    can(role, "inbox.reply") ? unread(workspaceId) : none,
    can(role, "analytics.view") ? week(workspaceId, timeZone, now) : null,
  ]);
  return {
    sending: campaigns?.sending ?? null,
    needs: [...(campaigns?.needs ?? []), ...templates, ...health, ...webhooks, ...inbox],
    week: numbers,
  };
}
