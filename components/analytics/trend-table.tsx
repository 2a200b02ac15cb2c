import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import type { TrendPoint } from "@/lib/analytics/dashboard";
import { formatNumber } from "@/lib/format";
import { formatDay, MEASURES } from "./series";

const COLUMNS = ["sent", "delivered", "read", "replied", "clicked", "failed", "opted_out"] as const;

export function DayTrendTable({ points }: { points: TrendPoint[] }) {
  return (
    <Table caption="Per day">
      <thead>
        <tr>
          <Th>Day</Th>
          {COLUMNS.map((c) => (
            <Th key={c} className="text-right">
              {MEASURES[c].label}
            </Th>
          ))}
        </tr>
      </thead>
      <tbody>
        {points.length === 0 ? (
          <EmptyRow columns={COLUMNS.length + 1}>No days in the period.</EmptyRow>
        ) : (
          points.map((p) => (
            <tr key={p.day}>
              <Td>{formatDay(p.day)}</Td>
              {COLUMNS.map((c) => (
                <Td key={c} className="text-right tabular-nums">
                  {formatNumber(p[c])}
                </Td>
              ))}
            </tr>
          ))
        )}
      </tbody>
    </Table>
  );
}
