import { useTranslations } from "next-intl";
import { translateMessage } from "@/lib/i18n/message-key";
import { cn } from "@/lib/utils";

export type Outcome = { ok: boolean; text: string } | null;

/**
 * The outcome of an action next to its button: announced politely when it worked, as an alert when not.
 * A message key (lib/i18n/message-key.ts) is translated here.
 */
export function StatusMessage({
  outcome,
  boxed = false,
  className,
}: {
  outcome: Outcome;
  boxed?: boolean;
  className?: string;
}) {
  const t = useTranslations();
  if (!outcome) return null;
  return (
    <p
      role={outcome.ok ? "status" : "alert"}
      className={cn(
        "text-sm",
        boxed ? "rounded-md px-3 py-2" : "",
        outcome.ok
          ? boxed
            ? "bg-brand-50 text-brand-900"
            : "text-brand-700"
          : boxed
            ? "bg-red-50 text-red-800"
            : "text-red-700",
        className,
      )}
    >
      {translateMessage(t, outcome.text)}
    </p>
  );
}
