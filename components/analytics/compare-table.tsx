import Link from "next/link";
import { useTranslations } from "next-intl";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import type { Funnel, Rates } from "@/lib/campaigns/funnel";
import { DELETED_TEMPLATE } from "@/lib/analytics/names";
import { useFormat } from "@/lib/i18n/format";
import { RATE_KEYS } from "./series";

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
  const t = useTranslations("analytics");
  const format = useFormat();
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>{t("compare.name")}</Th>
          <Th className="text-right">{t("measures.sent")}</Th>
          {RATE_KEYS.map((r) => (
            <Th key={r} className="text-right">
              {t(`rates.${r}`)}
            </Th>
          ))}
          <Th className="text-right">{t("compare.cost", { currency })}</Th>
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
                  <span className="font-medium">{row.name === DELETED_TEMPLATE ? t("deletedTemplate") : row.name}</span>
                )}
                {row.detail && <p className="text-xs text-muted">{row.detail}</p>}
              </Td>
              <Td className="text-right tabular-nums">{format.number(row.funnel.sent + row.funnel.failed)}</Td>
              {RATE_KEYS.map((r) => (
                <Td key={r} className="text-right tabular-nums">
                  {format.percent(row.rates[r])}
                </Td>
              ))}
              <Td className="text-right tabular-nums">{format.money(row.cost, currency)}</Td>
            </tr>
          ))
        )}
      </tbody>
    </Table>
  );
}
