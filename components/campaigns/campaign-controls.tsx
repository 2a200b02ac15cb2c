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
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Input, Label } from "@/components/ui/input";
import { StatusMessage } from "@/components/ui/status-message";
import type { CampaignStatus } from "@/lib/db/generated/enums";
import { useFormat } from "@/lib/i18n/format";

/** What the launch dialog says before anything goes: who gets it, who is skipped, what it costs, when. */
type LaunchSummary = { recipients: number; skipped: number; cost: string; scheduled: boolean };
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
  const format = useFormat();
  const { run, pending, outcome } = useActionRun();
  const [reason, setReason] = useState("");

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        {canEdit && status === "DRAFT" && (
          <>
            <Dialog>
              <DialogTrigger asChild>
                <Button disabled={pending || blocked}>{requireApproval ? t("requestApproval") : t("launch")}</Button>
              </DialogTrigger>
              <DialogContent
                title={requireApproval ? t("dialogApprovalTitle") : t("dialogLaunchTitle")}
                description={requireApproval ? t("dialogApprovalDescription") : t("dialogLaunchDescription")}
              >
                <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
                  <dt className="text-muted">{t("recipients")}</dt>
                  <dd className="font-medium tabular-nums">{format.number(launch.recipients)}</dd>
                  <dt className="text-muted">{t("skipped")}</dt>
                  <dd className="tabular-nums">{format.number(launch.skipped)}</dd>
                  <dt className="text-muted">{t("cost")}</dt>
                  <dd className="font-medium tabular-nums">{launch.cost}</dd>
                  <dt className="text-muted">{t("sending")}</dt>
                  <dd>
                    {requireApproval
                      ? t(launch.scheduled ? "whenApprovalScheduled" : "whenApprovalNow")
                      : t(launch.scheduled ? "whenScheduled" : "whenNow")}
                  </dd>
                </dl>
                <p className="mt-3 text-xs text-muted">{t("recheck")}</p>
                <div className="mt-5 flex justify-end gap-2">
                  <DialogClose asChild>
                    <Button variant="secondary">{t("notYet")}</Button>
                  </DialogClose>
                  <DialogClose asChild>
                    <Button
                      disabled={pending}
                      onClick={() =>
                        run(() => launchCampaignAction({ id }), requireApproval ? t("sentForApproval") : t("launched"))
                      }
                    >
                      {requireApproval
                        ? t("confirmApproval", { count: format.number(launch.recipients) })
                        : t("confirmLaunch", { count: launch.recipients })}
                    </Button>
                  </DialogClose>
                </div>
              </DialogContent>
            </Dialog>
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
