import type { ComponentProps } from "react";
import { useTranslations } from "next-intl";
import { translateMessage } from "@/lib/i18n/message-key";
import { cn } from "@/lib/utils";

// A field someone may not change looks it: flat, greyed and without the hand cursor (a disabled fieldset
// reaches every field inside it).
const field =
  "block w-full rounded-md border border-line bg-white px-3 py-2 text-sm shadow-xs placeholder:text-gray-400 focus:border-brand-600 aria-invalid:border-red-500 disabled:cursor-not-allowed disabled:border-gray-200 disabled:bg-gray-100 disabled:text-gray-700 disabled:shadow-none disabled:opacity-100";

export function Input({ className, ...props }: ComponentProps<"input">) {
  return (
    <input
      className={cn(
        field,
        "h-9 [&[readonly]]:border-gray-200 [&[readonly]]:bg-gray-100 [&[readonly]]:shadow-none",
        className,
      )}
      {...props}
    />
  );
}

export function Label({ className, ...props }: ComponentProps<"label">) {
  return <label className={cn("mb-1 block text-sm font-medium text-ink", className)} {...props} />;
}

/**
 * The error under a field, linked to it with aria-describedby by the caller. A schema's message may be a
 * catalog key (lib/i18n/message-key.ts): it is translated here, where it is shown.
 */
export function FieldError({ id, message }: { id: string; message?: string }) {
  const t = useTranslations();
  if (!message) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-600">
      {translateMessage(t, message)}
    </p>
  );
}
