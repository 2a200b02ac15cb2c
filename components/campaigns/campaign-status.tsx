import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { CampaignStatus } from "@/lib/db/generated/enums";

const TONE: Record<CampaignStatus, "neutral" | "green" | "amber" | "red" | "blue"> = {
  DRAFT: "neutral",
  AWAITING_APPROVAL: "amber",
  SCHEDULED: "blue",
  SENDING: "green",
  PAUSED: "amber",
  COMPLETED: "green",
  CANCELLED: "red",
};

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  const t = useTranslations("campaigns.status");
  return <Badge tone={TONE[status]}>{t(status)}</Badge>;
}
