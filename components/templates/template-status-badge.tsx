import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { TemplateStatus } from "@/lib/db/generated/enums";
import { translateMessage } from "@/lib/i18n/message-key";
import { rejectionMessage } from "@/lib/templates/rejection";

const TONES: Partial<Record<TemplateStatus, "green" | "amber" | "red" | "blue" | "neutral">> = {
  APPROVED: "green",
  PENDING: "amber",
  IN_APPEAL: "amber",
  REJECTED: "red",
  DISABLED: "red",
  PAUSED: "amber",
  DRAFT: "blue",
};

/** A template's status in words; a rejected one's reason (when given, even empty) says what to do. */
export function TemplateStatusBadge({ status, reason }: { status: TemplateStatus; reason?: string | null }) {
  const t = useTranslations("templates.status");
  const tAll = useTranslations();
  return (
    <span className="inline-flex items-center gap-2">
      <Badge tone={TONES[status] ?? "neutral"}>{t(status)}</Badge>
      {status === "REJECTED" && reason !== undefined && (
        <span className="text-xs text-red-700">{translateMessage(tAll, rejectionMessage(reason))}</span>
      )}
    </span>
  );
}
