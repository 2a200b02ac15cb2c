"use client";
import { Menu } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ComponentPropsWithRef } from "react";

/** The phone's menu button in the top bar (hidden where the sidebar shows). Radix's trigger passes its wiring on. */
export function MobileNavButton(button: ComponentPropsWithRef<"button">) {
  const t = useTranslations("shell");
  return (
    <button
      type="button"
      className="-ml-2 rounded-md p-2 text-gray-700 hover:bg-gray-100 md:hidden"
      aria-label={t("mainMenu")}
      {...button}
    >
      <Menu className="size-5" aria-hidden />
    </button>
  );
}
