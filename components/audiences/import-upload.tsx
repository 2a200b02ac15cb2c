"use client";
import { Upload } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FileDropZone } from "@/components/ui/file-drop-zone";
import { ProgressBar } from "@/components/ui/progress";
import { StatusMessage, type Outcome } from "@/components/ui/status-message";

/** Sends the file as the request body (streamed to disk by the server), with upload progress. */
function upload(
  file: File,
  onProgress: (fraction: number) => void,
  messages: { failed: string; interrupted: string },
): Promise<{ id: string }> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", `/api/v1/imports?name=${encodeURIComponent(file.name)}`);
    request.setRequestHeader("content-type", "text/csv");
    request.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    request.onload = () => {
      const body = JSON.parse(request.responseText || "{}");
      if (request.status === 201) resolve(body);
      else reject(new Error(body.error?.message ?? messages.failed));
    };
    request.onerror = () => reject(new Error(messages.interrupted));
    request.send(file);
  });
}

export function ImportUpload() {
  const t = useTranslations("audiences.import.upload");
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!file) return setOutcome({ ok: false, text: t("chooseFile") });
    setOutcome(null);
    setProgress(0);
    try {
      const { id } = await upload(file, setProgress, { failed: t("failed"), interrupted: t("interrupted") });
      router.push(`/audiences/contacts/import/${id}`);
    } catch (error) {
      setProgress(null);
      setOutcome({ ok: false, text: (error as Error).message });
    }
  };

  return (
    <Card className="p-6">
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <div>
          <FileDropZone
            id="import-file"
            label={t("file")}
            accept=".csv,.txt,text/csv"
            describedBy="import-file-hint"
            fileName={file?.name}
            disabled={progress !== null}
            onFile={setFile}
          />
          <p id="import-file-hint" className="mt-1 text-xs text-muted">
            {t("hint")}
          </p>
        </div>
        {progress !== null && <ProgressBar label={t("uploading")} value={progress} />}
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={progress !== null}>
            <Upload className="size-4" aria-hidden /> {t("submit")}
          </Button>
          <StatusMessage outcome={outcome} />
        </div>
      </form>
    </Card>
  );
}
