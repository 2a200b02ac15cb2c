// The cost of each message Meta delivered: priced once, from the first delivered (or read) status carrying its
// pricing object, with the card in effect at that moment (lib/pricing/rates.ts). Called inside the webhook
// processing transaction, so a message's cost and its status move together; a repeated delivery finds the
// row already there and changes nothing.
import "server-only";
import type { Prisma } from "@/lib/db/client";
import { loadCards } from "./cards";
import { cardAt, cardCategoryOf, hasTiers, priceMessage, type PricingObject, type RateCard } from "./rates";
import { tierFloor } from "./tiers";
import { loadTiers } from "./volume-tiers";

export type PricingInput = { workspaceId: string; wamid: string; recipient: string; at: Date; pricing: PricingObject };

/** Prices the messages not priced before; returns their cost in millionths by wamid. */
export async function priceStatuses(
  tx: Prisma.TransactionClient,
  inputs: PricingInput[],
): Promise<Map<string, number>> {
  // The earliest event of each message carries its price.
  const first = new Map<string, PricingInput>();
  for (const input of inputs) {
    const seen = first.get(input.wamid);
    if (!seen || input.at < seen.at) first.set(input.wamid, input);
  }
  if (first.size === 0) return new Map();
  const cardsOf = new Map<string, RateCard[]>();
  for (const workspaceId of new Set([...first.values()].map((i) => i.workspaceId)))
    cardsOf.set(workspaceId, await loadCards(workspaceId, tx));

  const priced = [...first.values()].map((input) => ({
    input,
    price: priceMessage(input, cardsOf.get(input.workspaceId)!),
  }));
  const inserted = await tx.$queryRawUnsafe<{ wamid: string }[]>(
    `INSERT INTO "MessageCost" (wamid, "workspaceId", "occurredAt", market, category, "pricingType", "costMicros", currency, "cardId")
     SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[], $9::text[])
     ON CONFLICT (wamid) DO NOTHING
     RETURNING wamid`,
    priced.map((p) => p.input.wamid),
    priced.map((p) => p.input.workspaceId),
    priced.map((p) => p.input.at.toISOString()),
    priced.map((p) => p.price.market),
    priced.map((p) => p.price.category),
    priced.map((p) => p.price.pricingType),
    priced.map((p) => p.price.costMicros),
    priced.map((p) => p.price.currency ?? ""),
    priced.map((p) => p.price.cardId),
  );
  const fresh = new Set(inserted.map((r) => r.wamid));
  const costs = new Map(priced.filter((p) => fresh.has(p.input.wamid)).map((p) => [p.input.wamid, p.price.costMicros]));

  // Volume tiers: only where the card has them, the month's count decides the rate (Meta counts per calendar month,
  // UTC), and no lower than the tier Meta announced by the message's time (lib/pricing/tiers.ts).
  const tiered = new Map<string, typeof priced>();
  for (const p of priced) {
    if (!fresh.has(p.input.wamid) || p.price.costMicros === 0) continue;
    const card = cardAt(cardsOf.get(p.input.workspaceId)!, p.input.at);
    const category = cardCategoryOf(p.price.category);
    if (!card || !category || !hasTiers(card, p.price.market, category)) continue;
    const key = [p.input.workspaceId, p.input.at.toISOString().slice(0, 7), p.price.market, category].join("|");
    tiered.set(key, [...(tiered.get(key) ?? []), p]);
  }
  for (const [key, group] of tiered) {
    const [workspaceId, month, market, category] = key.split("|") as [string, string, string, string];
    const [{ count }] = await tx.$queryRawUnsafe<[{ count: number }]>(
      `INSERT INTO "PricingVolume" ("workspaceId", month, market, category, count) VALUES ($1, $2::date, $3, $4, $5)
       ON CONFLICT ("workspaceId", month, market, category) DO UPDATE SET count = "PricingVolume".count + EXCLUDED.count
       RETURNING count`,
      workspaceId,
      `${month}-01`,
      market,
      category,
      group.length,
    );
    group.sort((a, b) => a.input.at.getTime() - b.input.at.getTime());
    const cards = cardsOf.get(workspaceId)!;
    // Meta's announced tier is a floor: it counts the whole business, Parley only what it sent.
    const tiers = await loadTiers(workspaceId, [group[0]!.input.at], tx);
    const repriced = group.map((p, i) => ({
      wamid: p.input.wamid,
      cost: priceMessage(
        p.input,
        cards,
        Math.max(count - group.length + i + 1, tierFloor(tiers, market, category, p.input.at)),
      ).costMicros,
    }));
    await tx.$executeRawUnsafe(
      `UPDATE "MessageCost" c SET "costMicros" = t.cost FROM unnest($1::text[], $2::int[]) AS t(wamid, cost) WHERE c.wamid = t.wamid`,
      repriced.map((r) => r.wamid),
      repriced.map((r) => r.cost),
    );
    for (const r of repriced) costs.set(r.wamid, r.cost);
  }
  return costs;
}
