"use client";
// Deleting a segment, after a confirmation that says what it changes (loaded after the page is up:
// delete-segment-button.tsx).
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { deleteSegmentAction } from "@/app/(dashboard)/audiences/segments/actions";
import { toast } from "@/components/ui/toast";
import { Dialog, DialogConfirm, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import type { Outcome } from "@/components/ui/status-message";
import { DeleteSegmentTrigger, type DeleteSegmentButtonProps } from "./delete-segment-button";

export default function DeleteSegmentButtonView({ id, name }: DeleteSegmentButtonProps) {
  const t = useTranslations("audiences.segments.delete");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [outcome, setOutcome] = useState<Outcome>(null);

  const remove = () =>
    start(async () => {
      setOutcome(null);
      const result = await deleteSegmentAction({ id });
      if (!result.ok) return setOutcome({ ok: false, text: result.error.message });
      toast(t("deleted", { name }));
      router.push("/audiences/segments");
      router.refresh();
    });

  return (
    <Dialog onOpenChange={() => setOutcome(null)}>
      <DialogTrigger asChild>
        <DeleteSegmentTrigger />
      </DialogTrigger>
      <DialogContent title={t("title", { name })} description={t("description")}>
        <DialogConfirm
          outcome={outcome}
          pending={pending}
          onConfirm={remove}
          confirmLabel={t("confirm")}
          pendingLabel={t("pending")}
          cancelLabel={t("cancel")}
        />
      </DialogContent>
    </Dialog>
  );
}
