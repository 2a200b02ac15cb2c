"use client";
// A file input people can drop a file on or click (or press Space on) to choose one. The real input stays in
// the page, visually hidden but focusable and labelled by the zone, so keyboards, screen readers and tests
// reach it as they would a native file input.
import { Upload } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { cn } from "@/lib/utils";

export function FileDropZone({
  id,
  label,
  accept,
  describedBy,
  disabled,
  fileName,
  onFile,
  compact,
  className,
}: {
  id: string;
  /** What to give ("CSV file", "Upload image"): the input's name. */
  label: ReactNode;
  accept?: string;
  describedBy?: string;
  disabled?: boolean;
  /** The file chosen so far, shown in the zone. */
  fileName?: string | null;
  onFile: (file: File) => void;
  /** One line, for a zone beside other controls. */
  compact?: boolean;
  className?: string;
}) {
  const t = useTranslations("common.dropZone");
  const [over, setOver] = useState(false);
  return (
    <label
      htmlFor={id}
      data-dragging={over || undefined}
      onDragOver={(e) => {
        if (disabled) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const file = e.dataTransfer.files[0];
        if (file && !disabled) onFile(file);
      }}
      className={cn(
        "flex cursor-pointer items-center gap-3 rounded-md border border-dashed border-gray-400 bg-white text-sm",
        "focus-within:border-brand-600 focus-within:ring-2 focus-within:ring-brand-600/30 hover:bg-gray-50",
        "data-[dragging]:border-brand-600 data-[dragging]:bg-brand-50",
        compact ? "px-3 py-1.5" : "flex-col justify-center px-4 py-6 text-center",
        disabled && "pointer-events-none opacity-50",
        className,
      )}
    >
      <Upload className={cn("shrink-0 text-gray-600", compact ? "size-4" : "size-6")} aria-hidden />
      <span className={compact ? "font-medium" : "space-y-1"}>
        <span className="block font-medium text-ink">{label}</span>
        {!compact && (
          <span className="block text-gray-700">{fileName ? t("chosen", { file: fileName }) : t("prompt")}</span>
        )}
      </span>
      <input
        id={id}
        type="file"
        className="sr-only"
        accept={accept}
        disabled={disabled}
        aria-describedby={describedBy}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onFile(file);
          e.target.value = ""; // choosing the same file again still counts
        }}
      />
    </label>
  );
}
