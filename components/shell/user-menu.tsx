"use client";
import { useTranslations } from "next-intl";
import { ChevronDown, KeyRound, LogOut } from "lucide-react";
import Link from "next/link";
import { signOut } from "next-auth/react";
import { DropdownMenu } from "radix-ui";
import { Badge } from "@/components/ui/badge";
import type { Role } from "@/lib/db/generated/enums";

export function UserMenu({ name, email, role }: { name: string; email: string; role: Role }) {
  const t = useTranslations("shell");
  const roles = useTranslations("settings.users.roles");
  const initials = name
    .split(/\s+/)
    .map((part) => part[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        className="flex items-center gap-3 rounded-md px-2 py-1 hover:bg-gray-100"
        aria-label={t("userMenu.label", { name })}
      >
        <span
          className="grid size-8 place-items-center rounded-full bg-brand-100 text-xs font-semibold text-brand-900"
          aria-hidden
        >
          {initials}
        </span>
        <span className="hidden text-left sm:block">
          <span className="block text-sm leading-tight font-medium">{name}</span>
          <span className="block text-xs leading-tight text-muted">{email}</span>
        </span>
        <Badge tone="green">{roles(role)}</Badge>
        <ChevronDown className="size-4 text-muted" aria-hidden />
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
          <DropdownMenu.Item
            asChild
            className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm outline-none data-highlighted:bg-gray-100"
          >
            <Link href="/account">
              <KeyRound className="size-4" aria-hidden /> {t("userMenu.account")}
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item
            onSelect={() => void signOut({ callbackUrl: "/login" })}
            className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm outline-none data-highlighted:bg-gray-100"
          >
            <LogOut className="size-4" aria-hidden /> {t("userMenu.signOut")}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
