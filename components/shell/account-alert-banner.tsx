"use client";
// Account restrictions, violations and bans reported by Meta, across every dashboard page for admins until
// one of them acknowledges the alert (the acknowledgement is audited).
import { AlertTriangle } from "lucide-react";
import { useState, useTransition } from "react";
import { acknowledgeAccountAlertAction } from "@/app/(dashboard)/settings/whatsapp/actions";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";

export type BannerAlert = { id: string; summary: string; occurredAt: Date };

export function AccountAlertBanner({ alerts }: { alerts: BannerAlert[] }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  if (alerts.length === 0) return null;
  return (
    <section
      role="alert"
      aria-labelledby="account-alerts-heading"
      className="border-b border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900 sm:px-6"
    >
      <h2 id="account-alerts-heading" className="flex items-center gap-2 font-medium">
        <AlertTriangle aria-hidden className="size-4" />
        Meta reported a problem with your WhatsApp account
      </h2>
      <ul className="mt-2 space-y-2">
        {alerts.map((alert) => (
          <li key={alert.id} className="flex flex-wrap items-center justify-between gap-2">
            <span>
              {alert.summary} (<LocalTime value={alert.occurredAt} />
              ). Check Meta&apos;s WhatsApp Manager before sending more.
            </span>
            <Button
              size="sm"
              variant="secondary"
              disabled={pending}
              onClick={() =>
                startTransition(async () => {
                  const result = await acknowledgeAccountAlertAction({ id: alert.id });
                  setError(result.ok ? null : result.error.message);
                })
              }
            >
              Acknowledge
            </Button>
          </li>
        ))}
      </ul>
      {error && <p className="mt-2">{error}</p>}
    </section>
  );
}
