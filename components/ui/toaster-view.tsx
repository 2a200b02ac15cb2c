"use client";
// The toasts' view (loaded after the page is up: components/ui/toast.tsx holds the queue and toast()).
import { Toast as T } from "radix-ui";
import { CheckCircle2, X, XCircle } from "lucide-react";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils";
import { dismissToast, useToasts } from "./toast";

export default function ToasterView() {
  const t = useTranslations("common");
  const shown = useToasts();
  return (
    <T.Provider swipeDirection="right" label={t("notifications")}>
      {shown.map((item) => (
        <T.Root
          key={item.id}
          type="foreground"
          duration={item.ok ? 5000 : 10000}
          onOpenChange={(open) => !open && dismissToast(item.id)}
          className={cn(
            "flex items-start gap-2 rounded-lg border bg-white p-3 text-sm shadow-lg data-[state=closed]:opacity-0",
            item.ok ? "border-green-200" : "border-red-200",
          )}
        >
          {item.ok ? (
            <CheckCircle2 className="mt-0.5 size-4 shrink-0 text-green-700" aria-hidden />
          ) : (
            <XCircle className="mt-0.5 size-4 shrink-0 text-red-700" aria-hidden />
          )}
          <T.Description className="flex-1 text-ink">{item.text}</T.Description>
          <T.Close className="rounded p-0.5 text-muted hover:bg-gray-100" aria-label={t("close")}>
            <X className="size-4" aria-hidden />
          </T.Close>
        </T.Root>
      ))}
      <T.Viewport className="fixed right-4 bottom-4 z-[60] flex w-[min(24rem,calc(100vw-2rem))] flex-col gap-2 outline-none" />
    </T.Provider>
  );
}
