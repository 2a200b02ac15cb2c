import type { ReactNode } from "react";
import { AccountAlertBanner } from "@/components/shell/account-alert-banner";
import { AppShell } from "@/components/shell/app-shell";
import { ClientMessages } from "@/components/providers/client-messages";
import { Toaster } from "@/components/ui/toast";
import { QueryProvider } from "@/components/providers/query-provider";
import { DisabledEndpointsBanner } from "@/components/outbound-webhooks/disabled-endpoints-banner";
import { guardPage } from "@/lib/auth/guard";
import { can, navigationFor } from "@/lib/auth/permissions";
import { autoDisabledEndpoints } from "@/lib/outbound-webhooks/service";
import { openAccountAlerts } from "@/lib/webhooks/account-alerts";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await guardPage();
  const admin = can(user.role, "settings.manage");
  const [alerts, disabledEndpoints] = admin
    ? await Promise.all([openAccountAlerts(user.workspaceId), autoDisabledEndpoints(user.workspaceId)])
    : [[], []];
  // Only the signed-in pages poll (TanStack Query), so the sign-in page does not download it.
  return (
    <ClientMessages part="dashboard">
      <QueryProvider>
        <AppShell
          navigation={navigationFor(user.role)}
          user={{ name: user.name, email: user.email, role: user.role }}
          workspaceName={user.workspaceName}
          banner={
            <>
              <AccountAlertBanner alerts={alerts} />
              <DisabledEndpointsBanner endpoints={disabledEndpoints} />
            </>
          }
        >
          {children}
          <Toaster />
        </AppShell>
      </QueryProvider>
    </ClientMessages>
  );
}
