"use client";
import { useTranslations } from "next-intl";
import { BrandMark } from "@/components/ui/brand-mark";
import {
  BarChart3,
  ClipboardList,
  FileText,
  House,
  Inbox,
  Megaphone,
  Route,
  Settings,
  Users,
  type LucideIcon,
} from "lucide-react";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { NavItem } from "@/lib/auth/permissions";
import { cn } from "@/lib/utils";
import { inboxKeys } from "@/lib/inbox/query-keys";

const ICONS: Record<string, LucideIcon> = {
  "/home": House,
  "/campaigns": Megaphone,
  "/journeys": Route,
  "/flows": ClipboardList,
  "/templates": FileText,
  "/audiences": Users,
  "/inbox": Inbox,
  "/analytics": BarChart3,
  "/settings": Settings,
};

/** Conversations waiting for an answer, polled every 10 seconds. */
function UnreadBadge() {
  const { data } = useQuery({
    queryKey: inboxKeys.unread(),
    queryFn: async () =>
      ((await (await fetch("/api/v1/inbox/unread", { cache: "no-store" })).json()) as { unread?: number }).unread ?? 0,
    refetchInterval: 10_000,
  });
  const t = useTranslations("shell");
  if (!data) return null;
  return (
    // Beside the link rather than in it, so the link is still called "Inbox".
    <span
      className="pointer-events-none absolute top-2 right-3 rounded-full bg-brand-600 px-1.5 text-xs font-medium text-white"
      data-testid="inbox-unread"
    >
      {data}
      <span className="sr-only"> {t("unread", { count: data })}</span>
    </span>
  );
}

/** The product's mark and name, at the head of the sidebar and of the phone's menu. */
export function Brand() {
  return (
    <>
      <BrandMark />
      <span className="text-lg font-semibold tracking-tight">Parley</span>
    </>
  );
}

/**
 * The role's navigation: the sidebar on wide screens and the menu drawer on phones both render this, so the two
 * never disagree. `onNavigate` lets the drawer close when a link is followed.
 */
export function NavLinks({ navigation, onNavigate }: { navigation: NavItem[]; onNavigate?: () => void }) {
  const t = useTranslations("shell.nav");
  const pathname = usePathname();
  const isActive = (href: string) => pathname === href || pathname.startsWith(`${href}/`);
  return (
    <nav aria-label={t("label")} className="flex-1 space-y-1 p-3">
      {navigation.map((item) => {
        const Icon = ICONS[item.href] ?? FileText;
        const href = item.children?.[0]?.href ?? item.href;
        return (
          <div key={item.href} className="relative">
            <Link
              href={href}
              onClick={onNavigate}
              aria-current={!item.children && isActive(item.href) ? "page" : undefined}
              className={cn(
                "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium text-gray-700 hover:bg-gray-100",
                isActive(item.href) && "bg-brand-50 text-brand-900",
                // Room for the unread badge: a longer name ("Bandeja de entrada") wraps instead of running under it.
                item.href === "/inbox" && "pr-12",
              )}
            >
              <Icon className="size-4" aria-hidden />
              {t(item.label)}
            </Link>
            {item.href === "/inbox" && <UnreadBadge />}
            {item.children && item.children.length > 0 && (
              <ul className="mt-1 ml-7 space-y-1 border-l border-line pl-3">
                {item.children.map((child) => (
                  <li key={child.href}>
                    <Link
                      href={child.href}
                      onClick={onNavigate}
                      aria-current={isActive(child.href) ? "page" : undefined}
                      className={cn(
                        "block rounded-md px-2 py-1.5 text-sm text-gray-600 hover:bg-gray-100",
                        isActive(child.href) && "font-medium text-brand-900",
                      )}
                    >
                      {t(child.label)}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
    </nav>
  );
}

export function Sidebar({ navigation }: { navigation: NavItem[] }) {
  return (
    <aside className="hidden w-60 shrink-0 flex-col border-r border-line bg-white md:flex">
      <div className="flex h-14 items-center gap-2 border-b border-line px-5">
        <Brand />
      </div>
      <NavLinks navigation={navigation} />
    </aside>
  );
}
