import type { Metadata } from "next";
import { Webhook } from "lucide-react";
import { EndpointCard } from "@/components/outbound-webhooks/endpoint-card";
import { EndpointFormDialog } from "@/components/outbound-webhooks/endpoint-form-dialog";
import { Button } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { guardPage } from "@/lib/auth/guard";
import { listEndpoints, MAX_ENDPOINTS } from "@/lib/outbound-webhooks/service";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksSettingsPage() {
  const user = await guardPage("settings.manage");
  const endpoints = await listEndpoints(user.workspaceId);
  const add = (
    <EndpointFormDialog trigger={<Button disabled={endpoints.length >= MAX_ENDPOINTS}>Add endpoint</Button>} />
  );
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Tell your own systems what happens in Parley: deliveries, reads, failures, replies, button taps and opt-outs, as signed HTTPS requests, in order for each contact. Each change here is written to the audit log."
        actions={endpoints.length > 0 ? add : undefined}
      />
      {endpoints.length === 0 ? (
        <EmptyState icon={<Webhook className="size-6" />} title="No webhook endpoints yet" action={add}>
          Add the URL of a server of yours and choose the events it should receive. Parley signs every request so your
          server can check it came from Parley, and retries for 24 hours when your server is down.
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
