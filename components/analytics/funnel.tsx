import Link from "next/link";
import { useTranslations } from "next-intl";
import { ratio, type Funnel } from "@/lib/campaigns/funnel";
import { useFormat } from "@/lib/i18n/format";

/** The funnel as bars: each stage's count, its share of the stage before, and a link to its contacts. */
export function FunnelBars({ funnel, drillHref }: { funnel: Funnel; drillHref: (stage: string) => string }) {
  const t = useTranslations("analytics.funnel");
  const format = useFormat();
  const attempted = funnel.sent + funnel.failed;
  const share = (count: number, of: number) => format.percent(ratio(count, of));
  // Each note names its denominator and its size ("of 1,204 attempted"), the same ones ratesOf uses.
  const of = (
    key: "ofTargeted" | "ofAttempted" | "ofDelivered" | "repliedNote" | "failedNote" | "optedOutNote",
    count: number,
    whole: number,
  ) => t(key, { share: share(count, whole), count: format.number(whole) });
  const stages = [
    { stage: null, label: t("targeted"), count: funnel.targeted, note: "" },
    { stage: "sent", label: t("sent"), count: funnel.sent, note: of("ofTargeted", funnel.sent, funnel.targeted) },
    {
      stage: "delivered",
      label: t("delivered"),
      count: funnel.delivered,
      note: of("ofAttempted", funnel.delivered, attempted),
    },
    { stage: "read", label: t("read"), count: funnel.read, note: of("ofDelivered", funnel.read, funnel.delivered) },
    {
      stage: "replied",
      label: t("replied"),
      count: funnel.replied,
      note: of("repliedNote", funnel.replied, funnel.delivered),
    },
    {
      stage: "clicked",
      label: t("clicked"),
      count: funnel.clicked,
      note: of("ofDelivered", funnel.clicked, funnel.delivered),
    },
  ];
  const others = [
    { stage: "failed", label: t("failed"), count: funnel.failed, note: of("failedNote", funnel.failed, attempted) },
    { stage: "skipped", label: t("skipped"), count: funnel.skipped, note: t("skippedNote") },
    {
      stage: "opted_out",
      label: t("optedOut"),
      count: funnel.optedOut,
      note: of("optedOutNote", funnel.optedOut, funnel.delivered),
    },
  ];
  const max = Math.max(1, funnel.targeted);
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-[2fr_1fr]">
      <ol className="space-y-2" aria-label={t("label")}>
        {stages.map((s) => (
          // On a phone the bar takes a row of its own under the stage and its count.
          <li
            key={s.stage ?? "targeted"}
            className="grid grid-cols-[minmax(5rem,1fr)_minmax(0,auto)] items-center gap-x-3 gap-y-1 text-sm sm:grid-cols-[9rem_1fr_9rem] sm:gap-3"
          >
            <span className="font-medium">
              {s.stage ? (
                <Link href={drillHref(s.stage)} className="text-brand-700 underline">
                  {s.label}
                </Link>
              ) : (
                s.label
              )}
            </span>
            <span
              className="col-span-2 row-start-2 h-6 rounded bg-gray-100 sm:col-span-1 sm:row-start-auto"
              aria-hidden
            >
              <span className="block h-full rounded bg-brand-600" style={{ width: `${(s.count / max) * 100}%` }} />
            </span>
            <span className="tabular-nums" data-testid={`funnel-${s.stage ?? "targeted"}`}>
              <strong>{format.number(s.count)}</strong> <span className="text-muted">{s.note}</span>
            </span>
          </li>
        ))}
      </ol>
      <dl className="grid grid-cols-1 gap-3 sm:grid-cols-3 lg:grid-cols-1">
        {others.map((o) => (
          <div key={o.stage} className="rounded-md border border-line p-3">
            <dt className="text-sm text-muted">
              <Link href={drillHref(o.stage)} className="text-brand-700 underline">
                {o.label}
              </Link>
            </dt>
            <dd className="text-xl font-semibold tabular-nums" data-testid={`funnel-${o.stage}`}>
              {format.number(o.count)}
            </dd>
            <dd className="text-xs text-muted">{o.note}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
