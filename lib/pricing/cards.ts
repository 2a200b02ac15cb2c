// Rate cards in the database: the shipped ones (a migration, workspaceId null) and a workspace's imports of
// Meta's published rate-card file. Each card keeps its effective date, so a message is priced with the card
// in effect when it was sent, and history is never repriced by a newer card.
import "server-only";
import { recordAudit } from "@/lib/audit/service";
import type { CurrentUser } from "@/lib/auth/sessions";
import { db, type Prisma } from "@/lib/db/client";
import { messageKey } from "@/lib/i18n/message-key";
import { ValidationError } from "@/lib/errors";
import { parseRateCardCsv, type CsvProblem } from "./rate-card-csv";
import type { ImportRateCardInput } from "./schemas";
import { cardAt, layTiers, type RateCard } from "./rates";

type Client = Prisma.TransactionClient | typeof db;

/** Every card that can price this workspace's messages: its own and the shipped ones, with their rates. */
export async function loadCards(workspaceId: string, client: Client = db): Promise<RateCard[]> {
  const rows = await client.priceCard.findMany({
    where: { OR: [{ workspaceId }, { workspaceId: null }] },
    select: {
      id: true,
      workspaceId: true,
      currency: true,
      effectiveFrom: true,
      rates: { select: { market: true, category: true, fromVolume: true, rateMicros: true } },
    },
  });
  return rows.map((r) => ({ ...r, effectiveFrom: r.effectiveFrom.toISOString().slice(0, 10) }));
}

/** The card in effect now (or at `at`) for a workspace, or null when there is none. */
export async function cardInEffect(
  workspaceId: string,
  at = new Date(),
  client: Client = db,
): Promise<RateCard | null> {
  return cardAt(await loadCards(workspaceId, client), at);
}

/** The cards a workspace can see on its pricing page, newest first, with where they came from. */
export async function listCards(workspaceId: string) {
  const cards = await db.priceCard.findMany({
    where: { OR: [{ workspaceId }, { workspaceId: null }] },
    orderBy: [{ effectiveFrom: "desc" }, { createdAt: "desc" }],
    select: {
      id: true,
      workspaceId: true,
      currency: true,
      effectiveFrom: true,
      source: true,
      createdAt: true,
      _count: { select: { rates: true } },
    },
  });
  return cards.map((c) => ({
    id: c.id,
    shipped: c.workspaceId === null,
    currency: c.currency,
    effectiveFrom: c.effectiveFrom.toISOString().slice(0, 10),
    source: c.source,
    createdAt: c.createdAt,
    rates: c._count.rates,
  }));
}

export type ImportResult =
  { ok: true; cardId: string; rates: number; unknownMarkets: string[] } | { ok: false; problems: CsvProblem[] };

/**
 * Imports Meta's rate-card file as this workspace's card from `effectiveFrom` on. A file with any problem
 * imports nothing and says what and where; a second import for the same date replaces the first.
 */
export async function importRateCard(
  user: Pick<CurrentUser, "userId" | "workspaceId">,
  input: ImportRateCardInput,
): Promise<ImportResult> {
  const parsed = parseRateCardCsv(input.text, input.currency);
  if (!parsed.ok) return parsed;
  const { card } = parsed;
  const effectiveFrom = new Date(`${input.effectiveFrom}T00:00:00Z`);
  if (Number.isNaN(effectiveFrom.getTime()))
    throw new ValidationError(messageKey("settings.pricing.errors.effectiveFrom"));
  // A tier file (one row per market and tier) is laid over the card in effect on its date (layTiers).
  let rates = card.rates;
  if (card.tiers) {
    const under = cardAt(await loadCards(user.workspaceId), effectiveFrom);
    if (under && under.currency !== card.currency)
      return {
        ok: false,
        problems: [{ line: null, code: "currencyMismatch", values: { file: card.currency, card: under.currency } }],
      };
    const laid = layTiers(under?.rates ?? [], card.rates);
    if (laid.unpriced.length)
      return {
        ok: false,
        problems: laid.unpriced.map((values) => ({ line: null, code: "tiersWithoutStart" as const, values })),
      };
    rates = laid.rates;
  }
  const cardId = await db.$transaction(async (tx) => {
    await tx.priceCard.deleteMany({ where: { workspaceId: user.workspaceId, effectiveFrom } });
    const created = await tx.priceCard.create({
      data: {
        workspaceId: user.workspaceId,
        currency: card.currency,
        effectiveFrom,
        source: input.fileName,
        importedById: user.userId,
        rates: { createMany: { data: rates } },
      },
      select: { id: true },
    });
    await recordAudit(
      user.workspaceId,
      user.userId,
      {
        action: "pricing.rate_card_imported",
        targetType: "price_card",
        targetId: created.id,
        details: {
          fileName: input.fileName,
          effectiveFrom: input.effectiveFrom,
          currency: card.currency,
          rates: rates.length,
          tiers: card.tiers,
        },
      },
      tx,
    );
    return created.id;
  });
  return { ok: true, cardId, rates: rates.length, unknownMarkets: card.unknownMarkets };
}

/** The currency costs are shown in: the card in effect now (Meta bills a business in one currency). */
export async function pricingCurrency(workspaceId: string): Promise<string> {
  const card = await db.priceCard.findFirst({
    where: { OR: [{ workspaceId }, { workspaceId: null }], effectiveFrom: { lte: new Date() } },
    orderBy: [{ effectiveFrom: "desc" }, { workspaceId: { sort: "asc", nulls: "last" } }],
    select: { currency: true },
  });
  return card?.currency ?? "USD";
}
