// Pure pricing: which market a number is in, which rate card is in effect at a moment, and what one message
// costs from the pricing object of its status webhook (Meta's per-message pricing, docs/pricing.md).
// Amounts are integers in millionths of the card's currency, so sums never drift.
import {
  getCountries,
  getCountryCallingCode,
  parsePhoneNumberFromString,
  type CountryCode,
} from "libphonenumber-js/min";
import markets from "./markets.json";
import card202610 from "./shipped-card-2026-10.json";

/** The categories a rate card prices (Meta's rate-card columns). */
export const CARD_CATEGORIES = [
  "MARKETING",
  "UTILITY",
  "AUTHENTICATION",
  "AUTHENTICATION_INTERNATIONAL",
  "SERVICE",
] as const;
export type CardCategory = (typeof CARD_CATEGORIES)[number];

export const KNOWN_MARKETS: string[] = [...markets.markets.map((m) => m.market), markets.other.market];

export type Rate = { market: string; category: string; fromVolume: number; rateMicros: number };
export type RateCard = {
  id: string;
  /** null: shipped with Parley; a workspace's own (imported) card wins over a shipped one of the same date. */
  workspaceId: string | null;
  currency: string;
  /** YYYY-MM-DD, UTC: the card prices messages from the start of this day on. */
  effectiveFrom: string;
  rates: Rate[];
};

function marketOfCallingCode(digits: string): string {
  for (const length of [4, 3, 2, 1]) {
    const market = markets.markets.find((m) => m.callingCodes.includes(digits.slice(0, length)));
    if (market) return market.market;
  }
  return markets.other.market;
}

/** The calling code of an ISO country ("ES" → "34"), or "" for an unknown one. */
export function callingCodeOfCountry(country: string): string {
  try {
    return getCountryCallingCode(country.toUpperCase() as CountryCode);
  } catch {
    return "";
  }
}

/** The rate-card market of an E.164 number (with or without +), or of a BSUID ("ES.1349…": its country's). */
export function marketOf(phoneOrBsuid: string): string {
  const bsuid = /^([A-Z]{2})\./.exec(phoneOrBsuid);
  return marketOfCallingCode(bsuid ? callingCodeOfCountry(bsuid[1]!) : phoneOrBsuid.replace(/^\+/, ""));
}

/**
 * The country Meta reports a number under (ISO 3166-1 alpha-2): its own, or for a number whose region the
 * metadata cannot tell (a fictitious range), a country with its calling code, which is all a market needs.
 */
export function countryOfPhone(phone: string): string {
  const parsed = parsePhoneNumberFromString(`+${phone.replace(/^\+/, "")}`);
  if (!parsed) return "";
  return parsed.country ?? getCountries().find((c) => getCountryCallingCode(c) === parsed.countryCallingCode) ?? "";
}

/** The market of a country as pricing_analytics names it (ISO 3166-1 alpha-2). */
export function marketOfCountry(country: string): string {
  return marketOfCallingCode(callingCodeOfCountry(country));
}

/** The card in effect at a moment: the latest effective by then, a workspace's own before a shipped one. */
export function cardAt(cards: RateCard[], at: Date): RateCard | null {
  const day = at.toISOString().slice(0, 10);
  let best: RateCard | null = null;
  for (const card of cards) {
    if (card.effectiveFrom > day) continue;
    if (
      !best ||
      card.effectiveFrom > best.effectiveFrom ||
      (card.effectiveFrom === best.effectiveFrom && card.workspaceId !== null && best.workspaceId === null)
    )
      best = card;
  }
  return best;
}

/** The card's category for a webhook category: marketing_lite is billed as marketing. */
export function cardCategoryOf(webhookCategory: string): CardCategory | null {
  const key = webhookCategory.toUpperCase();
  if (key === "MARKETING_LITE") return "MARKETING";
  return (CARD_CATEGORIES as readonly string[]).includes(key) ? (key as CardCategory) : null;
}

/** Whether the card has volume tiers for this market and category (a rate from a volume above 0). */
export function hasTiers(card: RateCard, market: string, category: CardCategory): boolean {
  return card.rates.some((r) => r.market === market && r.category === category && r.fromVolume > 0);
}

