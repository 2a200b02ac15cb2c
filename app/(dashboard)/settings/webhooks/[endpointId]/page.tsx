import type { Metadata } from "next";
import Link from "next/link";
import { DeliveryLog } from "@/components/outbound-webhooks/delivery-log";
import { PageHeader } from "@/components/ui/card";
import { guardPage } from "@/lib/auth/guard";
import { getEndpointOrThrow, listDeliveries } from "@/lib/outbound-webhooks/service";
import { orNotFound, pageId } from "@/lib/not-found";

export const metadata: Metadata = { title: "Webhook delivery log" };

export default async function WebhookDeliveryLogPage({
  params,
  searchParams,
}: {
  params: Promise<{ endpointId: string }>;
  searchParams: Promise<{ before?: string }>;
}) {
  const user = await guardPage("settings.manage");
  const { endpointId: raw } = await params;
  const { before } = await searchParams;
  const endpointId = pageId(raw);
  const endpoint = await orNotFound(getEndpointOrThrow(user.workspaceId, endpointId));
  const page = await listDeliveries(
    user.workspaceId,
    endpointId,
    before && /^\d{1,19}$/.test(before) ? before : undefined,
  );
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/settings/webhooks" className="text-brand-700 underline">
          Webhooks
        </Link>
      </nav>
      <PageHeader
        title="Delivery log"
        description={`Every event sent to ${endpoint.url}, newest first, with your server's latest answer. Replay sends an event again, with the same webhook-id so your receiver can tell it is a repeat.`}
      />
      <DeliveryLog endpointId={endpoint.id} deliveries={page.deliveries} />
      {(page.nextCursor || before) && (
        <nav aria-label="Pages" className="mt-4 flex justify-end gap-4 text-sm">
          {before && (
            <Link className="font-medium text-brand-700 underline" href={`/settings/webhooks/${endpoint.id}`}>
              Newest
            </Link>
          )}
          {page.nextCursor && (
            <Link
              className="font-medium text-brand-700 underline"
              href={`/settings/webhooks/${endpoint.id}?before=${page.nextCursor}`}
            >
              Older deliveries
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
