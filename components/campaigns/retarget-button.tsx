"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { retargetAction } from "@/app/(dashboard)/campaigns/actions";
import { Button } from "@/components/ui/button";
import { StatusMessage, type Outcome } from "@/components/ui/status-message";
import type { Stage } from "@/lib/campaigns/recipients";

/** Saves the people at this stage as a segment and opens it, ready for a follow-up campaign. */
export function RetargetButton({ id, stage }: { id: string; stage: Stage }) {
  const router = useRouter();
  const t = useTranslations("campaigns");
  const [pending, start] = useTransition();
  const [outcome, setOutcome] = useState<Outcome>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await retargetAction({ id, stage, stageName: t(`stage.${stage}`) });
            if (!result.ok) return setOutcome({ ok: false, text: result.error.message });
            router.push(`/audiences/segments/${result.data.id}`);
          })
        }
      >
        {t("recipients.retarget")}
      </Button>
      <StatusMessage outcome={outcome} />
    </span>
  );
}
