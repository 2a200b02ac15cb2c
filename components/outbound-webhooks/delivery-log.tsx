"use client";
// The delivery log of one endpoint: each event with its state, attempts and the receiver's latest answer,
// and Replay to send it again.
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { replayDeliveryAction } from "@/app/(dashboard)/settings/webhooks/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import { StatusMessage, type Outcome } from "@/components/ui/status-message";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { useFormat } from "@/lib/i18n/format";
import type { DeliveryRow } from "@/lib/outbound-webhooks/service";

const TONE: Record<DeliveryRow["state"], "green" | "amber" | "red"> = {
  DELIVERED: "green",
  PENDING: "amber",
  FAILED: "red",
};

export function DeliveryLog({ endpointId, deliveries }: { endpointId: string; deliveries: DeliveryRow[] }) {
  const t = useTranslations("settings.deliveries");
  const format = useFormat();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [pending, startTransition] = useTransition();
  const replay = (d: DeliveryRow) =>
    startTransition(async () => {
      const result = await replayDeliveryAction({ endpointId, deliveryId: d.id });
      setOutcome(
        result.ok
          ? { ok: true, text: t("replayed", { type: d.type, eventId: d.eventId }) }
          : { ok: false, text: result.error.message },
      );
    });
  return (
    <>
      <StatusMessage outcome={outcome} boxed className="mb-4" />
      <Table caption={t("caption")}>
        <thead>
          <tr>
            <Th>{t("event")}</Th>
            <Th>{t("created")}</Th>
            <Th>{t("state")}</Th>
            <Th>{t("attempts")}</Th>
            <Th>{t("lastAnswer")}</Th>
            <Th>{t("latency")}</Th>
            <Th>{t("response")}</Th>
            <Th>
              <span className="sr-only">{t("actions")}</span>
            </Th>
          </tr>
        </thead>
        <tbody>
          {deliveries.length === 0 && <EmptyRow columns={8}>{t("empty")}</EmptyRow>}
          {deliveries.map((d) => (
            <tr key={d.id}>
              <Td>
                <code className="font-mono text-xs font-medium">{d.type}</code>
                <span className="block font-mono text-xs text-muted">{d.eventId}</span>
              </Td>
              <Td className="whitespace-nowrap text-muted">
                <LocalTime value={d.createdAt} />
              </Td>
              <Td>
                <Badge tone={TONE[d.state]}>{t(`stateName.${d.state}`)}</Badge>
                {d.state === "PENDING" && d.attempts > 0 && (
                  <span className="block text-xs whitespace-nowrap text-muted">
                    {t.rich("nextTry", { time: () => <LocalTime value={d.nextAttemptAt} /> })}
                  </span>
                )}
              </Td>
              <Td className="tabular-nums">{format.number(d.attempts)}</Td>
              <Td className="whitespace-nowrap">
                {d.lastAttemptAt ? (
                  <>
                    {d.lastStatus !== null ? t("httpStatus", { status: String(d.lastStatus) }) : t("noAnswer")}
                    <span className="block text-xs text-muted">
                      <LocalTime value={d.lastAttemptAt} />
                    </span>
                  </>
                ) : (
                  <span className="text-muted">{t("notTried")}</span>
                )}
              </Td>
              <Td className="tabular-nums whitespace-nowrap">
                {d.lastLatencyMs !== null ? t("latencyMs", { ms: format.number(d.lastLatencyMs) }) : "—"}
              </Td>
              <Td className="max-w-xs">
                {d.lastError && d.lastStatus === null && <p className="text-sm text-red-800">{d.lastError}</p>}
                {d.lastExcerpt && (
                  // A long answer scrolls in its box: focusable, so a keyboard can scroll it too.
                  <pre
                    tabIndex={0}
                    aria-label={t("response")}
                    className="max-h-24 overflow-auto font-mono text-xs break-all whitespace-pre-wrap text-muted focus-visible:ring-2 focus-visible:ring-brand-600"
                  >
                    {d.lastExcerpt}
                  </pre>
                )}
              </Td>
              <Td>
                <Button
                  variant="secondary"
                  size="sm"
                  disabled={pending}
                  aria-label={t("replayLabel", { type: d.type, eventId: d.eventId })}
                  onClick={() => replay(d)}
                >
                  {t("replay")}
                </Button>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
