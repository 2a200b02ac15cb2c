"use client";
// Revoking is asked first: the key stops working on its very next call, and cannot be brought back (loaded
// after the page is up: revoke-api-key-dialog.tsx).
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { revokeApiKeyAction } from "@/app/(dashboard)/settings/api/actions";
import { Dialog, DialogConfirm, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import type { Outcome } from "@/components/ui/status-message";
import { RevokeApiKeyButton, type RevokeApiKeyDialogProps } from "./revoke-api-key-dialog";

export default function RevokeApiKeyDialogView({ id, name, prefix }: RevokeApiKeyDialogProps) {
  const t = useTranslations("settings.api.revoke");
  const [open, setOpen] = useState(false);
  const [pending, start] = useTransition();
  const [outcome, setOutcome] = useState<Outcome>(null);

  const revoke = () =>
    start(async () => {
      setOutcome(null);
      const result = await revokeApiKeyAction({ id });
      if (!result.ok) return setOutcome({ ok: false, text: result.error.message });
      setOpen(false);
    });

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setOutcome(null);
      }}
    >
      <DialogTrigger asChild>
        <RevokeApiKeyButton name={name} />
      </DialogTrigger>
      <DialogContent title={t("title", { name })} description={t("description", { prefix })}>
        <DialogConfirm
          outcome={outcome}
          pending={pending}
          onConfirm={revoke}
          confirmLabel={t("confirm")}
          pendingLabel={t("pending")}
        />
      </DialogContent>
    </Dialog>
  );
}
