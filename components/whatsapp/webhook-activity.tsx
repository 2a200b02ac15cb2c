"use client";
import { useQuery } from "@tanstack/react-query";
import { Activity } from "lucide-react";
import { useTransition } from "react";
import { retryWebhooksAction } from "@/app/(dashboard)/settings/whatsapp/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import type { WebhookActivity as Activity_ } from "@/lib/webhooks/activity";
import { webhookKeys } from "@/lib/webhooks/query-keys";

const TONE = { sent: "neutral", delivered: "blue", read: "green", failed: "red" } as const;

async function fetchActivity(): Promise<Activity_> {
  const response = await fetch("/api/v1/whatsapp/activity", { cache: "no-store" });
  if (!response.ok) throw new Error("Could not load webhook activity");
  return response.json();
}

export function WebhookActivity({ callbackUrl }: { callbackUrl: string }) {
  const query = useQuery({ queryKey: webhookKeys.activity(), queryFn: fetchActivity, refetchInterval: 2000 });
  const [retrying, startRetry] = useTransition();
  const data = query.data;

  return (
    <Card className="p-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h2 className="flex items-center gap-2 font-semibold">
            <Activity className="size-4 text-brand-600" aria-hidden /> Webhooks
          </h2>
          <p className="mt-1 text-sm text-muted">
            Callback URL for Meta:{" "}
            <code className="rounded bg-gray-100 px-1.5 py-0.5 text-xs text-ink">{callbackUrl}</code>. Updates every 2
            seconds.
          </p>
        </div>
        {data && (
          <div className="flex items-center gap-2 text-sm" aria-live="polite">
            <Badge tone={data.backlog.pending > 0 ? "amber" : "green"}>
              {data.backlog.pending} waiting to be processed
            </Badge>
            {data.backlog.failed > 0 && (
              <>
                <Badge tone="red">{data.backlog.failed} could not be processed</Badge>
                <Button
                  size="sm"
                  variant="secondary"
                  disabled={retrying}
                  onClick={() => startRetry(async () => void (await retryWebhooksAction({}), await query.refetch()))}
                >
                  Retry now
                </Button>
              </>
            )}
          </div>
        )}
      </div>
      {query.isError && (
        <p role="alert" className="mt-4 text-sm text-red-700">
          Could not load the latest webhooks. Retrying…
        </p>
      )}
      {data && data.failed.length > 0 && (
        <div className="mt-4 rounded-md border border-red-200 bg-red-50 p-4 text-sm">
          <p className="font-medium text-red-900">Deliveries kept for a retry (nothing is dropped):</p>
          <ul className="mt-2 space-y-1 text-red-800">
            {data.failed.map((f) => (
              <li key={f.id}>
                #{f.id}, received <LocalTime value={f.receivedAt} />, {f.attempts} attempt{f.attempts === 1 ? "" : "s"}:{" "}
                {f.lastError}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="mt-6 grid grid-cols-1 gap-6 lg:grid-cols-2">
        <section aria-labelledby="statuses-heading">
          <h3 id="statuses-heading" className="mb-2 text-sm font-medium">
            Latest message statuses
          </h3>
          <Table caption="Latest message statuses">
            <thead>
              <tr>
                <Th>When</Th>
                <Th>To</Th>
                <Th>Status</Th>
              </tr>
            </thead>
            <tbody>
              {data?.statuses.length === 0 && <EmptyRow columns={3}>No statuses yet: send a test message.</EmptyRow>}
              {data?.statuses.map((s) => (
                <tr key={s.id}>
                  <Td className="whitespace-nowrap">
                    <LocalTime value={s.occurredAt} />
                  </Td>
                  <Td className="font-mono text-xs">+{s.recipient}</Td>
                  <Td>
                    <Badge tone={TONE[s.status as keyof typeof TONE] ?? "neutral"}>{s.status}</Badge>
                    {s.errorCode && <span className="ml-2 text-xs text-red-700">error {s.errorCode}</span>}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </section>
        <section aria-labelledby="inbound-heading">
          <h3 id="inbound-heading" className="mb-2 text-sm font-medium">
            Latest messages from contacts
          </h3>
          <Table caption="Latest messages from contacts">
            <thead>
              <tr>
                <Th>When</Th>
                <Th>From</Th>
                <Th>Message</Th>
              </tr>
            </thead>
            <tbody>
              {data?.inbound.length === 0 && <EmptyRow columns={3}>No messages from contacts yet.</EmptyRow>}
              {data?.inbound.map((m) => (
                <tr key={m.id}>
                  <Td className="whitespace-nowrap">
                    <LocalTime value={m.receivedAt} />
                  </Td>
                  <Td className="text-xs">{m.from}</Td>
                  <Td>{m.text}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </section>
      </div>
    </Card>
  );
}
