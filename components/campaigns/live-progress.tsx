"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { Card } from "@/components/ui/card";
import { ProgressBar } from "@/components/ui/progress";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import type { Progress } from "@/lib/campaigns/queries";
import { formatDuration, formatNumber } from "@/lib/format";
import { SkipTable } from "./skip-table";
import { fetchJson } from "@/lib/fetch-json";

const LIVE = new Set(["SCHEDULED", "SENDING", "PAUSED"]);

const fetchProgress = (id: string) => fetchJson<Progress>(`/api/v1/campaigns/${id}/progress`, "Could not load the campaign's progress.");

const rate = (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 1000) / 10}%` : "—");

/** Counters that follow the campaign while it sends (polled every two seconds, then a last time). */
export function LiveProgress({ id, initial }: { id: string; initial: Progress }) {
  const router = useRouter();
  const { data = initial, error } = useQuery({
    queryKey: ["campaign-progress", id],
    queryFn: () => fetchProgress(id),
    initialData: initial,
    refetchInterval: (query) => (LIVE.has(query.state.data?.status ?? "") || (query.state.data?.counts.sent ?? 0) > 0 ? 2000 : false),
  });
  // The status changed under us (finished, paused by Meta): the page's controls follow.
  const status = useRef(initial.status);
  useEffect(() => {
    if (data.status !== status.current) {
      status.current = data.status;
      router.refresh();
    }
  }, [data.status, router]);

  const c = data.counts;
  const sendable = c.total - c.skipped;
  const settled = c.sent + c.delivered + c.read + c.replied + c.failed;
  const reached = c.sent + c.delivered + c.read + c.replied;
  const delivered = c.delivered + c.read + c.replied;
  const read = c.read + c.replied;
  const tiles: [string, number, string][] = [
    ["Sent", reached, `${rate(reached, sendable)} of ${formatNumber(sendable)}`],
    ["Delivered", delivered, `${rate(delivered, reached)} of sent`],
    ["Read", read, `${rate(read, delivered)} of delivered`],
    ["Replied", c.replied, `${rate(c.replied, delivered)} of delivered`],
    ["Failed", c.failed, `${rate(c.failed, settled)} of attempts`],
    ["Skipped", c.skipped, "not sent, see why below"],
  ];
  return (
    <section aria-labelledby="progress-title" className="space-y-4">
      <h2 id="progress-title" className="text-lg font-semibold">
        Delivery
      </h2>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error.message} Retrying…
        </p>
      )}
      {data.status === "PAUSED" && data.statusReason && (
        <Card className="border-amber-200 bg-amber-50 p-4 text-sm text-amber-900" role="alert">
          {data.statusReason}
        </Card>
      )}
      <Card className="p-5">
        <ProgressBar label="Sent" value={sendable ? settled / sendable : 0} />
        <p className="mt-2 text-sm text-muted" aria-live="polite">
          {formatNumber(settled)} of {formatNumber(sendable)} handed to WhatsApp
          {data.status === "SENDING" && data.perSecond ? ` · ${data.perSecond} per second` : ""}
          {data.etaSeconds ? ` · about ${formatDuration(data.etaSeconds)} left` : ""}
          {data.nextDueAt ? ` · next messages go at ${new Date(data.nextDueAt).toLocaleString()}` : ""}
        </p>
      </Card>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {tiles.map(([label, value, hint]) => (
          <Card key={label} className="p-4">
            <dt className="text-sm text-muted">{label}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums" data-testid={`count-${label.toLowerCase()}`}>
              {formatNumber(value)}
            </dd>
            <dd className="text-xs text-muted">{hint}</dd>
            <dd className="mt-1 text-xs">
              <Link href={`/campaigns/${id}/recipients?stage=${label.toLowerCase()}`} className="text-brand-700 underline">
                Who<span className="sr-only"> ({label.toLowerCase()})</span>
              </Link>
            </dd>
          </Card>
        ))}
      </dl>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <Table caption="Failures, by Meta's error">
            <thead>
              <tr>
                <Th>Error</Th>
                <Th>What happened</Th>
                <Th className="text-right">Messages</Th>
              </tr>
            </thead>
            <tbody>
              {data.failures.length === 0 ? (
                <EmptyRow columns={3}>No failures.</EmptyRow>
              ) : (
                data.failures.map((f) => (
                  <tr key={f.code ?? "none"}>
                    <Td className="tabular-nums">{f.code ?? "—"}</Td>
                    <Td>{f.reason}</Td>
                    <Td className="text-right tabular-nums">{formatNumber(f.count)}</Td>
                  </tr>
                ))
              )}
            </tbody>
          </Table>
        </Card>
        <SkipTable caption="Skipped, by reason" rows={data.skips} empty="Nobody skipped." />
      </div>
    </section>
  );
}
