import { AlertTriangle, Ban, CheckCircle2 } from "lucide-react";
import { Card } from "@/components/ui/card";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import type { Preflight } from "@/lib/campaigns/plan";
import { formatDuration, formatNumber } from "@/lib/format";
import { SkipTable } from "./skip-table";
import { formatMoney } from "@/lib/format";

const money = formatMoney;

/** The pre-flight report: who gets it, who is skipped and why, what it costs, and what blocks the launch. */
export function PreflightReport({ report, kept }: { report: Preflight; kept: boolean }) {
  const skipped = report.targeted - report.willSend;
  return (
    <section aria-labelledby="preflight-title" className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="preflight-title" className="text-lg font-semibold">
          Pre-flight report
        </h2>
        <p className="text-xs text-muted">
          {kept ? "As checked at launch" : "Checked just now"} · {new Date(report.computedAt).toUTCString()}
        </p>
      </div>

      {report.blockers.length > 0 ? (
        <Card className="border-red-200 bg-red-50 p-4" role="alert">
          <p className="flex items-center gap-2 font-medium text-red-800">
            <Ban className="size-4" aria-hidden /> Launch is blocked
          </p>
          <ul className="mt-2 list-disc space-y-1 pl-6 text-sm text-red-800">
            {report.blockers.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
        </Card>
      ) : (
        <p className="flex items-center gap-2 text-sm font-medium text-brand-800">
          <CheckCircle2 className="size-4" aria-hidden /> Ready to launch: the template is approved and every variable
          has a value.
        </p>
      )}
      {report.warnings.length > 0 && (
        <Card className="border-amber-200 bg-amber-50 p-4">
          <ul className="space-y-1 text-sm text-amber-900">
            {report.warnings.map((w) => (
              <li key={w} className="flex gap-2">
                <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden /> {w}
              </li>
            ))}
          </ul>
        </Card>
      )}

      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {[
          ["Targeted", formatNumber(report.targeted)],
          ["Will be sent", formatNumber(report.willSend)],
          ["Skipped", formatNumber(skipped)],
          ["Estimated cost", money(report.cost.total, report.cost.currency)],
        ].map(([label, value]) => (
          <Card key={label} className="p-4">
            <dt className="text-sm text-muted">{label}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums">{value}</dd>
          </Card>
        ))}
      </dl>

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <SkipTable caption="Skipped, by reason" rows={report.skipped} empty="Nobody is skipped." />
        <Card>
          <Table caption={`Estimated cost by market (${report.cost.category.toLowerCase()} rate)`}>
            <thead>
              <tr>
                <Th>Market</Th>
                <Th className="text-right">Recipients</Th>
                <Th className="text-right">Each</Th>
                <Th className="text-right">Cost</Th>
              </tr>
            </thead>
            <tbody>
              {report.cost.lines.map((l) => (
                <tr key={l.market}>
                  <Td>{l.market}</Td>
                  <Td className="text-right tabular-nums">{formatNumber(l.recipients)}</Td>
                  <Td className="text-right tabular-nums">{money(l.unitPrice, report.cost.currency)}</Td>
                  <Td className="text-right tabular-nums">{money(l.cost, report.cost.currency)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
        <Card>
          <Table caption="Language versions">
            <thead>
              <tr>
                <Th>Version of “{report.template.name}”</Th>
                <Th>Status</Th>
                <Th className="text-right">Recipients</Th>
              </tr>
            </thead>
            <tbody>
              {report.template.versions.map((v) => (
                <tr key={v.language}>
                  <Td>{v.language}</Td>
                  <Td>{v.status.toLowerCase()}</Td>
                  <Td className="text-right tabular-nums">
                    {formatNumber(report.languages.find((l) => l.language === v.language)?.count ?? 0)}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
        <Card>
          <Table caption="Variables">
            <thead>
              <tr>
                <Th>Variable</Th>
                <Th>Filled</Th>
              </tr>
            </thead>
            <tbody>
              {report.variables.length === 0 ? (
                <EmptyRow columns={2}>This template has no variables.</EmptyRow>
              ) : (
                report.variables.map((v) => (
                  <tr key={v.slot}>
                    <Td>{v.label}</Td>
                    <Td>
                      {!v.mapped
                        ? v.optional
                          ? "The button's text"
                          : "Not mapped"
                        : v.emptyFor
                          ? `Empty for ${formatNumber(v.emptyFor)} (no fallback)`
                          : "For everyone"}
                    </Td>
                  </tr>
                ))
              )}
            </tbody>
          </Table>
        </Card>
      </div>
      <p className="text-xs text-muted">
        {report.tier
          ? `Messaging limit ${report.tier.name}: ${formatNumber(report.tier.limit)} people a day, ${formatNumber(report.tier.reached)} reached in the last 24 hours. `
          : ""}
        {report.sendRate
          ? `Sends at ${report.sendRate} messages per second (about ${formatDuration(report.willSend / report.sendRate)}). `
          : ""}
        Costs are estimates from the price table in lib/campaigns/prices.json; Meta bills what its status webhooks
        report.
      </p>
    </section>
  );
}
