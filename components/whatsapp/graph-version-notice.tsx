"use client";
// Where the account's Graph API version stands, in words: a quiet line while Meta answers it, a warning
// from 90 days before its end, an error once it has ended (lib/whatsapp/graph-versions).
import { AlertTriangle, CircleX } from "lucide-react";
import { useTranslations } from "next-intl";
import { useFormat } from "@/lib/i18n/format";
import { versionStanding } from "@/lib/whatsapp/graph-versions";

export function GraphVersionNotice({ version, now }: { version: string; now: string }) {
  const t = useTranslations("settings.whatsapp.version");
  const format = useFormat();
  const standing = versionStanding(version, new Date(now));
  switch (standing.state) {
    case "current":
      return (
        <p className="text-sm text-muted">
          {standing.endsOn ? t("current", { version, date: format.day(standing.endsOn) }) : t("open", { version })}
        </p>
      );
    case "ending":
    case "unknown":
      return (
        <p role="status" className="flex items-start gap-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden />
          {standing.state === "ending"
            ? t("ending", { version, date: format.day(standing.endsOn), days: standing.daysLeft })
            : t("unknown", { version })}
        </p>
      );
    case "ended":
      return (
        <p role="alert" className="flex items-start gap-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          <CircleX className="mt-0.5 size-4 shrink-0" aria-hidden />
          {t("ended", { version, date: format.day(standing.endsOn) })}
        </p>
      );
  }
}
