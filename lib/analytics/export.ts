// CSV exports of every chart and table of the reports (lib/csv defuses formulas).
import "server-only";
import { z } from "zod";
import { csvLine } from "@/lib/csv";
import { englishTranslator } from "@/lib/i18n/translator";
import { dashboard, rangeSchema } from "./dashboard";
import { TREND_KEYS, type Funnel, type Rates } from "@/lib/campaigns/funnel";
import { billComparison } from "@/lib/pricing/compare";
import { campaignReport, SERIES_KEYS } from "./report";

export const exportSchema = z.union([
  z.object({ report: z.literal("campaign"), campaign: z.string().min(1, "Name the campaign.").max(60) }),
  rangeSchema.and(
    z.object({
      report: z.enum(
        ["trend", "campaigns", "templates", "numbers", "cost"],
        "Pick a report: campaign, trend, campaigns, templates, numbers or cost.",
      ),
    }),
  ),
]);
export type ExportRequest = z.output<typeof exportSchema>;

const rate = (value: number | null) => (value === null ? "" : value.toFixed(4));
const RATE_COLUMNS = ["delivery_rate", "read_rate", "reply_rate", "click_rate", "opt_out_rate"];
const funnel = (f: Funnel) => TREND_KEYS.map((k) => (k === "opted_out" ? f.optedOut : f[k])); // the columns' order
const rates = (r: Rates) => [r.delivery, r.read, r.reply, r.click, r.optOut].map(rate);

export async function exportCsv(
  workspaceId: string,
  request: ExportRequest,
): Promise<{ filename: string; body: string }> {
  if (request.report === "campaign") {
    const report = await campaignReport(workspaceId, request.campaign);
    return {
      filename: `campaign-${request.campaign}-over-time.csv`,
      body:
        csvLine([report.series.unit, ...SERIES_KEYS]) +
        report.series.points.map((p) => csvLine([p.at, ...SERIES_KEYS.map((k) => p[k])])).join(""),
    };
  }
  const filename = `${request.report}-${request.from}-to-${request.to}.csv`;
  if (request.report === "cost") {
    // Parley's estimate beside Meta's bill per UTC day, market and category (docs/pricing.md).
    const bill = await billComparison(workspaceId, request);
    return {
      filename,
      body:
        csvLine([
          "day_utc",
          "market",
          "category",
          "messages",
          "free",
          "estimate",
          "meta_messages",
          "meta_cost",
          "differs",
        ]) +
        bill.rows
          .map((r) =>
            csvLine([
              r.day,
              r.market,
              r.category,
              r.parley.volume,
              r.parley.free,
              r.parley.cost.toFixed(6),
              r.meta?.volume ?? "",
              r.meta?.cost.toFixed(6) ?? "",
              r.differs,
            ]),
          )
          .join(""),
    };
  }
  const d = await dashboard(workspaceId, request);
  switch (request.report) {
    case "trend":
      return {
        filename,
        body:
          csvLine(["day", ...TREND_KEYS]) +
          d.trend.map((p) => csvLine([p.day, ...TREND_KEYS.map((k) => p[k])])).join(""),
      };
    case "campaigns":
      return {
        filename,
        body:
          csvLine(["campaign", "template", "launched", ...TREND_KEYS, ...RATE_COLUMNS, `cost_${d.currency}`]) +
          d.campaigns
            .map((c) =>
              csvLine([c.name, c.template, c.launchedAt, ...funnel(c.funnel), ...rates(c.rates), c.cost.toFixed(4)]),
            )
            .join(""),
      };
    case "templates":
      return {
        filename,
        body:
          csvLine(["template", ...TREND_KEYS, ...RATE_COLUMNS, `cost_${d.currency}`]) +
          d.templates.map((t) => csvLine([t.name, ...funnel(t.funnel), ...rates(t.rates), t.cost.toFixed(4)])).join(""),
      };
    case "numbers":
      return {
        filename,
        body:
          csvLine(["number", "quality", "tier", "messages_per_second", ...TREND_KEYS, ...RATE_COLUMNS, "top_error"]) +
          d.numbers
            .map((n) =>
              csvLine([
                n.number,
                n.quality,
                n.tier,
                n.throughput,
                ...funnel(n.funnel),
                ...rates(n.rates),
                // The reason is a message key (lib/campaigns/funnel.ts): the CSV, like its columns, is English.
                n.errors[0] ? `${n.errors[0].code ?? ""} ${englishTranslator.message(n.errors[0].reason)}` : "",
              ]),
            )
            .join(""),
      };
  }
}
