import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { TemplateStatus } from "@/lib/db/generated/enums";

const TONES: Partial<Record<TemplateStatus, "green" | "amber" | "red" | "blue" | "neutral">> = {
  APPROVED: "green",
  PENDING: "amber",
  IN_APPEAL: "amber",
  REJECTED: "red",
  DISABLED: "red",
  PAUSED: "amber",
  DRAFT: "blue",
};

export function TemplateStatusBadge({ status, reason }: { status: TemplateStatus; reason?: string | null }) {
  const t = useTranslations("templates.status");
  return (
    <span className="inline-flex items-center gap-2">
      <Badge tone={TONES[status] ?? "neutral"}>{t(status)}</Badge>
      {status === "REJECTED" && reason && <span className="text-xs text-red-700">{reason}</span>}
    </span>
  );
}
