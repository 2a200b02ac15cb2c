// CSV exports of every chart and table of the reports (lib/csv defuses formulas).
import "server-only";
import { z } from "zod";
import { csvLine } from "@/lib/csv";
import { dashboard, rangeSchema } from "./dashboard";
import type { Rates } from "./funnel";
import { campaignReport, SERIES_KEYS } from "./report";

export const exportSchema = z.union([
  z.object({ report: z.literal("campaign"), campaign: z.string().min(1, "Name the campaign.").max(60) }),
  rangeSchema.and(z.object({ report: z.enum(["trend", "campaigns", "templates", "numbers"], "Pick a report: campaign, trend, campaigns, templates or numbers.") })),
]);
export type ExportRequest = z.output<typeof exportSchema>;

const rate = (value: number | null) => (value === null ? "" : value.toFixed(4));
const RATE_COLUMNS = ["delivery_rate", "read_rate", "reply_rate", "click_rate", "opt_out_rate"];
const rates = (r: Rates) => [r.delivery, r.read, r.reply, r.click, r.optOut].map(rate);
const FUNNEL_COLUMNS = ["sent", "delivered", "read", "replied", "clicked", "failed", "opted_out"];

export async function exportCsv(workspaceId: string, request: ExportRequest): Promise<{ filename: string; body: string }> {
  if (request.report === "campaign") {
    const report = await campaignReport(workspaceId, request.campaign);
    return {
      filename: `campaign-${request.campaign}-over-time.csv`,
      body: csvLine([report.series.unit, ...SERIES_KEYS]) + report.series.points.map((p) => csvLine([p.at, ...SERIES_KEYS.map((k) => p[k])])).join(""),
    };
  }
  const d = await dashboard(workspaceId, request);
  const filename = `${request.report}-${request.from}-to-${request.to}.csv`;
  const funnel = (f: { sent: number; delivered: number; read: number; replied: number; clicked: number; failed: number; optedOut: number }) => [f.sent, f.delivered, f.read, f.replied, f.clicked, f.failed, f.optedOut];
  switch (request.report) {
    case "trend":
      return { filename, body: csvLine(["day", ...FUNNEL_COLUMNS]) + d.trend.map((p) => csvLine([p.day, p.sent, p.delivered, p.read, p.replied, p.clicked, p.failed, p.opted_out])).join("") };
    case "campaigns":
      return {
        filename,
        body: csvLine(["campaign", "template", "launched", ...FUNNEL_COLUMNS, ...RATE_COLUMNS, `cost_${d.currency}`]) + d.campaigns.map((c) => csvLine([c.name, c.template, c.launchedAt, ...funnel(c.funnel), ...rates(c.rates), c.cost.toFixed(4)])).join(""),
      };
    case "templates":
      return { filename, body: csvLine(["template", ...FUNNEL_COLUMNS, ...RATE_COLUMNS, `cost_${d.currency}`]) + d.templates.map((t) => csvLine([t.name, ...funnel(t.funnel), ...rates(t.rates), t.cost.toFixed(4)])).join("") };
    case "numbers":
      return {
        filename,
        body: csvLine(["number", "quality", "tier", "messages_per_second", ...FUNNEL_COLUMNS, ...RATE_COLUMNS, "top_error"]) + d.numbers.map((n) => csvLine([n.number, n.quality, n.tier, n.throughput, ...funnel(n.funnel), ...rates(n.rates), n.errors[0] ? `${n.errors[0].code ?? ""} ${n.errors[0].reason}` : ""])).join(""),
      };
  }
}