/**
 * A tier file laid over the card in effect: the file's markets and categories take its tiers, every other rate
 * stays. Where a market's tiers in the file start past the month's first message, the card's rates before that
 * start stay too (a file may list only the discounted tiers). `unpriced`: markets and categories whose first
 * messages would then have no rate at all (no card under the file, or none for them).
 */
export function layTiers(
  under: Rate[],
  tiers: Rate[],
): { rates: Rate[]; unpriced: { market: string; category: string }[] } {
  const starts = new Map<string, number>();
  for (const r of tiers) {
    const key = `${r.market}|${r.category}`;
    starts.set(key, Math.min(starts.get(key) ?? Infinity, r.fromVolume));
  }
  const kept = under.filter((r) => r.fromVolume < (starts.get(`${r.market}|${r.category}`) ?? Infinity));
  const rates = [...kept, ...tiers];
  const unpriced = [...starts.keys()]
    .filter((key) => !rates.some((r) => `${r.market}|${r.category}` === key && r.fromVolume === 0))
    .map((key) => {
      const [market, category] = key.split("|") as [string, string];
      return { market, category };
    });
  return { rates, unpriced };
}

/**
 * The rate of the `ordinal`-th billable message of the month (1-based) in a market and category: the tier
 * whose fromVolume is the highest below the ordinal. A market missing from the card is priced as the group it
 * was in before it became a market of its own (markets.json's `within`), else at "Other";
 * authentication-international falls back to authentication where the market has no such rate.
 */
export function unitRateMicros(card: RateCard, market: string, category: CardCategory, ordinal = 1): number | null {
  const pick = (m: string, c: string) => {
    const tiers = card.rates
      .filter((r) => r.market === m && r.category === c && r.fromVolume < ordinal)
      .sort((a, b) => b.fromVolume - a.fromVolume);
    return tiers[0]?.rateMicros ?? null;
  };
  const inCard = (m: string | undefined) => m !== undefined && card.rates.some((r) => r.market === m);
  const within = markets.markets.find((m) => m.market === market)?.within;
  const inMarket = inCard(market) ? market : inCard(within) ? within! : markets.other.market;
  return (
    pick(inMarket, category) ?? (category === "AUTHENTICATION_INTERNATIONAL" ? pick(inMarket, "AUTHENTICATION") : null)
  );
}

/** Meta's pricing object on a status webhook (`billable` is deprecated: false still means free). */
export type PricingObject = { billable?: boolean; pricing_model?: string; type?: string; category?: string };

/** Whether Meta says the message costs nothing: a free type, billable false, or a free entry point conversion. */
export function isFree(pricing: PricingObject): boolean {
  const type = pricing.type?.toLowerCase();
  return (
    pricing.billable === false ||
    type === "free_customer_service" ||
    type === "free_entry_point" ||
    pricing.category?.toLowerCase() === "referral_conversion"
  );
}

export type PricedMessage = {
  market: string;
  category: string;
  pricingType: string;
  costMicros: number;
  currency: string | null;
  cardId: string | null;
};

/**
 * What one message costs, priced with the card in effect at its time. `ordinal`: its place among the month's
 * billable messages of its market and category, which only matters where the card has volume tiers.
 */
export function priceMessage(
  input: { pricing: PricingObject; recipient: string; at: Date },
  cards: RateCard[],
  ordinal = 1,
): PricedMessage {
  const market = marketOf(input.recipient);
  const category = (input.pricing.category ?? "unknown").toLowerCase();
  const pricingType = (input.pricing.type ?? (input.pricing.billable === false ? "free_customer_service" : "regular"))
    .toLowerCase()
    .replace(/^free$/, "free_customer_service");
  const card = cardAt(cards, input.at);
  const free = { market, category, pricingType, costMicros: 0, currency: card?.currency ?? null, cardId: null };
  const cardCategory = cardCategoryOf(category);
  if (isFree(input.pricing) || !card || !cardCategory) return free;
  const rate = unitRateMicros(card, market, cardCategory, ordinal);
  return { ...free, costMicros: rate ?? 0, cardId: rate === null ? null : card.id };
}

export type CostLine = { market: string; recipients: number; unitPrice: number; cost: number };

