"use client";
import { Check, Copy } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Copies a text to the clipboard and says so; where the browser refuses, it says to copy by hand. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const t = useTranslations("settings.api.copy");
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
  };
  return (
    <>
      <Button type="button" variant="secondary" onClick={copy} className="shrink-0">
        {state === "copied" ? <Check className="size-4" aria-hidden /> : <Copy className="size-4" aria-hidden />}
        {state === "copied" ? t("copied") : label}
      </Button>
      <span role="status" className="sr-only">
        {state === "copied" ? t("copiedStatus") : ""}
      </span>
      {state === "failed" && (
        <p role="alert" className="text-sm text-red-700">
          {t("failed")}
        </p>
      )}
    </>
  );
}
