"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import {
  approveCampaignAction,
  cancelCampaignAction,
  deleteCampaignAction,
  launchCampaignAction,
  pauseCampaignAction,
  rejectCampaignAction,
  resumeCampaignAction,
} from "@/app/(dashboard)/campaigns/actions";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Input, Label } from "@/components/ui/input";
import { StatusMessage, type Outcome } from "@/components/ui/status-message";
import type { ActionResult } from "@/lib/actions/action";
import type { CampaignStatus } from "@/lib/db/generated/enums";
import { formatNumber } from "@/lib/format";

/** What the launch dialog says before anything goes: who gets it, who is skipped, what it costs, when. */
type LaunchSummary = { recipients: number; skipped: number; cost: string; when: string };
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
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [pending, start] = useTransition();
  const [reason, setReason] = useState("");

  const run = (act: () => Promise<ActionResult<unknown>>, done: string, after?: () => void) =>
    start(async () => {
      const result = await act();
      setOutcome(result.ok ? { ok: true, text: done } : { ok: false, text: result.error.message });
      if (result.ok) (after ?? router.refresh)();
    });

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        {canEdit && status === "DRAFT" && (
          <>
            <Dialog>
              <DialogTrigger asChild>
                <Button disabled={pending || blocked}>
                  {requireApproval ? "Request approval" : "Launch campaign"}
                </Button>
              </DialogTrigger>
              <DialogContent
                title={requireApproval ? "Send this campaign for approval?" : "Launch this campaign?"}
                description={
                  requireApproval
                    ? "A manager or admin approves it before anything is sent."
                    : "Messages start going out; you can pause or cancel while it sends."
                }
              >
                <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
                  <dt className="text-muted">Recipients</dt>
                  <dd className="font-medium tabular-nums">{formatNumber(launch.recipients)}</dd>
                  <dt className="text-muted">Skipped, with their reasons</dt>
                  <dd className="tabular-nums">{formatNumber(launch.skipped)}</dd>
                  <dt className="text-muted">Estimated cost</dt>
                  <dd className="font-medium tabular-nums">{launch.cost}</dd>
                  <dt className="text-muted">Sending</dt>
                  <dd>
                    {requireApproval ? "once approved, " : ""}
                    {launch.when}
                  </dd>
                </dl>
                <p className="mt-3 text-xs text-muted">
                  Consent and opt-outs are checked again for every message as it goes.
                </p>
                <div className="mt-5 flex justify-end gap-2">
                  <DialogClose asChild>
                    <Button variant="secondary">Not yet</Button>
                  </DialogClose>
                  <DialogClose asChild>
                    <Button
                      disabled={pending}
                      onClick={() =>
                        run(() => launchCampaignAction({ id }), requireApproval ? "Sent for approval." : "Launched.")
                      }
                    >
                      {requireApproval
                        ? `Request approval for ${formatNumber(launch.recipients)}`
                        : `Send to ${formatNumber(launch.recipients)} recipients`}
                    </Button>
                  </DialogClose>
                </div>
              </DialogContent>
            </Dialog>
            <Button variant="secondary" disabled={pending} onClick={() => router.push(`/campaigns/${id}/edit`)}>
              Edit
            </Button>
            <Button
              variant="secondary"
              disabled={pending}
              onClick={() =>
                confirm("Delete this draft?") &&
                run(
                  () => deleteCampaignAction({ id }),
                  "Deleted.",
                  () => router.push("/campaigns"),
                )
              }
            >
              Delete draft
            </Button>
          </>
        )}
        {canApprove && status === "AWAITING_APPROVAL" && (
          <Button
            disabled={pending}
            onClick={() =>
              run(() => approveCampaignAction({ id }), "Approved: the campaign goes at its scheduled time.")
            }
          >
            Approve and launch
          </Button>
        )}
        {canEdit && (status === "SENDING" || status === "SCHEDULED") && (
          <Button
            variant="secondary"
            disabled={pending}
            onClick={() => run(() => pauseCampaignAction({ id }), "Paused: nothing more is sent until you resume.")}
          >
            Pause
          </Button>
        )}
        {canEdit && status === "PAUSED" && (
          <Button disabled={pending} onClick={() => run(() => resumeCampaignAction({ id }), "Resumed.")}>
            Resume
          </Button>
        )}
        {canEdit && ["SCHEDULED", "AWAITING_APPROVAL", "SENDING", "PAUSED"].includes(status) && (
          <Button
            variant="secondary"
            disabled={pending}
            onClick={() =>
              confirm("Cancel this campaign? Messages not sent yet will not be sent.") &&
              run(() => cancelCampaignAction({ id }), "Cancelled.")
            }
          >
            Cancel campaign
          </Button>
        )}
        <StatusMessage outcome={outcome} />
      </div>
      {canApprove && status === "AWAITING_APPROVAL" && (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            run(() => rejectCampaignAction({ id, reason }), "Sent back to its author as a draft.");
          }}
        >
          <div>
            <Label htmlFor="reject-reason">Or send it back, saying what to change</Label>
            <Input id="reject-reason" className="w-80" value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
          <Button type="submit" variant="secondary" disabled={pending || !reason.trim()}>
            Send back
          </Button>
        </form>
      )}
    </div>
  );
}
