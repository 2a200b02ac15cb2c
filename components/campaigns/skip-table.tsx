import Link from "next/link";
import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { useFormat } from "@/lib/i18n/format";

/**
 * Contacts skipped, by reason: the pre-flight estimate and the campaign's actual rows read the same.
 * A known reason is put in words here; `label` is shown only for a reason these messages do not know.
 */
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
  const t = useTranslations("campaigns");
  const format = useFormat();
  const words = (s: { reason: string; label: string }) => {
    const key = `skipReason.${s.reason}` as "skipReason.opted_out";
    return t.has(key) ? t(key) : s.label;
  };
  return (
    <Card>
      <Table caption={caption}>
        <thead>
          <tr>
            <Th>{t("skips.because")}</Th>
            <Th className="text-right">{t("skips.contacts")}</Th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <EmptyRow columns={2}>{empty}</EmptyRow>
          ) : (
            rows.map((s) => (
              <tr key={s.reason}>
                <Td>{words(s)}</Td>
                <Td className="text-right tabular-nums">
                  {href ? (
                    <Link href={href(s.reason)} className="text-brand-700 underline">
                      {format.number(s.count)}
                      <span className="sr-only"> {t("skips.srLink", { reason: words(s) })}</span>
                    </Link>
                  ) : (
                    format.number(s.count)
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
