import Link from "next/link";
import { ratio, type Funnel } from "@/lib/campaigns/funnel";
import { formatNumber, formatPercent } from "@/lib/format";

/** The funnel as bars: each stage's count, its share of the stage before, and a link to its contacts. */
export function FunnelBars({ funnel, drillHref }: { funnel: Funnel; drillHref: (stage: string) => string }) {
  const attempted = funnel.sent + funnel.failed;
  const stages = [
    { stage: null, label: "Targeted", count: funnel.targeted, of: null, note: "everyone the audience matched" },
    {
      stage: "sent",
      label: "Sent",
      count: funnel.sent,
      of: [funnel.targeted - funnel.skipped - funnel.pending, "of those to send"] as const,
    },
    { stage: "delivered", label: "Delivered", count: funnel.delivered, of: [attempted, "of sent"] as const },
    { stage: "read", label: "Read", count: funnel.read, of: [funnel.delivered, "of delivered"] as const },
    { stage: "replied", label: "Replied", count: funnel.replied, of: [funnel.delivered, "of delivered"] as const },
    {
      stage: "clicked",
      label: "Tapped a button or link",
      count: funnel.clicked,
      of: [funnel.delivered, "of delivered"] as const,
    },
  ];
  const others = [
    {
      stage: "failed",
      label: "Failed",
      count: funnel.failed,
      note: `${formatPercent(ratio(funnel.failed, attempted))} of attempts`,
    },
    { stage: "skipped", label: "Skipped", count: funnel.skipped, note: "never sent, see the reasons" },
    {
      stage: "opted_out",
      label: "Opted out",
      count: funnel.optedOut,
      note: `${formatPercent(ratio(funnel.optedOut, funnel.delivered))} of delivered: replied STOP to it (or within 72 hours), or blocked marketing in WhatsApp`,
    },
  ];
  const max = Math.max(1, funnel.targeted);
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-[2fr_1fr]">
      <ol className="space-y-2" aria-label="Funnel">
        {stages.map((s) => (
          // On a phone the bar takes a row of its own under the stage and its count.
          <li
            key={s.label}
            className="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-3 gap-y-1 text-sm sm:grid-cols-[9rem_1fr_9rem] sm:gap-3"
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
              <strong>{formatNumber(s.count)}</strong>{" "}
              <span className="text-muted">{s.of ? `${formatPercent(ratio(s.count, s.of[0]))} ${s.of[1]}` : ""}</span>
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
              {formatNumber(o.count)}
            </dd>
            <dd className="text-xs text-muted">{o.note}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
