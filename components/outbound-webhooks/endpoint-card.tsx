"use client";
// One webhook endpoint on the Webhooks page: its state, its events, and what an admin can do with it.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { sendTestEventAction, setEndpointEnabledAction } from "@/app/(dashboard)/settings/webhooks/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { deferred } from "@/components/ui/deferred";
import { LocalTime } from "@/components/ui/local-time";
import { StatusMessage, type Outcome } from "@/components/ui/status-message";
import { useFormat } from "@/lib/i18n/format";
import { EndpointFormDialog } from "./endpoint-form-dialog";
import { SigningSecret } from "./signing-secret";

export type EndpointSummary = {
  id: string;
  url: string;
  description: string | null;
  eventTypes: string[];
  enabled: boolean;
  disabledReason: string | null;
  failingSince: Date | null;
  createdAt: Date;
  pending: number;
};

function StateBadge({ endpoint }: { endpoint: EndpointSummary }) {
  const t = useTranslations("settings.webhooks.card.state");
  if (!endpoint.enabled) return <Badge tone="red">{t("disabled")}</Badge>;
  if (endpoint.failingSince) return <Badge tone="amber">{t("failing")}</Badge>;
  return <Badge tone="green">{t("enabled")}</Badge>;
}

/** Drawn with the page, inert until the dialog's code (Radix Dialog), loaded after the page is up, is there. */
const DeleteEndpointDialog = deferred(
  () => import("./delete-endpoint-dialog-view"),
  function DeleteEndpointStandIn() {
    const t = useTranslations("settings.webhooks.delete");
    return (
      <Button variant="danger" size="sm" disabled>
        {t("trigger")}
      </Button>
    );
  },
);

export function EndpointCard({ endpoint }: { endpoint: EndpointSummary }) {
  const t = useTranslations("settings.webhooks.card");
  const format = useFormat();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [pending, startTransition] = useTransition();
  const run = (work: () => Promise<{ ok: boolean; error?: { message: string } }>, success: string) =>
    startTransition(async () => {
      const result = await work();
      setOutcome(result.ok ? { ok: true, text: success } : { ok: false, text: result.error!.message });
    });
  const headingId = `endpoint-${endpoint.id}-url`;

  return (
    <Card className="space-y-4 p-5" aria-labelledby={headingId}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 id={headingId} className="font-mono text-sm font-medium break-all">
            {endpoint.url}
          </h2>
          {endpoint.description && <p className="mt-0.5 text-sm text-muted">{endpoint.description}</p>}
        </div>
        <StateBadge endpoint={endpoint} />
      </div>

      {!endpoint.enabled && (
        <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-900">
          {/* The only reason Parley records is its own: a day of failed deliveries (lib/outbound-webhooks/deliver). */}
          {endpoint.disabledReason ? t("autoDisabled") : t("adminDisabled")}
        </p>
      )}
      {endpoint.enabled && endpoint.failingSince && (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t.rich("failing", { since: () => <LocalTime value={endpoint.failingSince!} /> })}
        </p>
      )}

      <div>
        <h3 className="text-sm font-medium">{t("events")}</h3>
        <ul className="mt-1 flex flex-wrap gap-1">
          {endpoint.eventTypes.map((type) => (
            <li key={type}>
              <Badge className="font-mono">{type}</Badge>
            </li>
          ))}
        </ul>
        <p className="mt-2 text-xs text-muted">
          {endpoint.pending === 0 ? t("nothingWaiting") : t("waiting", { count: format.number(endpoint.pending) })}{" "}
          {t.rich("added", { date: () => <LocalTime value={endpoint.createdAt} dateOnly /> })}
        </p>
      </div>

      <SigningSecret endpointId={endpoint.id} />

      <div className="flex flex-wrap gap-2">
        <Button asChild variant="secondary" size="sm">
          <Link href={`/settings/webhooks/${endpoint.id}`}>{t("deliveryLog")}</Link>
        </Button>
        <EndpointFormDialog
          endpoint={endpoint}
          trigger={
            <Button variant="secondary" size="sm">
              {t("edit")}
            </Button>
          }
        />
        <Button
          variant="secondary"
          size="sm"
          disabled={pending || !endpoint.enabled}
          title={endpoint.enabled ? undefined : t("testDisabledTitle")}
          onClick={() => run(() => sendTestEventAction({ id: endpoint.id }), t("testSent"))}
        >
          {t("sendTest")}
        </Button>
        <Button
          variant="secondary"
          size="sm"
          disabled={pending}
          onClick={() =>
            run(
              () => setEndpointEnabledAction({ id: endpoint.id, enabled: !endpoint.enabled }),
              endpoint.enabled ? t("disabledDone") : t("enabledDone"),
            )
          }
        >
          {endpoint.enabled ? t("disable") : t("enable")}
        </Button>
        <DeleteEndpointDialog endpoint={endpoint} />
      </div>
      <StatusMessage outcome={outcome} />
    </Card>
  );
}
