"use client";
import { useTranslations } from "next-intl";
import { useFormat } from "@/lib/i18n/format";
// Account restrictions, violations and bans reported by Meta, across every dashboard page for admins until
// one of them acknowledges the alert (the acknowledgement is audited).
import { AlertTriangle } from "lucide-react";
import { useState, useTransition } from "react";
import { acknowledgeAccountAlertAction } from "@/app/(dashboard)/settings/whatsapp/actions";
import { Button } from "@/components/ui/button";

export type BannerAlert = { id: string; summary: string; occurredAt: Date };

export function AccountAlertBanner({ alerts }: { alerts: BannerAlert[] }) {
  const t = useTranslations("shell.alerts");
  const format = useFormat();
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
        {t("title")}
      </h2>
      <ul className="mt-2 space-y-2">
        {alerts.map((alert) => (
          <li key={alert.id} className="flex flex-wrap items-center justify-between gap-2">
            <span>{t("item", { summary: alert.summary, when: format.dateTime(alert.occurredAt) })}</span>
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
              {t("acknowledge")}
            </Button>
          </li>
        ))}
      </ul>
      {error && <p className="mt-2">{error}</p>}
    </section>
  );
}
