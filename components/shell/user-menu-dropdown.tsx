"use client";
import { useTranslations } from "next-intl";
import { BookOpen, KeyRound, LogOut } from "lucide-react";
import Link from "next/link";
import { DropdownMenu } from "radix-ui";
import { UserMenuButton, type UserMenuProps } from "./user-menu-button";

/** next-auth's client (and the Babel runtime it brings) downloads when the person signs out, not with every page's menu. */
async function signOutToLogin() {
  const { signOut } = await import("next-auth/react");
  await signOut({ callbackUrl: "/login" });
}

const ITEM =
  "flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm outline-none data-highlighted:bg-gray-100";

/** The account menu (loaded after the page is up: components/shell/user-menu.tsx). */
export default function UserMenuDropdown({ name, email, role }: UserMenuProps) {
  const t = useTranslations("shell");
  const roles = useTranslations("settings.users.roles");
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger asChild>
        <UserMenuButton name={name} email={email} role={role} />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={6}
          className="z-50 min-w-48 rounded-md border border-line bg-white p-1 shadow-lg"
        >
          <DropdownMenu.Label className="px-2 py-1.5 text-xs text-muted">
            {t("userMenu.signedInAs", { role: roles(role) })}
          </DropdownMenu.Label>
          <DropdownMenu.Item asChild className={ITEM}>
            <Link href="/account">
              <KeyRound className="size-4" aria-hidden /> {t("userMenu.account")}
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item asChild className={ITEM}>
            <Link href="/developers">
              <BookOpen className="size-4" aria-hidden /> {t("userMenu.apiReference")}
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item onSelect={() => void signOutToLogin()} className={ITEM}>
            <LogOut className="size-4" aria-hidden /> {t("userMenu.signOut")}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
