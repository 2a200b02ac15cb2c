// What the sandbox bills, as Meta does under per-message pricing: each message gets a pricing object (sent
// with its statuses), each delivered message is entered in a ledger at its delivery time, and
// GET /{waba-id}?fields=pricing_analytics... answers from that ledger in Meta's shape: daily buckets per
// country, category and type. The rates are the ones Parley ships (lib/pricing), standing in for Meta's card.
import { countryOfPhone, priceMessage, SHIPPED_CARDS } from "@/lib/pricing/rates";

export type SandboxPricing = { type: "regular" | "free_customer_service" | "free_entry_point"; category: string };

/**
 * The pricing of a message: a template's category, or "service" for a free-form message. Inside an open
 * customer service window, service messages and utility templates are free, unless `billInWindow` (Meta's
 * rule from 1 October 2026, when they are billed).
 */
export function pricingFor(
  templateCategory: string | undefined,
  windowOpen: boolean,
  billInWindow: boolean,
): SandboxPricing {
  const category = templateCategory?.toLowerCase() ?? "service";
  const freeInWindow = (category === "service" || category === "utility") && windowOpen && !billInWindow;
  return { type: freeInWindow ? "free_customer_service" : "regular", category };
}

type Entry = { at: number; country: string; category: string; type: string; costMicros: number };

function countryOf(recipient: string): string {
  const bsuid = /^([A-Z]{2})\./.exec(recipient);
  if (bsuid) return bsuid[1]!;
  return countryOfPhone(recipient);
}

const DAY_MS = 86_400_000;

export function createLedger() {
  const entries: Entry[] = [];
  return {
    /** A delivered message, billed at `at` (Meta bills on delivery). */
    record(recipient: string, pricing: SandboxPricing, at: Date) {
      const { costMicros } = priceMessage({ pricing, recipient, at }, SHIPPED_CARDS);
      entries.push({
        at: at.getTime(),
        country: countryOf(recipient),
        category: pricing.category,
        type: pricing.type,
        costMicros,
      });
    },
    /**
     * pricing_analytics for [start, end) in seconds, daily buckets (UTC): only what has been delivered by now.
     * Meta's enums are upper case; cost is in the currency's units.
     */
    analytics(start: number, end: number, now = Date.now()) {
      type Bucket = { start: number; end: number; country: string; pricing_category: string; pricing_type: string };
      const buckets = new Map<string, Bucket & { volume: number; costMicros: number }>();
      for (const e of entries) {
        if (e.at > now || e.at < start * 1000 || e.at >= end * 1000) continue;
        const day = Math.floor(e.at / DAY_MS) * DAY_MS;
        const key = [day, e.country, e.category, e.type].join("|");
        const bucket =
          buckets.get(key) ??
          buckets
            .set(key, {
              start: day / 1000,
              end: (day + DAY_MS) / 1000,
              country: e.country,
              pricing_category: e.category.toUpperCase(),
              pricing_type: e.type.toUpperCase(),
              volume: 0,
              costMicros: 0,
            })
            .get(key)!;
        bucket.volume += 1;
        bucket.costMicros += e.costMicros;
      }
      const points = [...buckets.values()]
        .sort((a, b) => a.start - b.start)
        .map(({ costMicros, ...bucket }) => ({ ...bucket, cost: costMicros / 1e6 }));
      return { data: [{ data_points: points }] };
    },
  };
}

/** The arguments of `pricing_analytics.start(..).end(..)...` in a fields parameter, or null when it asks for something else. */
export function pricingAnalyticsRange(fields: string | null): { start: number; end: number } | null {
  const match = /pricing_analytics\.start\((\d+)\)\.end\((\d+)\)/.exec(fields ?? "");
  return match ? { start: Number(match[1]), end: Number(match[2]) } : null;
}
