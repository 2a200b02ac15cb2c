"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import {
  approveCampaignAction,
  cancelCampaignAction,
  deleteCampaignAction,
  launchCampaignAction,
  pauseCampaignAction,
  rejectCampaignAction,
  resumeCampaignAction,
} from "@/app/(dashboard)/campaigns/actions";
import { useActionRun } from "@/components/forms/use-action-run";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input, Label } from "@/components/ui/input";
import { StatusMessage } from "@/components/ui/status-message";
import type { CampaignStatus } from "@/lib/db/generated/enums";
import { LaunchDialog, type LaunchSummary } from "./launch-dialog";

type Props = {
  id: string;
  status: CampaignStatus;
  canEdit: boolean;
  canApprove: boolean;
  blocked: boolean;
  requireApproval: boolean;
  launch: LaunchSummary;
};

/** The buttons that move a campaign on: launch, approve or send back, pause, resume, cancel. */
export function CampaignControls({ id, status, canEdit, canApprove, blocked, requireApproval, launch }: Props) {
  const router = useRouter();
  const t = useTranslations("campaigns.controls");
  const { run, pending, outcome } = useActionRun();
  const [reason, setReason] = useState("");

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        {canEdit && status === "DRAFT" && (
          <>
            <LaunchDialog
              requireApproval={requireApproval}
              launch={launch}
              disabled={pending || blocked}
              onLaunch={() =>
                run(() => launchCampaignAction({ id }), requireApproval ? t("sentForApproval") : t("launched"))
              }
            />
            <Button variant="secondary" disabled={pending} onClick={() => router.push(`/campaigns/${id}/edit`)}>
              {t("edit")}
            </Button>
            <ConfirmDialog
              trigger={
                <Button variant="secondary" disabled={pending}>
                  {t("delete")}
                </Button>
              }
              title={t("deleteConfirm")}
              confirmLabel={t("delete")}
              onConfirm={() =>
                run(
                  () => deleteCampaignAction({ id }),
                  t("deleted"),
                  () => router.push("/campaigns"),
                )
              }
            />
          </>
        )}
        {canApprove && status === "AWAITING_APPROVAL" && (
          <Button disabled={pending} onClick={() => run(() => approveCampaignAction({ id }), t("approved"))}>
            {t("approve")}
          </Button>
        )}
        {canEdit && (status === "SENDING" || status === "SCHEDULED") && (
          <Button
            variant="secondary"
            disabled={pending}
            onClick={() => run(() => pauseCampaignAction({ id }), t("paused"))}
          >
            {t("pause")}
          </Button>
        )}
        {canEdit && status === "PAUSED" && (
          <Button disabled={pending} onClick={() => run(() => resumeCampaignAction({ id }), t("resumed"))}>
            {t("resume")}
          </Button>
        )}
        {canEdit && ["SCHEDULED", "AWAITING_APPROVAL", "SENDING", "PAUSED"].includes(status) && (
          <ConfirmDialog
            trigger={
              <Button variant="secondary" disabled={pending}>
                {t("cancel")}
              </Button>
            }
            title={t("cancelConfirm")}
            confirmLabel={t("cancel")}
            onConfirm={() => run(() => cancelCampaignAction({ id }), t("cancelled"))}
          />
        )}
        <StatusMessage outcome={outcome} />
      </div>
      {canApprove && status === "AWAITING_APPROVAL" && (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            run(() => rejectCampaignAction({ id, reason }), t("sentBack"));
          }}
        >
          <div>
            <Label htmlFor="reject-reason">{t("sendBackLabel")}</Label>
            <Input id="reject-reason" className="w-80" value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
          <Button type="submit" variant="secondary" disabled={pending || !reason.trim()}>
            {t("sendBack")}
          </Button>
        </form>
      )}
    </div>
  );
}
