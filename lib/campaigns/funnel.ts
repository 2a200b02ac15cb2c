// The counters a rollup holds, read into a campaign's funnel, rates and failures. Pure: the campaign
// report, the campaign list and the dashboards all read rollup keys (see parley_message_facts in the
// analytics migration).
import { messageKey } from "@/lib/i18n/message-key";
import { classifyError } from "@/lib/whatsapp/errors";

export type Totals = Record<string, number>;

export type Funnel = {
  targeted: number;
  pending: number;
  sent: number;
  delivered: number;
  read: number;
  replied: number;
  clicked: number;
  failed: number;
  skipped: number;
  optedOut: number;
};

export function funnelOf(t: Totals): Funnel {
  const get = (key: string) => t[key] ?? 0;
  const parts = { pending: get("pending"), sent: get("sent"), failed: get("failed"), skipped: get("skipped") };
  return {
    targeted: parts.pending + parts.sent + parts.failed + parts.skipped,
    ...parts,
    delivered: get("delivered"),
    read: get("read"),
    replied: get("replied"),
    clicked: get("clicked"),
    optedOut: get("opted_out"),
  };
}

/** The rollup keys a manager follows day by day (the dashboard's trends and their export). */
export const TREND_KEYS = ["sent", "delivered", "read", "replied", "clicked", "failed", "opted_out"] as const;
export type TrendKey = (typeof TREND_KEYS)[number];

/** A share as a fraction (null when there is nothing to divide by). */
export const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** The rates a marketer compares campaigns and templates by. */
export function ratesOf(
  f: Pick<Funnel, "sent" | "delivered" | "read" | "replied" | "clicked" | "optedOut" | "failed">,
) {
  return {
    delivery: ratio(f.delivered, f.sent + f.failed),
    read: ratio(f.read, f.delivered),
    reply: ratio(f.replied, f.delivered),
    click: ratio(f.clicked, f.delivered),
    optOut: ratio(f.optedOut, f.delivered),
  };
}
export type Rates = ReturnType<typeof ratesOf>;

/** Rows of (key, n) into totals, keeping only keys with a prefix when one is given (the prefix is dropped). */
export function totalsOf(rows: { key: string; n: number | bigint }[], prefix = ""): Totals {
  const totals: Totals = {};
  for (const { key, n } of rows) {
    if (!key.startsWith(prefix)) continue;
    const k = key.slice(prefix.length);
    totals[k] = (totals[k] ?? 0) + Number(n);
  }
  return totals;
}

type Button = { type: string; text?: string };
type ButtonRow = {
  label: string;
  kind: string;
  count: number;
  /** A carousel card's button: the card's number as people read it (from 1). */
  cardNumber?: number;
  /**
   * A button the template gave no text: its number (from 1). `label` is then "Button n" or "Link n" in English,
   * as the public API answers it; the report page names it in the reader's language.
   */
  unnamed?: number;
};

/** The row's label and, for a button without text, its number. */
const named = (b: Button, index: number, fallback: string) =>
  b.text ? { label: b.text } : { label: `${fallback} ${index + 1}`, unnamed: index + 1 };

/**
 * Taps per quick-reply button and opens per tracked URL button, in the template's order, then each carousel
 * card's tracked URL buttons ("link:card:<card>:<button>" keys), then any other payloads.
 */
export function buttonBreakdown(
  buttons: Button[],
  taps: Record<string, number>,
  links: Record<string, number>,
  cards: Button[][] = [],
): ButtonRow[] {
  const left = { ...taps };
  const rows: ButtonRow[] = buttons.flatMap((b, index) => {
    const type = b.type.toUpperCase();
    if (type === "QUICK_REPLY") {
      const count = left[b.text ?? ""] ?? 0;
      delete left[b.text ?? ""];
      return [{ ...named(b, index, "Button"), kind: "Quick reply", count }];
    }
    if (type === "URL")
      return [{ ...named(b, index, "Link"), kind: "Link (tracked opens)", count: links[String(index)] ?? 0 }];
    return [];
  });
  cards.forEach((card, c) =>
    card.forEach((b, index) => {
      if (b.type.toUpperCase() !== "URL") return;
      rows.push({
        ...named(b, index, "Link"),
        kind: "Link (tracked opens)",
        count: links[`card:${c}:${index}`] ?? 0,
        cardNumber: c + 1,
      });
    }),
  );
  for (const [payload, count] of Object.entries(left))
    rows.push({ label: payload, kind: "Quick reply (payload)", count });
  return rows;
}

/**
 * What a marketer can do about failures of each kind (the explanation says what happened). Reasons and advice
 * are message keys (lib/i18n/message-key.ts), translated where they are shown; the public API gives English.
 */
const adviceFor = (code: number): string =>
  code === 131049
    ? messageKey("cloudApi.advice.limitedByMeta")
    : messageKey(`cloudApi.advice.${classifyError(code).action}`);

/** Failures by Meta's code ("error:<code>" keys), most frequent first, with what happened and what to do. */
export function failuresOf(totals: Totals) {
  return Object.entries(totals)
    .filter(([key, n]) => key.startsWith("error:") && n > 0)
    .map(([key, count]) => {
      if (key === "error:unconfirmed")
        return {
          code: null,
          reason: messageKey("cloudApi.unconfirmedSummary"),
          advice: messageKey("cloudApi.advice.unconfirmed"),
          count,
        };
      const code = key === "error:none" ? null : Number(key.slice("error:".length));
      return {
        code,
        reason: code === null ? messageKey("cloudApi.noCode") : classifyError(code).explanation,
        advice: code === null ? messageKey("cloudApi.advice.retry") : adviceFor(code),
        count,
      };
    })
    .sort((a, b) => b.count - a.count);
}
