import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AvailabilityForm } from "@/components/flow-endpoint/availability-form";
import { EndpointKeyCard } from "@/components/flow-endpoint/endpoint-key-card";
import { PageHeader } from "@/components/ui/card";
import { guardPage } from "@/lib/auth/guard";
import { availabilityForm } from "@/lib/flows/booking-settings";
import { endpointKeySummary, endpointUrl } from "@/lib/flows/endpoint-keys";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("flowEndpoint");
  return { title: t("title") };
}

export default async function FlowEndpointSettingsPage() {
  const user = await guardPage("settings.manage");
  const [key, availability] = await Promise.all([
    endpointKeySummary(user.workspaceId),
    availabilityForm(user.workspaceId),
  ]);
  const t = await getTranslations("flowEndpoint");
  const { timeZone, ...defaults } = availability;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="space-y-5">
        <EndpointKeyCard
          url={endpointUrl(user.workspaceId)}
          publicKeyPem={key?.publicKeyPem ?? null}
          createdAt={key?.createdAt.toISOString() ?? null}
          registeredAt={key?.registeredAt?.toISOString() ?? null}
        />
        <AvailabilityForm defaults={defaults} timeZone={timeZone} />
      </div>
    </>
  );
}
