"use client";
// Rotating a signing secret asks first (loaded after the page is up: signing-secret.tsx).
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { rotateSecretAction } from "@/app/(dashboard)/settings/webhooks/actions";
import { Button } from "@/components/ui/button";
import { Dialog, DialogConfirm, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import type { Outcome } from "@/components/ui/status-message";

export type RotateSecretDialogProps = { endpointId: string; onRotated: (secret: string) => void };

export default function RotateSecretDialogView({ endpointId, onRotated }: RotateSecretDialogProps) {
  const t = useTranslations("settings.webhooks.secret");
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setOutcome(null);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm">
          {t("rotate")}
        </Button>
      </DialogTrigger>
      <DialogContent title={t("rotateTitle")} description={t("rotateDescription")}>
        <DialogConfirm
          outcome={outcome}
          pending={pending}
          confirmLabel={t("rotateConfirm")}
          pendingLabel={t("rotating")}
          onConfirm={() =>
            startTransition(async () => {
              const result = await rotateSecretAction({ id: endpointId });
              if (!result.ok) return setOutcome({ ok: false, text: result.error.message });
              setOpen(false);
              onRotated(result.data.secret);
            })
          }
        />
      </DialogContent>
    </Dialog>
  );
}
