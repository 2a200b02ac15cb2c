import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { NavItem } from "@/lib/auth/permissions";
import type { Role } from "@/lib/db/generated/enums";
import { MobileNav } from "./mobile-nav";
import { Sidebar } from "./sidebar";
import { UserMenu } from "./user-menu";

export function AppShell({
  navigation,
  user,
  workspaceName,
  banner,
  children,
}: {
  navigation: NavItem[];
  user: { name: string; email: string; role: Role };
  workspaceName: string;
  /** Shown under the header on every page (account alerts for admins). */
  banner?: ReactNode;
  children: ReactNode;
}) {
  const t = useTranslations("shell");
  return (
    <div className="flex min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t("skipToContent")}
      </a>
      <Sidebar navigation={navigation} />
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-14 items-center justify-between gap-3 border-b border-line bg-white px-4 sm:px-6">
          <div className="flex min-w-0 items-center gap-2">
            <MobileNav navigation={navigation} />
            <span className="hidden text-xs tracking-wide text-muted uppercase sm:inline">{t("workspace")}</span>
            <span className="truncate font-medium">{workspaceName}</span>
          </div>
          <UserMenu name={user.name} email={user.email} role={user.role} />
        </header>
        {banner}
        <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 sm:px-6 sm:py-8">
          {children}
        </main>
      </div>
    </div>
  );
}
