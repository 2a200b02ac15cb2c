import type { ReactNode } from "react";
import { AccountAlertBanner } from "@/components/shell/account-alert-banner";
import { AppShell } from "@/components/shell/app-shell";
import { guardPage } from "@/lib/auth/guard";
import { can, navigationFor } from "@/lib/auth/permissions";
import { openAccountAlerts } from "@/lib/webhooks/account-alerts";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await guardPage();
  const alerts = can(user.role, "settings.manage") ? await openAccountAlerts(user.workspaceId) : [];
  return (
    <AppShell
      navigation={navigationFor(user.role)}
      user={{ name: user.name, email: user.email, role: user.role }}
      workspaceName={user.workspaceName}
      banner={<AccountAlertBanner alerts={alerts} />}
    >
      {children}
    </AppShell>
  );
}
