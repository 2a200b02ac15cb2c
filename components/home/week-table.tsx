import { Table, Td, Th } from "@/components/ui/table";
import { formatDay, formatNumber } from "@/lib/format";
import type { Week, WeekMeasure } from "@/lib/home/service";

const LABELS: Record<WeekMeasure, string> = {
  sent: "Sent",
  delivered: "Delivered",
  read: "Read",
  replied: "Replied",
  clicked: "Link clicks",
};

/** "+12%", "−5%", "no change"; "new" when last week had none to compare with. */
function change(value: number | null, thisWeek: number): string {
  if (value === null) return thisWeek > 0 ? "New this week" : "—";
  const percent = Math.round(value * 100);
  if (percent === 0) return "No change";
  return `${percent > 0 ? "+" : "−"}${formatNumber(Math.abs(percent))}%`;
}

const period = (p: { from: string; to: string }) => `${formatDay(p.from)} – ${formatDay(p.to)}`;

export function WeekTable({ week }: { week: Week }) {
  return (
    <section aria-labelledby="home-week">
      <h2 id="home-week" className="text-lg font-semibold">
        This week against last week
      </h2>
      <p className="mt-1 mb-3 text-sm text-muted">
        The last 7 days ({period(week.thisWeek)}) against the 7 before ({period(week.lastWeek)}), in days of{" "}
        {week.timeZone}.
      </p>
      <Table caption="This week against last week">
        <thead>
          <tr>
            <Th>Messages</Th>
            <Th className="text-right">This week</Th>
            <Th className="text-right">Last week</Th>
            <Th className="text-right">Change</Th>
          </tr>
        </thead>
        <tbody>
          {week.rows.map((row) => (
            <tr key={row.measure}>
              <Th scope="row" className="border-b bg-white font-normal text-gray-900">
                {LABELS[row.measure]}
              </Th>
              <Td className="text-right tabular-nums">{formatNumber(row.thisWeek)}</Td>
              <Td className="text-right tabular-nums">{formatNumber(row.lastWeek)}</Td>
              <Td className="text-right tabular-nums">{change(row.change, row.thisWeek)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </section>
  );
}
