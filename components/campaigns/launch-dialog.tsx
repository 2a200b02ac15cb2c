"use client";
// Launch (or request approval): the button is drawn with the page; the dialog that says what is about to happen
// loads its code after the page is up (components/ui/deferred.tsx), the button inert until then.
import { useTranslations } from "next-intl";
import type { ComponentPropsWithRef } from "react";
import { Button } from "@/components/ui/button";
import { deferred } from "@/components/ui/deferred";

/** What the launch dialog says before anything goes: who gets it, who is skipped, what it costs, when. */
export type LaunchSummary = { recipients: number; skipped: number; cost: string; scheduled: boolean };
export type LaunchDialogProps = {
  requireApproval: boolean;
  launch: LaunchSummary;
  disabled: boolean;
  onLaunch: () => void;
};

export function LaunchButton({
  requireApproval,
  ...button
}: { requireApproval: boolean } & ComponentPropsWithRef<typeof Button>) {
  const t = useTranslations("campaigns.controls");
  return <Button {...button}>{requireApproval ? t("requestApproval") : t("launch")}</Button>;
}

export const LaunchDialog = deferred(
  () => import("./launch-dialog-view"),
  ({ requireApproval }: LaunchDialogProps) => <LaunchButton requireApproval={requireApproval} disabled />,
);
