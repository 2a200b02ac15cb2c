"use client";
// Picks a header's media from the library, or uploads a new file into it (checked on the server).
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { FileText, Video } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { MediaItem } from "@/lib/media/service";
import { MEDIA_RULES, type MediaKind } from "@/lib/media/rules";
import { mediaUrl } from "@/lib/media/urls";
import { FileDropZone } from "@/components/ui/file-drop-zone";
import { cn } from "@/lib/utils";
import { mediaKeys } from "@/lib/media/query-keys";

export function MediaPicker({
  kind,
  value,
  onChange,
  disabled,
}: {
  kind: MediaKind;
  value: string;
  onChange: (id: string) => void;
  disabled?: boolean;
}) {
  const queryClient = useQueryClient();
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const rule = MEDIA_RULES[kind];
  // A carousel has a picker on every card: each its own ids.
  const id = useId();
  const t = useTranslations("templates.media");
  const media = useQuery({
    queryKey: mediaKeys.list(kind),
    queryFn: async (): Promise<MediaItem[]> => {
      const response = await fetch(`/api/v1/media?kind=${kind}`);
      if (!response.ok) throw new Error(t("loadFailed"));
      return response.json();
    },
  });

  const upload = async (file: File) => {
    setError(null);
    setUploading(true);
    try {
      const body = new FormData();
      body.set("file", file);
      const response = await fetch("/api/v1/media", { method: "POST", body });
      const json = await response.json();
      if (!response.ok) return setError(json.error?.message ?? t("uploadFailed"));
      if (json.kind !== kind)
        return setError(t("wrongKind", { file: file.name, actual: String(json.kind), expected: kind }));
      await queryClient.invalidateQueries({ queryKey: mediaKeys.list(kind) });
      onChange(json.id);
    } finally {
      setUploading(false);
    }
  };

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <FileDropZone
          id={`${id}-upload`}
          compact
          label={uploading ? t("uploading") : t("upload", { kind })}
          accept={rule.types.join(",")}
          disabled={disabled || uploading}
          describedBy={`${id}-hint`}
          onFile={(file) => void upload(file)}
        />
        <span id={`${id}-hint`} className="text-xs text-muted">
          {t(`hint.${kind}`)}
        </span>
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      {media.data && media.data.length === 0 && <p className="text-sm text-muted">{t("empty", { kind })}</p>}
      <div role="radiogroup" aria-label={t("library", { kind })} className="grid grid-cols-3 gap-2 sm:grid-cols-4">
        {media.data?.map((item) => (
          <button
            key={item.id}
            type="button"
            role="radio"
            aria-checked={value === item.id}
            aria-label={item.fileName}
            disabled={disabled}
            onClick={() => onChange(item.id)}
            className={cn(
              "overflow-hidden rounded-md border-2 text-left",
              value === item.id ? "border-brand-600" : "border-transparent hover:border-line",
            )}
          >
            {kind === "IMAGE" ? (
              // eslint-disable-next-line @next/next/no-img-element -- a private, authenticated thumbnail
              <img src={mediaUrl(item.id, true)} alt="" className="h-20 w-full bg-gray-100 object-cover" />
            ) : (
              <span className="flex h-20 items-center justify-center bg-gray-100 text-muted">
                {kind === "VIDEO" ? (
                  <Video className="size-6" aria-hidden />
                ) : (
                  <FileText className="size-6" aria-hidden />
                )}
              </span>
            )}
            <span className="block truncate px-1 py-0.5 text-xs">{item.fileName}</span>
          </button>
        ))}
      </div>
    </div>
  );
}
