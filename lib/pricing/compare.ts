// Parley's estimate beside Meta's bill, per UTC day (Meta's buckets are UTC), market and category; and the
// estimate by category and by market for the analytics page. Free messages count in volume at cost 0.
import "server-only";
import { db } from "@/lib/db/client";
import { marketOfCountry } from "./rates";

/** A difference below this (in millionths: a hundredth of a cent) is rounding in Meta's figures. */
const COST_TOLERANCE_MICROS = 100;

export type BillRow = {
  day: string;
  market: string;
  category: string;
  parley: { volume: number; free: number; cost: number };
  meta: { volume: number; cost: number } | null;
  differs: boolean;
};

/** `range`: UTC days, inclusive (YYYY-MM-DD). */
export async function billComparison(workspaceId: string, range: { from: string; to: string }) {
  const [ours, theirs] = await Promise.all([
    db.$queryRaw<{ day: Date; market: string; category: string; volume: bigint; free: bigint; cost: bigint }[]>`
      SELECT ("occurredAt" AT TIME ZONE 'UTC')::date AS day, market, category, count(*) AS volume,
             count(*) FILTER (WHERE "pricingType" <> 'regular') AS free, sum("costMicros") AS cost
      FROM "MessageCost"
      WHERE "workspaceId" = ${workspaceId}
        AND "occurredAt" >= ${range.from}::date AND "occurredAt" < ${range.to}::date + 1
      GROUP BY 1, 2, 3`,
    db.metaPricingDay.findMany({
      where: { workspaceId, day: { gte: new Date(`${range.from}T00:00:00Z`), lte: new Date(`${range.to}T00:00:00Z`) } },
      select: { day: true, country: true, category: true, volume: true, costMicros: true, fetchedAt: true },
    }),
  ]);
  const rows = new Map<string, BillRow>();
  const row = (day: string, market: string, category: string) => {
    const key = `${day}|${market}|${category}`;
    return (
      rows.get(key) ??
      rows
        .set(key, { day, market, category, parley: { volume: 0, free: 0, cost: 0 }, meta: null, differs: false })
        .get(key)!
    );
  };
  for (const r of ours) {
    const target = row(r.day.toISOString().slice(0, 10), r.market, r.category);
    target.parley.volume += Number(r.volume);
    target.parley.free += Number(r.free);
    target.parley.cost += Number(r.cost);
  }
  for (const r of theirs) {
    const target = row(r.day.toISOString().slice(0, 10), marketOfCountry(r.country), r.category);
    target.meta ??= { volume: 0, cost: 0 };
    target.meta.volume += r.volume;
    target.meta.cost += Number(r.costMicros);
  }
  const fetched = theirs.length > 0;
  const list = [...rows.values()]
    .map((r) => ({
      ...r,
      differs:
        fetched &&
        (r.parley.volume !== (r.meta?.volume ?? 0) ||
          Math.abs(r.parley.cost - (r.meta?.cost ?? 0)) >= COST_TOLERANCE_MICROS),
      parley: { ...r.parley, cost: r.parley.cost / 1e6 },
      meta: r.meta && { ...r.meta, cost: r.meta.cost / 1e6 },
    }))
    .sort(
      (a, b) => b.day.localeCompare(a.day) || a.market.localeCompare(b.market) || a.category.localeCompare(b.category),
    );

  const sumBy = (key: "category" | "market") => {
    const totals = new Map<string, { name: string; volume: number; free: number; cost: number }>();
    for (const r of list) {
      const t = totals.get(r[key]) ?? totals.set(r[key], { name: r[key], volume: 0, free: 0, cost: 0 }).get(r[key])!;
      t.volume += r.parley.volume;
      t.free += r.parley.free;
      t.cost += r.parley.cost;
    }
    return [...totals.values()].filter((t) => t.volume > 0).sort((a, b) => b.cost - a.cost || b.volume - a.volume);
  };
  return {
    fetched,
    /** When Meta's figures were last read (the nightly job), or null. */
    readAt: theirs.reduce<Date | null>((latest, r) => (!latest || r.fetchedAt > latest ? r.fetchedAt : latest), null),
    rows: list,
    differing: list.filter((r) => r.differs),
    byCategory: sumBy("category"),
    byMarket: sumBy("market"),
    total: {
      parley: list.reduce((s, r) => s + r.parley.cost, 0),
      meta: fetched ? list.reduce((s, r) => s + (r.meta?.cost ?? 0), 0) : null,
    },
  };
}
export type BillComparison = Awaited<ReturnType<typeof billComparison>>;

/**
 * What the messages to one person cost (a modest line in the inbox): campaign, API and journey messages and
 * the inbox's own replies, as priced from their status webhooks; free ones counted apart.
 */
export async function threadCost(workspaceId: string, conversation: { id: string; contactId: string }) {
  const [row] = await db.$queryRaw<{ cost: bigint | null; count: bigint; free: bigint; currency: string | null }[]>`
    SELECT sum(c."costMicros") AS cost, count(*) AS count, count(*) FILTER (WHERE c."pricingType" <> 'regular') AS free,
           max(c.currency) AS currency
    FROM "MessageCost" c
    WHERE c."workspaceId" = ${workspaceId}
      AND c.wamid IN (
        SELECT wamid FROM "Message" WHERE "workspaceId" = ${workspaceId} AND "contactId" = ${conversation.contactId} AND wamid IS NOT NULL
        UNION ALL
        SELECT wamid FROM "OutboundMessage" WHERE "conversationId" = ${conversation.id} AND wamid IS NOT NULL)`;
  const count = Number(row?.count ?? 0);
  return count === 0 || !row?.currency
    ? null
    : { cost: Number(row.cost ?? 0) / 1e6, count, free: Number(row.free), currency: row.currency };
}
