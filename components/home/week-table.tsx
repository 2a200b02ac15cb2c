import { useTranslations } from "next-intl";
import { Table, Td, Th } from "@/components/ui/table";
import { useFormat } from "@/lib/i18n/format";
import type { Week } from "@/lib/home/service";

export function WeekTable({ week }: { week: Week }) {
  const t = useTranslations("home.week");
  const format = useFormat();
  /** "+12%", "−5%", "no change"; "new" when last week had none to compare with. */
  const change = (value: number | null, thisWeek: number) => {
    if (value === null) return thisWeek > 0 ? t("new") : "—";
    const percent = Math.round(value * 100);
    if (percent === 0) return t("noChange");
    return `${percent > 0 ? "+" : "−"}${format.percent(Math.abs(percent) / 100, 0)}`;
  };
  const period = (p: { from: string; to: string }) => `${format.day(p.from)} – ${format.day(p.to)}`;
  return (
    <section aria-labelledby="home-week">
      <h2 id="home-week" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="mt-1 mb-3 text-sm text-muted">
        {t("description", {
          thisWeek: period(week.thisWeek),
          lastWeek: period(week.lastWeek),
          timeZone: week.timeZone,
        })}
      </p>
      <Table caption={t("title")}>
        <thead>
          <tr>
            <Th>{t("messages")}</Th>
            <Th className="text-right">{t("thisWeek")}</Th>
            <Th className="text-right">{t("lastWeek")}</Th>
            <Th className="text-right">{t("change")}</Th>
          </tr>
        </thead>
        <tbody>
          {week.rows.map((row) => (
            <tr key={row.measure}>
              <Th scope="row" className="border-b bg-white font-normal text-gray-900">
                {t(`measure.${row.measure}`)}
              </Th>
              <Td className="text-right tabular-nums">{format.number(row.thisWeek)}</Td>
              <Td className="text-right tabular-nums">{format.number(row.lastWeek)}</Td>
              <Td className="text-right tabular-nums">{change(row.change, row.thisWeek)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </section>
  );
}
