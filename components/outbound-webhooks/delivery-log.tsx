"use client";
// The delivery log of one endpoint: each event with its state, attempts and the receiver's latest answer,
// and Replay to send it again.
import { useState, useTransition } from "react";
import { replayDeliveryAction } from "@/app/(dashboard)/settings/webhooks/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import { StatusMessage, type Outcome } from "@/components/ui/status-message";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import type { DeliveryRow } from "@/lib/outbound-webhooks/service";

const STATE: Record<DeliveryRow["state"], { tone: "green" | "amber" | "red"; text: string }> = {
  DELIVERED: { tone: "green", text: "Delivered" },
  PENDING: { tone: "amber", text: "Waiting" },
  FAILED: { tone: "red", text: "Failed" },
};

export function DeliveryLog({ endpointId, deliveries }: { endpointId: string; deliveries: DeliveryRow[] }) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [pending, startTransition] = useTransition();
  const replay = (d: DeliveryRow) =>
    startTransition(async () => {
      const result = await replayDeliveryAction({ endpointId, deliveryId: d.id });
      setOutcome(
        result.ok
          ? { ok: true, text: `${d.type} (${d.eventId}) will be sent again in a moment.` }
          : { ok: false, text: result.error.message },
      );
    });
  return (
    <>
      <StatusMessage outcome={outcome} boxed className="mb-4" />
      <Table caption="Deliveries to this endpoint, newest first">
        <thead>
          <tr>
            <Th>Event</Th>
            <Th>Created</Th>
            <Th>State</Th>
            <Th>Attempts</Th>
            <Th>Last answer</Th>
            <Th>Latency</Th>
            <Th>Response</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <tbody>
          {deliveries.length === 0 && (
            <EmptyRow columns={8}>
              Nothing has been sent to this endpoint yet. Use “Send test event” on the Webhooks page to try it.
            </EmptyRow>
          )}
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
                <Badge tone={STATE[d.state].tone}>{STATE[d.state].text}</Badge>
                {d.state === "PENDING" && d.attempts > 0 && (
                  <span className="block text-xs whitespace-nowrap text-muted">
                    next try <LocalTime value={d.nextAttemptAt} />
                  </span>
                )}
              </Td>
              <Td className="tabular-nums">{d.attempts}</Td>
              <Td className="whitespace-nowrap">
                {d.lastAttemptAt ? (
                  <>
                    {d.lastStatus !== null ? `HTTP ${d.lastStatus}` : "No answer"}
                    <span className="block text-xs text-muted">
                      <LocalTime value={d.lastAttemptAt} />
                    </span>
                  </>
                ) : (
                  <span className="text-muted">Not tried yet</span>
                )}
              </Td>
              <Td className="tabular-nums whitespace-nowrap">
                {d.lastLatencyMs !== null ? `${d.lastLatencyMs} ms` : "—"}
              </Td>
              <Td className="max-w-xs">
                {d.lastError && d.lastStatus === null && <p className="text-sm text-red-800">{d.lastError}</p>}
                {d.lastExcerpt && (
                  <pre className="max-h-24 overflow-auto font-mono text-xs break-all whitespace-pre-wrap text-muted">
                    {d.lastExcerpt}
                  </pre>
                )}
              </Td>
              <Td>
                <Button
                  variant="secondary"
                  size="sm"
                  disabled={pending}
                  aria-label={`Replay ${d.type} ${d.eventId}`}
                  onClick={() => replay(d)}
                >
                  Replay
                </Button>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
