import Link from "next/link";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import type { Funnel, Rates } from "@/lib/campaigns/funnel";
import { formatNumber, formatPercent } from "@/lib/format";
import { RATES, type RateKey } from "./series";

type Row = {
  id: string;
  name: string;
  href?: string;
  detail?: string | null;
  funnel: Funnel;
  rates: Rates;
  cost: number;
};

/** Campaigns or templates side by side: volume, the five rates, and cost. */
export function CompareTable({
  caption,
  rows,
  currency,
  empty,
}: {
  caption: string;
  rows: Row[];
  currency: string;
  empty: string;
}) {
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>Name</Th>
          <Th className="text-right">Sent</Th>
          {(Object.keys(RATES) as RateKey[]).map((r) => (
            <Th key={r} className="text-right">
              {RATES[r].label}
            </Th>
          ))}
          <Th className="text-right">Cost ({currency})</Th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <EmptyRow columns={8}>{empty}</EmptyRow>
        ) : (
          rows.map((row) => (
            <tr key={row.id}>
              <Td>
                {row.href ? (
                  <Link href={row.href} className="font-medium text-brand-700 hover:underline">
                    {row.name}
                  </Link>
                ) : (
                  <span className="font-medium">{row.name}</span>
                )}
                {row.detail && <p className="text-xs text-muted">{row.detail}</p>}
              </Td>
              <Td className="text-right tabular-nums">{formatNumber(row.funnel.sent + row.funnel.failed)}</Td>
              {(Object.keys(RATES) as RateKey[]).map((r) => (
                <Td key={r} className="text-right tabular-nums">
                  {formatPercent(row.rates[r])}
                </Td>
              ))}
              <Td className="text-right tabular-nums">{row.cost.toFixed(2)}</Td>
            </tr>
          ))
        )}
      </tbody>
    </Table>
  );
}
