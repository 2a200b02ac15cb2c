import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import type { Dashboard } from "@/lib/analytics/dashboard";
import { useNumberWords } from "@/components/whatsapp/use-number-words";
import { DELETED_TEMPLATE } from "@/lib/analytics/names";
import { useFormat } from "@/lib/i18n/format";
import { translateMessage } from "@/lib/i18n/message-key";

/** The sender numbers: Meta's quality rating and tier, and how their messages did in the period. */
export function SenderNumbers({ numbers, exportHref }: { numbers: Dashboard["numbers"]; exportHref: string }) {
  const t = useTranslations("analytics.numbers");
  // A failure's reason is a message key (lib/i18n/message-key.ts).
  const message = useTranslations();
  const format = useFormat();
  const words = useNumberWords();
  return (
    <Card>
      <div className="flex items-center justify-between px-4 pt-4">
        <h3 className="font-semibold">{t("title")}</h3>
        <a href={exportHref} download className="text-sm font-medium text-brand-700 underline">
          {t.rich("export", { hidden: (chunks) => <span className="sr-only">{chunks}</span> })}
        </a>
      </div>
      <Table caption={t("caption")}>
        <thead>
          <tr>
            <Th>{t("number")}</Th>
            <Th>{t("quality")}</Th>
            <Th>{t("tier")}</Th>
            <Th className="text-right">{t("sent")}</Th>
            <Th className="text-right">{t("deliveryRate")}</Th>
            <Th className="text-right">{t("failed")}</Th>
            <Th className="text-right">{t("optOutRate")}</Th>
            <Th>{t("topFailure")}</Th>
          </tr>
        </thead>
        <tbody>
          {numbers.length === 0 ? (
            <EmptyRow columns={8}>{t("empty")}</EmptyRow>
          ) : (
            numbers.map((n) => (
              <tr key={n.number}>
                <Td className="font-medium">{n.number}</Td>
                <Td>{words.quality(n.quality)}</Td>
                <Td>{words.tier(n.tier)}</Td>
                <Td className="text-right tabular-nums">{format.number(n.funnel.sent + n.funnel.failed)}</Td>
                <Td className="text-right tabular-nums">{format.percent(n.rates.delivery)}</Td>
                <Td className="text-right tabular-nums">{format.number(n.funnel.failed)}</Td>
                <Td className="text-right tabular-nums">{format.percent(n.rates.optOut)}</Td>
                <Td className="max-w-sm text-sm">
                  {n.errors[0]
                    ? t("failure", {
                        code: String(n.errors[0].code ?? ""),
                        reason: translateMessage(message, n.errors[0].reason),
                        count: format.number(n.errors[0].count),
                      })
                    : t("noFailure")}
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
  const t = useTranslations("analytics");
  const format = useFormat();
  return (
    <Card className="p-5">
      <h3 className="font-semibold">{title}</h3>
      <p className="text-sm text-muted">{t("ranking.order")}</p>
      {rows.length === 0 ? (
        <p className="mt-3 text-sm text-muted">{empty}</p>
      ) : (
        <ol className="mt-3 space-y-2">
          {rows.map((row) => (
            <li key={row.name} className="flex justify-between gap-2 text-sm">
              <span className="font-medium">{row.name === DELETED_TEMPLATE ? t("deletedTemplate") : row.name}</span>
              <span className="tabular-nums text-muted">
                {t("ranking.rates", {
                  read: format.percent(row.rates.read),
                  reply: format.percent(row.rates.reply),
                  click: format.percent(row.rates.click),
                  delivered: format.number(row.funnel.delivered),
                })}
              </span>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
