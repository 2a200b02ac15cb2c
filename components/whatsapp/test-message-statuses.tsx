"use client";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { LocalTime } from "@/components/ui/local-time";
import { fetchJson } from "@/lib/fetch-json";
import type { MessageStatuses } from "@/lib/webhooks/activity";
import { webhookKeys } from "@/lib/webhooks/query-keys";
import { StatusBadge } from "./webhook-activity";

/** The test message's own statuses as its webhooks arrive, until it is read or has failed. */
export function TestMessageStatuses({ wamid }: { wamid: string }) {
  const t = useTranslations("settings.whatsapp.testMessage");
  const query = useQuery({
    queryKey: webhookKeys.message(wamid),
    queryFn: () =>
      fetchJson<MessageStatuses>(`/api/v1/whatsapp/activity/${encodeURIComponent(wamid)}`, "message statuses"),
    refetchInterval: (q) => (q.state.data?.some((s) => s.status === "read" || s.status === "failed") ? false : 2000),
  });
  const statuses = query.data ?? [];
  return (
    <section aria-labelledby="test-statuses-heading" className="mt-4">
      <h3 id="test-statuses-heading" className="text-sm font-medium">
        {t("statuses")}
      </h3>
      {statuses.length === 0 ? (
        <p className="mt-1 text-sm text-muted" role="status">
          {query.isError ? t("statusesError") : t("statusesWaiting")}
        </p>
      ) : (
        <ol aria-labelledby="test-statuses-heading" className="mt-2 flex flex-wrap gap-x-4 gap-y-2 text-sm">
          {statuses.map((s) => (
            <li key={s.id} className="flex items-center gap-2">
              <StatusBadge status={s.status} errorCode={s.errorCode} />
              <span className="text-xs text-muted">
                <LocalTime value={s.occurredAt} />
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
