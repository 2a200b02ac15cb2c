import type { Metadata } from "next";
import { Webhook } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { EndpointCard } from "@/components/outbound-webhooks/endpoint-card";
import { EndpointFormDialog } from "@/components/outbound-webhooks/endpoint-form-dialog";
import { Button } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { guardPage } from "@/lib/auth/guard";
import { listEndpoints, MAX_ENDPOINTS } from "@/lib/outbound-webhooks/service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.webhooks");
  return { title: t("title") };
}

export default async function WebhooksSettingsPage() {
  const user = await guardPage("settings.manage");
  const endpoints = await listEndpoints(user.workspaceId);
  const t = await getTranslations("settings.webhooks");
  const add = <EndpointFormDialog trigger={<Button disabled={endpoints.length >= MAX_ENDPOINTS}>{t("add")}</Button>} />;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} actions={endpoints.length > 0 ? add : undefined} />
      {endpoints.length === 0 ? (
        <EmptyState icon={<Webhook className="size-6" />} title={t("empty.title")} action={add}>
          {t("empty.body")}
        </EmptyState>
      ) : (
        <div className="space-y-4">
          {endpoints.map((endpoint) => (
            <EndpointCard key={endpoint.id} endpoint={endpoint} />
          ))}
        </div>
      )}
    </>
  );
}
