// The campaign list as the public API pages through it: newest first, an opaque cursor, each campaign with
// its funnel from the rollups (lib/analytics/rollups.ts), never from the raw messages.
import "server-only";
import { db, Prisma } from "@/lib/db/client";
import type { CampaignStatus } from "@/lib/db/generated/enums";
import { ValidationError } from "@/lib/errors";
import { englishTranslator } from "@/lib/i18n/translator";
import { funnelOf, totalsOf } from "@/lib/campaigns/funnel";

const encodeCursor = (createdAt: Date, id: string) =>
  Buffer.from(`k:${createdAt.toISOString()}|${id}`).toString("base64url");

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const match = /^k:(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\|([A-Za-z0-9_-]{1,64})$/.exec(
    Buffer.from(cursor, "base64url").toString("utf8"),
  );
  if (!match) {
    throw new ValidationError("This cursor is not one Parley gave: pass nextCursor from the previous page as it is.", {
      "query.cursor": ["Not a cursor Parley gave."],
    });
  }
  return { createdAt: new Date(match[1]!), id: match[2]! };
}

export async function listApiCampaigns(
  workspaceId: string,
  query: { cursor?: string; limit: number; status?: CampaignStatus },
) {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const campaigns = await db.campaign.findMany({
    where: {
      workspaceId,
      ...(query.status ? { status: query.status } : {}),
      ...(after
        ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: {
      id: true,
      name: true,
      status: true,
      statusReason: true,
      createdAt: true,
      launchedAt: true,
      completedAt: true,
      consentListId: true,
      template: { select: { id: true, name: true, language: true, category: true } },
    },
  });
  const page = campaigns.slice(0, query.limit);
  const rows = page.length
    ? await db.$queryRaw<{ campaignId: string; key: string; n: bigint }[]>`
        SELECT "campaignId", key, sum(n)::bigint AS n FROM "CampaignDay" WHERE "campaignId" IN (${Prisma.join(page.map((c) => c.id))}) GROUP BY 1, 2`
    : [];
  return {
    data: page.map((c) => ({
      id: c.id,
      name: c.name,
      status: c.status,
      // Stored as a message key (lib/campaigns/service.ts): machines read English.
      statusReason: c.statusReason === null ? null : englishTranslator.message(c.statusReason),
      template: c.template,
      consentListId: c.consentListId,
      createdAt: c.createdAt.toISOString(),
      launchedAt: c.launchedAt?.toISOString() ?? null,
      completedAt: c.completedAt?.toISOString() ?? null,
      funnel: funnelOf(totalsOf(rows.filter((r) => r.campaignId === c.id))),
    })),
    nextCursor: campaigns.length > query.limit ? encodeCursor(page.at(-1)!.createdAt, page.at(-1)!.id) : null,
  };
}
