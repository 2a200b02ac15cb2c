import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DeliveryLog } from "@/components/outbound-webhooks/delivery-log";
import { PageHeader } from "@/components/ui/card";
import { guardPage } from "@/lib/auth/guard";
import { getEndpointOrThrow, listDeliveries } from "@/lib/outbound-webhooks/service";
import { orNotFound, pageId } from "@/lib/not-found";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.deliveries");
  return { title: t("metaTitle") };
}

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
  const t = await getTranslations("settings.deliveries");
  const endpoint = await orNotFound(getEndpointOrThrow(user.workspaceId, endpointId));
  const page = await listDeliveries(
    user.workspaceId,
    endpointId,
    before && /^\d{1,19}$/.test(before) ? before : undefined,
  );
  return (
    <>
      <nav aria-label={t("breadcrumb")} className="mb-2 text-sm">
        <Link href="/settings/webhooks" className="text-brand-700 underline">
          {t("back")}
        </Link>
      </nav>
      <PageHeader title={t("title")} description={t("description", { url: endpoint.url })} />
      <DeliveryLog endpointId={endpoint.id} deliveries={page.deliveries} />
      {(page.nextCursor || before) && (
        <nav aria-label={t("pages")} className="mt-4 flex justify-end gap-4 text-sm">
          {before && (
            <Link className="font-medium text-brand-700 underline" href={`/settings/webhooks/${endpoint.id}`}>
              {t("newest")}
            </Link>
          )}
          {page.nextCursor && (
            <Link
              className="font-medium text-brand-700 underline"
              href={`/settings/webhooks/${endpoint.id}?before=${page.nextCursor}`}
            >
              {t("older")}
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
