"use client";
import { useQuery } from "@tanstack/react-query";
import { Activity } from "lucide-react";
import { useTranslations } from "next-intl";
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
  // The message is not shown: the card says it could not load the latest webhooks.
  if (!response.ok) throw new Error(`webhook activity: HTTP ${response.status}`);
  return response.json();
}

const isKnownStatus = (status: string): status is keyof typeof TONE => Object.hasOwn(TONE, status);

/** A status as a coloured word, with Meta's error code when it failed. */
export function StatusBadge({ status, errorCode }: { status: string; errorCode: number | null }) {
  const t = useTranslations("settings.whatsapp.activity");
  return (
    <>
      <Badge tone={isKnownStatus(status) ? TONE[status] : "neutral"}>
        {t(`statusName.${isKnownStatus(status) ? status : "other"}`)}
      </Badge>
      {errorCode && <span className="ml-2 text-xs text-red-700">{t("errorCode", { code: String(errorCode) })}</span>}
    </>
  );
}

export function WebhookActivity({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("settings.whatsapp.activity");
  const query = useQuery({ queryKey: webhookKeys.activity(), queryFn: fetchActivity, refetchInterval: 2000 });
  const [retrying, startRetry] = useTransition();
  const data = query.data;

  return (
    <Card className="p-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h2 className="flex items-center gap-2 font-semibold">
            <Activity className="size-4 text-brand-600" aria-hidden /> {t("title")}
          </h2>
          <p className="mt-1 text-sm text-muted">
            {t.rich("callback", {
              url: callbackUrl,
              code: (chunks) => <code className="rounded bg-gray-100 px-1.5 py-0.5 text-xs text-ink">{chunks}</code>,
            })}
          </p>
        </div>
        {data && (
          <div className="flex items-center gap-2 text-sm" aria-live="polite">
            <Badge tone={data.backlog.pending > 0 ? "amber" : "green"}>
              {t("pending", { count: data.backlog.pending })}
            </Badge>
            {data.backlog.failed > 0 && (
              <>
                <Badge tone="red">{t("failed", { count: data.backlog.failed })}</Badge>
                <Button
                  size="sm"
                  variant="secondary"
                  disabled={retrying}
                  onClick={() => startRetry(async () => void (await retryWebhooksAction({}), await query.refetch()))}
                >
                  {t("retry")}
                </Button>
              </>
            )}
          </div>
        )}
      </div>
      {query.isError && (
        <p role="alert" className="mt-4 text-sm text-red-700">
          {t("loadError")}
        </p>
      )}
      {data && data.failed.length > 0 && (
        <div className="mt-4 rounded-md border border-red-200 bg-red-50 p-4 text-sm">
          <p className="font-medium text-red-900">{t("kept")}</p>
          <ul className="mt-2 space-y-1 text-red-800">
            {data.failed.map((f) => (
              <li key={f.id}>
                {t.rich("keptItem", {
                  id: f.id,
                  attempts: f.attempts,
                  error: f.lastError ?? "",
                  received: () => <LocalTime value={f.receivedAt} />,
                })}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="mt-6 grid grid-cols-1 gap-6 lg:grid-cols-2">
        <section aria-labelledby="statuses-heading">
          <h3 id="statuses-heading" className="mb-2 text-sm font-medium">
            {t("statuses")}
          </h3>
          <Table caption={t("statuses")}>
            <thead>
              <tr>
                <Th>{t("when")}</Th>
                <Th>{t("to")}</Th>
                <Th>{t("status")}</Th>
              </tr>
            </thead>
            <tbody>
              {query.isPending && <EmptyRow columns={3}>{t("loading")}</EmptyRow>}
              {data?.statuses.length === 0 && <EmptyRow columns={3}>{t("noStatuses")}</EmptyRow>}
              {data?.statuses.map((s) => (
                <tr key={s.id}>
                  <Td className="whitespace-nowrap">
                    <LocalTime value={s.occurredAt} />
                  </Td>
                  <Td className="font-mono text-xs">+{s.recipient}</Td>
                  <Td>
                    <StatusBadge status={s.status} errorCode={s.errorCode} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </section>
        <section aria-labelledby="inbound-heading">
          <h3 id="inbound-heading" className="mb-2 text-sm font-medium">
            {t("inbound")}
          </h3>
          <Table caption={t("inbound")}>
            <thead>
              <tr>
                <Th>{t("when")}</Th>
                <Th>{t("from")}</Th>
                <Th>{t("message")}</Th>
              </tr>
            </thead>
            <tbody>
              {query.isPending && <EmptyRow columns={3}>{t("loading")}</EmptyRow>}
              {data?.inbound.length === 0 && <EmptyRow columns={3}>{t("noInbound")}</EmptyRow>}
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
