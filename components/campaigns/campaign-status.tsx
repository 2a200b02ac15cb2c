import { Badge } from "@/components/ui/badge";
import type { CampaignStatus } from "@/lib/db/generated/enums";

const LOOK: Record<CampaignStatus, { label: string; tone: "neutral" | "green" | "amber" | "red" | "blue" }> = {
  DRAFT: { label: "Draft", tone: "neutral" },
  AWAITING_APPROVAL: { label: "Awaiting approval", tone: "amber" },
  SCHEDULED: { label: "Scheduled", tone: "blue" },
  SENDING: { label: "Sending", tone: "green" },
  PAUSED: { label: "Paused", tone: "amber" },
  COMPLETED: { label: "Completed", tone: "green" },
  CANCELLED: { label: "Cancelled", tone: "red" },
};

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  return <Badge tone={LOOK[status].tone}>{LOOK[status].label}</Badge>;
}
