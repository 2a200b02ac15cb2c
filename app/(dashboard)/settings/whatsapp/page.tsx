import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/card";
import { AccountForm } from "@/components/whatsapp/account-form";
import { ConnectionSummary } from "@/components/whatsapp/connection-summary";
import { TestMessageForm } from "@/components/whatsapp/test-message-form";
import { WebhookActivity } from "@/components/whatsapp/webhook-activity";
import { guardPage } from "@/lib/auth/guard";
import { env } from "@/lib/env";
import { listApprovedTemplates } from "@/lib/templates/queries";
import type { AccountInput } from "@/lib/whatsapp/account-schemas";
import { getAccountSummary } from "@/lib/whatsapp/accounts";
import { DEFAULT_GRAPH_API_VERSION } from "@/lib/whatsapp/graph-versions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.whatsapp");
  return { title: t("title") };
}

export default async function WhatsAppSettingsPage() {
  const user = await guardPage("settings.manage");
  const t = await getTranslations("settings.whatsapp");
  const [account, templates] = await Promise.all([
    getAccountSummary(user.workspaceId),
    listApprovedTemplates(user.workspaceId),
  ]);
  const now = new Date().toISOString();
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="space-y-6">
        {account && <ConnectionSummary account={account} now={now} />}
        {account && <TestMessageForm templates={templates} />}
        {account && <WebhookActivity callbackUrl={`${env().APP_URL}/api/webhooks/whatsapp`} />}
        <AccountForm
          now={now}
          connected={Boolean(account)}
          defaults={
            account
              ? {
                  wabaId: account.wabaId,
                  phoneNumberId: account.phoneNumberId,
                  appId: account.appId ?? "",
                  graphApiBase: account.graphApiBase,
                  graphApiVersion: account.graphApiVersion as AccountInput["graphApiVersion"],
                }
              : { graphApiVersion: DEFAULT_GRAPH_API_VERSION }
          }
        />
      </div>
    </>
  );
}
