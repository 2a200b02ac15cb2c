// The demo's costs: every delivered message priced as its status webhooks would have priced it (the shipped
// card in effect that day), and Meta's bill as the nightly job would have read it, with two differences to
// explain on the analytics page: a day of marketing and a day of utility messages whose status webhooks never
// reached Parley (Meta billed a few more than Parley saw). And a volume tier Meta announced this month, which
// Settings → Pricing shows (the shipped card has no tier rates, so it prices nothing differently).
import "server-only";
import type { Prisma } from "@/lib/db/client";
import { loadCards } from "@/lib/pricing/cards";
import { countryOfPhone, priceMessage } from "@/lib/pricing/rates";
import { applyVolumeTier } from "@/lib/pricing/volume-tiers";

/** The sandbox's WABA (sandbox/config.ts), which the embedded mode connects the demo workspace to. */
const SANDBOX_WABA_ID = "900000000000001";

const DAY_MS = 86_400_000;
const dayOf = (at: Date) => new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);

export async function seedPricing(tx: Prisma.TransactionClient, workspaceId: string) {
  const cards = await loadCards(workspaceId, tx);
  const messages = await tx.message.findMany({
    where: { workspaceId, wamid: { not: null }, deliveredAt: { not: null }, contact: { phone: { not: null } } },
    select: {
      id: true,
      wamid: true,
      deliveredAt: true,
      pricingCategory: true,
      category: true,
      costMicros: true,
      contact: { select: { phone: true } },
    },
  });
  const priced = messages.map((m) => {
    const at = m.deliveredAt!; // Meta bills on delivery
    const category = m.pricingCategory ?? m.category?.toLowerCase() ?? "service";
    const price = priceMessage({ pricing: { type: "regular", category }, recipient: m.contact.phone!, at }, cards);
    return { m, at, price, country: countryOfPhone(m.contact.phone!) };
  });
  await tx.messageCost.createMany({
    data: priced.map(({ m, at, price }) => ({
      wamid: m.wamid!,
      workspaceId,
      occurredAt: at,
      market: price.market,
      category: price.category,
      pricingType: price.pricingType,
      costMicros: price.costMicros,
      currency: price.currency ?? "USD",
      cardId: price.cardId,
    })),
  });
  // Messages sent through the API were seeded without the cost their statuses would have brought.
  const unpriced = priced.filter(({ m }) => m.costMicros === null);
  await tx.$executeRawUnsafe(
    `UPDATE "Message" m SET "pricingCategory" = t.category, billable = true, "costMicros" = t.cost
     FROM unnest($1::text[], $2::text[], $3::int[]) AS t(id, category, cost) WHERE m.id = t.id`,
    unpriced.map(({ m }) => m.id),
    unpriced.map(({ price }) => price.category),
    unpriced.map(({ price }) => price.costMicros),
  );

  // Meta's bill, per UTC day, country, category and type.
  type Row = Omit<Prisma.MetaPricingDayCreateManyInput, "costMicros" | "volume"> & {
    volume: number;
    costMicros: number;
  };
  const bill = new Map<string, Row>();
  for (const { at, price, country } of priced) {
    const key = [dayOf(at).toISOString(), country, price.category, price.pricingType].join("|");
    const row = bill.get(key) ?? {
      workspaceId,
      day: dayOf(at),
      country,
      category: price.category,
      pricingType: price.pricingType,
      volume: 0,
      costMicros: 0,
    };
    row.volume += 1;
    row.costMicros += price.costMicros;
    bill.set(key, row);
  }
  // The two differences: the latest past day of Spanish marketing and of utility, each with a few more messages billed.
  const today = dayOf(new Date()).getTime();
  for (const [category, extra] of [
    ["marketing", 4],
    ["utility", 2],
  ] as const) {
    const row = [...bill.values()]
      .filter((r) => r.category === category && new Date(r.day).getTime() < today)
      .filter((r) => category === "utility" || r.country === "ES")
      .sort((a, b) => new Date(b.day).getTime() - new Date(a.day).getTime())[0];
    if (!row) continue;
    row.costMicros += Math.round((row.costMicros / row.volume) * extra);
    row.volume += extra;
  }
  await tx.metaPricingDay.createMany({
    data: [...bill.values()].map((r) => ({ ...r, costMicros: BigInt(r.costMicros) })),
  });

  // Meta's account_update VOLUME_BASED_PRICING_TIER_UPDATE, as webhook processing stores it: the business (all
  // its accounts) reached Spain's second utility tier a few hours ago.
  const account = await tx.whatsAppAccount.findUnique({ where: { workspaceId }, select: { wabaId: true } });
  const reached = new Date(Date.now() - 3 * 3_600_000);
  await applyVolumeTier(
    tx,
    workspaceId,
    account?.wabaId ?? SANDBOX_WABA_ID,
    {
      effective_month: new Date().toISOString().slice(0, 7),
      pricing_category: "UTILITY",
      region: "SPAIN",
      tier: "100001:500000",
      tier_update_time: Math.floor(reached.getTime() / 1000),
    },
    reached,
  );
}
