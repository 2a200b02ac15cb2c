import { useTranslations } from "next-intl";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import type { TrendPoint } from "@/lib/analytics/dashboard";
import { TREND_KEYS } from "@/lib/campaigns/funnel";
import { useFormat } from "@/lib/i18n/format";

export function DayTrendTable({ points }: { points: TrendPoint[] }) {
  const t = useTranslations("analytics");
  const format = useFormat();
  return (
    <Table caption={t("trendTable.caption")}>
      <thead>
        <tr>
          <Th>{t("trendTable.day")}</Th>
          {TREND_KEYS.map((c) => (
            <Th key={c} className="text-right">
              {t(`measures.${c}`)}
            </Th>
          ))}
        </tr>
      </thead>
      <tbody>
        {points.length === 0 ? (
          <EmptyRow columns={TREND_KEYS.length + 1}>{t("trendTable.empty")}</EmptyRow>
        ) : (
          points.map((p) => (
            <tr key={p.day}>
              <Td>{format.day(p.day)}</Td>
              {TREND_KEYS.map((c) => (
                <Td key={c} className="text-right tabular-nums">
                  {format.number(p[c])}
                </Td>
              ))}
            </tr>
          ))
        )}
      </tbody>
    </Table>
  );
}
