// Across the dashboard, for admins: webhook endpoints Parley disabled after a day of failed deliveries,
// until an admin enables (or deletes) them. The disabling is in the audit log too.
import { AlertTriangle } from "lucide-react";
import Link from "next/link";

export type DisabledEndpoint = { id: string; url: string };

export function DisabledEndpointsBanner({ endpoints }: { endpoints: DisabledEndpoint[] }) {
  if (endpoints.length === 0) return null;
  return (
    <section
      role="alert"
      aria-labelledby="webhook-alerts-heading"
      className="border-b border-amber-300 bg-amber-50 px-6 py-3 text-sm text-amber-950"
    >
      <h2 id="webhook-alerts-heading" className="flex items-center gap-2 font-medium">
        <AlertTriangle aria-hidden className="size-4" />
        Parley stopped sending webhooks to {endpoints.length === 1 ? "an endpoint" : `${endpoints.length} endpoints`}
      </h2>
      <p className="mt-1">
        Every delivery to{" "}
        {endpoints.map((e, i) => (
          <span key={e.id}>
            {i > 0 && ", "}
            <code className="font-mono break-all">{e.url}</code>
          </span>
        ))}{" "}
        failed for 24 hours, so {endpoints.length === 1 ? "it was" : "they were"} disabled. Events are kept. Fix the
        receiver, then enable it again in{" "}
        <Link href="/settings/webhooks" className="font-medium underline">
          Settings → Webhooks
        </Link>
        .
      </p>
    </section>
  );
}
