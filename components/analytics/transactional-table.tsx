import Link from "next/link";
import { Card } from "@/components/ui/card";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { ratesOf } from "@/lib/campaigns/funnel";
import type { TransactionalRow } from "@/lib/analytics/transactional";
import { formatNumber, formatPercent } from "@/lib/format";

const PURPOSE: Record<TransactionalRow["category"], string> = {
  MARKETING: "Marketing",
  UTILITY: "Utility",
  AUTHENTICATION: "Authentication",
};

/** Messages sent one at a time through the public API, per template and purpose: apart from campaigns. */
export function TransactionalTable({ rows, period }: { rows: TransactionalRow[]; period: string }) {
  return (
    <Card>
      <div className="px-4 pt-4">
        <h3 className="font-semibold">Transactional messages (API)</h3>
        <p className="mt-0.5 text-sm text-muted">
          Order updates, reminders and other messages your systems sent through the API, {period}. They are not counted
          in the campaign figures. Each message counts at the furthest it got: a read message was also delivered.
        </p>
      </div>
      <div className="mt-3">
        <Table caption={`Transactional messages sent through the API per template, ${period}`}>
          <thead>
            <tr>
              <Th>Template</Th>
              <Th>Purpose</Th>
              <Th className="text-right">Messages</Th>
              <Th className="text-right">Delivered</Th>
              <Th className="text-right">Delivery rate</Th>
              <Th className="text-right">Read</Th>
              <Th className="text-right">Read rate</Th>
              <Th className="text-right">Replied</Th>
              <Th className="text-right">Clicked</Th>
              <Th className="text-right">Failed</Th>
              <Th className="text-right">Refused</Th>
              <Th className="text-right">Not sent yet</Th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <EmptyRow columns={12}>
                No messages were sent through the API in this period. To send order updates and reminders from your own
                systems, create a key in{" "}
                <Link href="/settings/api" className="font-medium text-brand-700 underline">
                  Settings → API
                </Link>
                .
              </EmptyRow>
            ) : (
              rows.map((row) => {
                const rates = ratesOf({ ...row, optedOut: 0 });
                return (
                  <tr key={`${row.templateId}:${row.category}`}>
                    <Td>
                      <span className="font-medium">{row.template}</span>
                      <p className="text-xs text-muted">{row.language}</p>
                    </Td>
                    <Td>{PURPOSE[row.category]}</Td>
                    <Td className="text-right tabular-nums">{formatNumber(row.total)}</Td>
                    <Td className="text-right tabular-nums">{formatNumber(row.delivered)}</Td>
                    <Td className="text-right tabular-nums">{formatPercent(rates.delivery)}</Td>
                    <Td className="text-right tabular-nums">{formatNumber(row.read)}</Td>
                    <Td className="text-right tabular-nums">{formatPercent(rates.read)}</Td>
                    <Td className="text-right tabular-nums">{formatNumber(row.replied)}</Td>
                    <Td className="text-right tabular-nums">{formatNumber(row.clicked)}</Td>
                    <Td className="text-right tabular-nums">{formatNumber(row.failed)}</Td>
                    <Td className="text-right tabular-nums">{formatNumber(row.skipped)}</Td>
                    <Td className="text-right tabular-nums">{formatNumber(row.pending)}</Td>
                  </tr>
                );
              })
            )}
          </tbody>
        </Table>
      </div>
    </Card>
  );
}
