import Link from "next/link";
import { Card } from "@/components/ui/card";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { formatNumber } from "@/lib/format";

/** Contacts skipped, by reason: the pre-flight estimate and the campaign's actual rows read the same. */
export function SkipTable({
  caption,
  rows,
  empty,
  href,
}: {
  caption: string;
  rows: { reason: string; label: string; count: number }[];
  empty: string;
  href?: (reason: string) => string;
}) {
  return (
    <Card>
      <Table caption={caption}>
        <thead>
          <tr>
            <Th>Skipped because</Th>
            <Th className="text-right">Contacts</Th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <EmptyRow columns={2}>{empty}</EmptyRow>
          ) : (
            rows.map((s) => (
              <tr key={s.reason}>
                <Td>{s.label}</Td>
                <Td className="text-right tabular-nums">
                  {href ? (
                    <Link href={href(s.reason)} className="text-brand-700 underline">
                      {formatNumber(s.count)}
                      <span className="sr-only"> contacts skipped: {s.label}</span>
                    </Link>
                  ) : (
                    formatNumber(s.count)
                  )}
                </Td>
              </tr>
            ))
          )}
        </tbody>
      </Table>
    </Card>
  );
}
