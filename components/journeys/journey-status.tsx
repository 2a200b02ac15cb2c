import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { JourneyStatus } from "@/lib/db/generated/enums";

const TONE: Record<JourneyStatus, "neutral" | "green" | "amber" | "red"> = {
  DRAFT: "neutral",
  LIVE: "green",
  PAUSED: "amber",
  STOPPED: "red",
};

export function JourneyStatusBadge({ status }: { status: JourneyStatus }) {
  const t = useTranslations("journeys.status");
  return <Badge tone={TONE[status]}>{t(status)}</Badge>;
}
