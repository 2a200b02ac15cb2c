"use client";
import { ChevronDown } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ComponentPropsWithRef } from "react";
import { Badge } from "@/components/ui/badge";
import type { Role } from "@/lib/db/generated/enums";

export type UserMenuProps = { name: string; email: string; role: Role };

/** The account menu's button: initials, name and e-mail, role. Radix's trigger passes its wiring on through `button`. */
export function UserMenuButton({ name, email, role, ...button }: UserMenuProps & ComponentPropsWithRef<"button">) {
  const t = useTranslations("shell");
  const roles = useTranslations("settings.users.roles");
  const initials = name
    .split(/\s+/)
    .map((part) => part[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();
  return (
    <button
      type="button"
      className="flex items-center gap-3 rounded-md px-2 py-1 hover:bg-gray-100"
      aria-label={t("userMenu.label", { name })}
      {...button}
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
    </button>
  );
}
