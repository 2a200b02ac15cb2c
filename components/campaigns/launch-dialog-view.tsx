"use client";
// The launch dialog's view (components/campaigns/launch-dialog.tsx), a Radix Dialog.
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { useFormat } from "@/lib/i18n/format";
import { LaunchButton, type LaunchDialogProps } from "./launch-dialog";

export default function LaunchDialogView({ requireApproval, launch, disabled, onLaunch }: LaunchDialogProps) {
  const t = useTranslations("campaigns.controls");
  const format = useFormat();
  return (
    <Dialog>
      <DialogTrigger asChild>
        <LaunchButton requireApproval={requireApproval} disabled={disabled} />
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
            <Button disabled={disabled} onClick={onLaunch}>
              {requireApproval
                ? t("confirmApproval", { count: format.number(launch.recipients) })
                : t("confirmLaunch", { count: launch.recipients })}
            </Button>
          </DialogClose>
        </div>
      </DialogContent>
    </Dialog>
  );
}
