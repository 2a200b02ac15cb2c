// Across the dashboard, for admins: webhook endpoints Parley disabled after a day of failed deliveries,
// until an admin enables (or deletes) them. The disabling is in the audit log too.
import { AlertTriangle } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";

export type DisabledEndpoint = { id: string; url: string };

export function DisabledEndpointsBanner({ endpoints }: { endpoints: DisabledEndpoint[] }) {
  const t = useTranslations("settings.webhooks.banner");
  if (endpoints.length === 0) return null;
  return (
    <section
      role="alert"
      aria-labelledby="webhook-alerts-heading"
      className="border-b border-amber-300 bg-amber-50 px-6 py-3 text-sm text-amber-950"
    >
      <h2 id="webhook-alerts-heading" className="flex items-center gap-2 font-medium">
        <AlertTriangle aria-hidden className="size-4" />
        {t("title", { count: endpoints.length })}
      </h2>
      <p className="mt-1">
        {t.rich("body", {
          count: endpoints.length,
          urls: () =>
            endpoints.map((e, i) => (
              <span key={e.id}>
                {i > 0 && ", "}
                <code className="font-mono break-all">{e.url}</code>
              </span>
            )),
          link: (chunks) => (
            <Link href="/settings/webhooks" className="font-medium underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
    </section>
  );
}
