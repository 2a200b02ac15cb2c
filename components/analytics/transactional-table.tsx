import Link from "next/link";
import { useTranslations } from "next-intl";
import { LanguageName } from "@/components/templates/language-name";
import { Card } from "@/components/ui/card";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { ratesOf } from "@/lib/campaigns/funnel";
import type { TransactionalRow } from "@/lib/analytics/transactional";
import { DELETED_TEMPLATE } from "@/lib/analytics/names";
import { useFormat } from "@/lib/i18n/format";

/** Messages sent one at a time through the public API, per template and purpose: apart from campaigns. */
export function TransactionalTable({ rows, period }: { rows: TransactionalRow[]; period: string }) {
  const t = useTranslations("analytics.transactional");
  const analytics = useTranslations("analytics");
  const format = useFormat();
  return (
    <Card>
      <div className="px-4 pt-4">
        <h3 className="font-semibold">{t("title")}</h3>
        <p className="mt-0.5 text-sm text-muted">{t("description", { period })}</p>
      </div>
      <div className="mt-3">
        <Table caption={t("caption", { period })}>
          <thead>
            <tr>
              <Th>{t("template")}</Th>
              <Th>{t("purpose")}</Th>
              <Th className="text-right">{t("messages")}</Th>
              <Th className="text-right">{t("delivered")}</Th>
              <Th className="text-right">{t("deliveryRate")}</Th>
              <Th className="text-right">{t("read")}</Th>
              <Th className="text-right">{t("readRate")}</Th>
              <Th className="text-right">{t("replied")}</Th>
              <Th className="text-right">{t("clicked")}</Th>
              <Th className="text-right">{t("failed")}</Th>
              <Th className="text-right">{t("refused")}</Th>
              <Th className="text-right">{t("pending")}</Th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <EmptyRow columns={12}>
                {t.rich("empty", {
                  link: (chunks) => (
                    <Link href="/settings/api" className="font-medium text-brand-700 underline">
                      {chunks}
                    </Link>
                  ),
                })}
              </EmptyRow>
            ) : (
              rows.map((row) => {
                const rates = ratesOf({ ...row, optedOut: 0 });
                return (
                  <tr key={`${row.templateId}:${row.category}`}>
                    <Td>
                      <span className="font-medium">
                        {row.template === DELETED_TEMPLATE ? analytics("deletedTemplate") : row.template}
                      </span>
                      <p className="text-xs text-muted">
                        <LanguageName code={row.language} />
                      </p>
                    </Td>
                    <Td>{t(`category.${row.category}`)}</Td>
                    <Td className="text-right tabular-nums">{format.number(row.total)}</Td>
                    <Td className="text-right tabular-nums">{format.number(row.delivered)}</Td>
                    <Td className="text-right tabular-nums">{format.percent(rates.delivery)}</Td>
                    <Td className="text-right tabular-nums">{format.number(row.read)}</Td>
                    <Td className="text-right tabular-nums">{format.percent(rates.read)}</Td>
                    <Td className="text-right tabular-nums">{format.number(row.replied)}</Td>
                    <Td className="text-right tabular-nums">{format.number(row.clicked)}</Td>
                    <Td className="text-right tabular-nums">{format.number(row.failed)}</Td>
                    <Td className="text-right tabular-nums">{format.number(row.skipped)}</Td>
                    <Td className="text-right tabular-nums">{format.number(row.pending)}</Td>
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
