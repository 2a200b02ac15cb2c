import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { FlowStatus } from "@/lib/db/generated/enums";

const TONE: Record<FlowStatus, "neutral" | "green" | "red"> = {
  DRAFT: "neutral",
  PUBLISHED: "green",
  DEPRECATED: "red",
};

export function FlowStatusBadge({ status }: { status: FlowStatus }) {
  const t = useTranslations("flows.status");
  return <Badge tone={TONE[status]}>{t(status)}</Badge>;
}