/**
 * A campaign's cost per market for counts of recipients keyed by a prefix of their number: at the base rate, or
 * where the card has volume tiers for the market, tier by tier from the month's next message on (`unitPrice` is
 * then the first message's rate).
 */
export function estimateWithCard(
  countsByPrefix: { prefix: string; count: number }[],
  category: "MARKETING" | "UTILITY" | "AUTHENTICATION",
  card: RateCard | null,
  /** The place in the month the next message to a market has (1 unless known: Meta's announced tier, Parley's count). */
  nextOrdinal: (market: string) => number = () => 1,
): { lines: CostLine[]; total: number } {
  const byMarket = new Map<string, CostLine>();
  for (const { prefix, count } of countsByPrefix) {
    const market = marketOf(prefix);
    const line = byMarket.get(market) ?? { market, recipients: 0, unitPrice: 0, cost: 0 };
    line.recipients += count;
    byMarket.set(market, line);
  }
  for (const line of byMarket.values()) {
    if (!card) continue;
    // Where the card has volume tiers, the campaign's messages continue the month's count tier by tier.
    const tiered = hasTiers(card, line.market, category);
    const first = tiered ? Math.max(1, nextOrdinal(line.market)) : 1;
    line.unitPrice = (unitRateMicros(card, line.market, category, first) ?? 0) / 1e6;
    line.cost = tiered
      ? rangeCostMicros(card, line.market, category, first, line.recipients) / 1e6
      : line.recipients * line.unitPrice;
  }
  const lines = [...byMarket.values()].sort((a, b) => b.cost - a.cost);
  return { lines, total: lines.reduce((sum, l) => sum + l.cost, 0) };
}

/** What `count` messages from the month's `first`th on cost in millionths, tier by tier. */
export function rangeCostMicros(
  card: RateCard,
  market: string,
  category: CardCategory,
  first: number,
  count: number,
): number {
  // Where a rate may change: after any tier's start in this category (more places than needed is harmless).
  const starts = [...new Set(card.rates.filter((r) => r.fromVolume > 0).map((r) => r.fromVolume))].sort(
    (a, b) => a - b,
  );
  let total = 0;
  let at = first;
  const end = first + count; // exclusive
  while (at < end) {
    const next = starts.find((s) => s + 1 > at);
    const until = next === undefined ? end : Math.min(end, next + 1);
    total += (until - at) * (unitRateMicros(card, market, category, at) ?? 0);
    at = until;
  }
  return total;
}

type ShippedFigures = { market: string } & Partial<Record<CardCategory, number>>;

/** A shipped card's rates from per-market figures in USD; service (when billed) at the market's utility rate. */
function shippedCard(id: string, effectiveFrom: string, figures: ShippedFigures[], service: boolean): RateCard {
  const categories = CARD_CATEGORIES.filter((c) => c !== "SERVICE" || service);
  return {
    id,
    workspaceId: null,
    currency: markets.currency,
    effectiveFrom,
    rates: figures.flatMap((m) =>
      categories.flatMap((category) => {
        const rate = m[category === "SERVICE" ? "UTILITY" : category];
        return rate === undefined
          ? []
          : [{ market: m.market, category, fromVolume: 0, rateMicros: Math.round(rate * 1e6) }];
      }),
    ),
  };
}

/**
 * The cards Parley ships (the pricing migrations insert the same figures): per-message rates from 1 July 2025
 * (markets.json), and from 1 October 2026, when Meta bills service messages at the market's utility rate
 * (shipped-card-2026-10.json, checked against transcriptions of Meta's rate-card files, docs/pricing.md).
 */
export const SHIPPED_CARDS: RateCard[] = [
  shippedCard("shipped-2025-07-01", "2025-07-01", [...markets.markets, markets.other], false),
  shippedCard("shipped-2026-10-01", card202610.effectiveFrom, card202610.markets, true),
];

/** What a regular message of a category (as webhooks name it) to a number costs on the shipped card: the demo's figures. */
export function shippedPriceMicros(category: string, phone: string, at = new Date()): number {
  return priceMessage({ pricing: { type: "regular", category }, recipient: phone, at }, SHIPPED_CARDS).costMicros;
}
