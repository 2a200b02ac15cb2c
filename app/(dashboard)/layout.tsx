import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { guardPage } from "@/lib/auth/guard";
import { navigationFor } from "@/lib/auth/permissions";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await guardPage();
  return (
    <AppShell
      navigation={navigationFor(user.role)}
      user={{ name: user.name, email: user.email, role: user.role }}
      workspaceName={user.workspaceName}
    >
      {children}
    </AppShell>
  );
}
