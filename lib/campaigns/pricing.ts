// Estimated cost of a campaign from the price table in lib/campaigns/prices.json (edit it to match the
// rate card Meta gives your business). Markets are found by the phone number's calling code.
import { getCountryCallingCode, type CountryCode } from "libphonenumber-js/min";
import prices from "./prices.json";

export type PriceCategory = "MARKETING" | "UTILITY" | "AUTHENTICATION";
type Market = (typeof prices.markets)[number] | typeof prices.otherMarkets;

export const PRICE_CURRENCY = prices.currency;

/** The calling code of a BSUID's country ("ES.1349…" → "34"), the market of a person without a phone. */
function callingCodeOf(bsuid: string): string {
  try {
    return getCountryCallingCode(bsuid.slice(0, 2) as CountryCode);
  } catch {
    return "";
  }
}

/** The market of an E.164 number (longest calling code first), or of a BSUID's country. */
export function marketOf(phoneOrBsuid: string): Market {
  const digits = /^[A-Z]{2}\./.test(phoneOrBsuid) ? callingCodeOf(phoneOrBsuid) : phoneOrBsuid.replace(/^\+/, "");
  for (const length of [3, 2, 1]) {
    const market = prices.markets.find((m) => m.callingCodes.includes(digits.slice(0, length)));
    if (market) return market;
  }
  return prices.otherMarkets;
}

export type CostLine = { market: string; recipients: number; unitPrice: number; cost: number };

/** Cost per market for counts of recipients keyed by a prefix of their number (at least 4 digits after +). */
export function estimateCost(
  countsByPrefix: { prefix: string; count: number }[],
  category: PriceCategory,
): { lines: CostLine[]; total: number } {
  const byMarket = new Map<string, CostLine>();
  for (const { prefix, count } of countsByPrefix) {
    const market = marketOf(prefix);
    const unitPrice = market[category];
    const line = byMarket.get(market.market) ?? { market: market.market, recipients: 0, unitPrice, cost: 0 };
    line.recipients += count;
    line.cost += count * unitPrice;
    byMarket.set(market.market, line);
  }
  const lines = [...byMarket.values()].sort((a, b) => b.cost - a.cost);
  return { lines, total: lines.reduce((sum, l) => sum + l.cost, 0) };
}

/** What Meta bills for one message of a pricing category (as in status webhooks: "marketing"…) to a number, in millionths. */
export function priceMicros(category: string, phone: string): number {
  const key = category.toUpperCase();
  if (key !== "MARKETING" && key !== "UTILITY" && key !== "AUTHENTICATION") return 0; // service conversations are free
  return Math.round(marketOf(phone)[key] * 1e6);
}
