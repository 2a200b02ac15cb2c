import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import type { TrendPoint } from "@/lib/analytics/dashboard";
import { TREND_KEYS } from "@/lib/campaigns/funnel";
import { formatDay, formatNumber } from "@/lib/format";
import { MEASURES } from "./series";

export function DayTrendTable({ points }: { points: TrendPoint[] }) {
  return (
    <Table caption="Per day">
      <thead>
        <tr>
          <Th>Day</Th>
          {TREND_KEYS.map((c) => (
            <Th key={c} className="text-right">
              {MEASURES[c].label}
            </Th>
          ))}
        </tr>
      </thead>
      <tbody>
        {points.length === 0 ? (
          <EmptyRow columns={TREND_KEYS.length + 1}>No days in the period.</EmptyRow>
        ) : (
          points.map((p) => (
            <tr key={p.day}>
              <Td>{formatDay(p.day)}</Td>
              {TREND_KEYS.map((c) => (
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
