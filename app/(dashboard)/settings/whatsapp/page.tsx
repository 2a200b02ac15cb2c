import { MessageCircle } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { guardPage } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "WhatsApp connection" };

export default async function WhatsAppSettingsPage() {
  await guardPage("settings.manage");
  return (
    <>
      <PageHeader
        title="WhatsApp connection"
        description="Your WhatsApp Business Account, phone number and webhook secret. Tokens are stored encrypted and never shown again."
      />
      <EmptyState icon={<MessageCircle className="size-6" />} title="No WhatsApp account connected">
        Connecting needs your WABA id, phone number id, a system-user access token, the app secret and a verify token
        from Meta&apos;s developer dashboard. The connection form and the local sandbox arrive with the WhatsApp layer.
      </EmptyState>
    </>
  );
}
