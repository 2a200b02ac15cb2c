"use client";
// A panel that slides in from the side of the screen: a Radix Dialog underneath, so focus is trapped inside,
// Escape and the overlay close it, and focus returns to the button that opened it.
import { Dialog as D } from "radix-ui";
import { X } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

export const Sheet = D.Root;
export const SheetTrigger = D.Trigger;

export function SheetContent({
  title,
  side = "left",
  className,
  children,
}: {
  /** Names the dialog for screen readers; shown as the panel's heading. */
  title: ReactNode;
  side?: "left" | "right";
  className?: string;
  children: ReactNode;
}) {
  const t = useTranslations("common");
  return (
    <D.Portal>
      <D.Overlay className="fixed inset-0 z-40 bg-black/40" />
      <D.Content
        aria-describedby={undefined}
        className={cn(
          "fixed inset-y-0 z-50 flex w-72 max-w-[85vw] flex-col bg-white shadow-xl outline-none",
          side === "left" ? "left-0 border-r border-line" : "right-0 border-l border-line",
          className,
        )}
      >
        <div className="flex h-14 shrink-0 items-center justify-between border-b border-line px-5">
          <D.Title className="flex items-center gap-2 text-lg font-semibold tracking-tight">{title}</D.Title>
          <D.Close className="rounded p-1 text-muted hover:bg-gray-100" aria-label={t("close")}>
            <X className="size-5" aria-hidden />
          </D.Close>
        </div>
        <div className="min-h-0 flex-1 overflow-y-auto">{children}</div>
      </D.Content>
    </D.Portal>
  );
}
