import { Card } from "@/components/ui/card";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import type { Dashboard } from "@/lib/analytics/dashboard";
import { formatNumber, formatPercent } from "@/lib/format";

/** The sender numbers: Meta's quality rating and tier, and how their messages did in the period. */
export function SenderNumbers({ numbers, exportHref }: { numbers: Dashboard["numbers"]; exportHref: string }) {
  return (
    <Card>
      <div className="flex items-center justify-between px-4 pt-4">
        <h3 className="font-semibold">Sender numbers</h3>
        <a href={exportHref} download className="text-sm font-medium text-brand-700 underline">
          Export CSV<span className="sr-only"> of sender numbers</span>
        </a>
      </div>
      <Table caption="Sender numbers: Meta's quality rating and how their messages did">
        <thead>
          <tr>
            <Th>Number</Th>
            <Th>Quality</Th>
            <Th>Messaging tier</Th>
            <Th className="text-right">Sent</Th>
            <Th className="text-right">Delivery rate</Th>
            <Th className="text-right">Failed</Th>
            <Th className="text-right">Opt-out rate</Th>
            <Th>Most common failure</Th>
          </tr>
        </thead>
        <tbody>
          {numbers.length === 0 ? (
            <EmptyRow columns={8}>No WhatsApp number is connected.</EmptyRow>
          ) : (
            numbers.map((n) => (
              <tr key={n.number}>
                <Td className="font-medium">{n.number}</Td>
                <Td>{n.quality ?? "Not rated yet"}</Td>
                <Td>{n.tier ?? "—"}</Td>
                <Td className="text-right tabular-nums">{formatNumber(n.funnel.sent + n.funnel.failed)}</Td>
                <Td className="text-right tabular-nums">{formatPercent(n.rates.delivery)}</Td>
                <Td className="text-right tabular-nums">{formatNumber(n.funnel.failed)}</Td>
                <Td className="text-right tabular-nums">{formatPercent(n.rates.optOut)}</Td>
                <Td className="max-w-sm text-sm">
                  {n.errors[0]
                    ? `${n.errors[0].code ?? ""} ${n.errors[0].reason} (${formatNumber(n.errors[0].count)})`
                    : "None"}
                </Td>
              </tr>
            ))
          )}
        </tbody>
      </Table>
    </Card>
  );
}

/** Best or worst templates by read rate, then reply rate. */
export function Ranking({
  title,
  rows,
  empty,
}: {
  title: string;
  rows: {
    name: string;
    rates: { read: number | null; reply: number | null; click: number | null };
    funnel: { delivered: number };
  }[];
  empty: string;
}) {
  return (
    <Card className="p-5">
      <h3 className="font-semibold">{title}</h3>
      <p className="text-sm text-muted">By read rate, then reply rate.</p>
      {rows.length === 0 ? (
        <p className="mt-3 text-sm text-muted">{empty}</p>
      ) : (
        <ol className="mt-3 space-y-2">
          {rows.map((t) => (
            <li key={t.name} className="flex justify-between gap-2 text-sm">
              <span className="font-medium">{t.name}</span>
              <span className="tabular-nums text-muted">
                read {formatPercent(t.rates.read)} · replied {formatPercent(t.rates.reply)} · clicked{" "}
                {formatPercent(t.rates.click)} ({formatNumber(t.funnel.delivered)} delivered)
              </span>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
