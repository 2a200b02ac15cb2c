"use client";
import { Download } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { importTemplatesAction } from "@/app/(dashboard)/templates/actions";
import { Button } from "@/components/ui/button";

export function ImportTemplatesButton() {
  const router = useRouter();
  const t = useTranslations("templates.import");
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <span className="flex items-center gap-3">
      {message && (
        <span
          role={message.ok ? "status" : "alert"}
          className={`text-sm ${message.ok ? "text-brand-700" : "text-red-700"}`}
        >
          {message.text}
        </span>
      )}
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await importTemplatesAction({});
            setMessage(
              result.ok
                ? { ok: true, text: t("done", { count: result.data.count }) }
                : { ok: false, text: result.error.message },
            );
            router.refresh();
          })
        }
      >
        <Download className="size-4" aria-hidden /> {pending ? t("importing") : t("button")}
      </Button>
    </span>
  );
}
