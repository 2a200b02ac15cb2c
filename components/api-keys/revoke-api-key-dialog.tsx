"use client";
// Revoking is asked first: the key stops working on its very next call, and cannot be brought back.
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { revokeApiKeyAction } from "@/app/(dashboard)/settings/api/actions";
import { Button } from "@/components/ui/button";
import { Dialog, DialogConfirm, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import type { Outcome } from "@/components/ui/status-message";

export function RevokeApiKeyDialog({ id, name, prefix }: { id: string; name: string; prefix: string }) {
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
        <Button variant="secondary" size="sm">
          {t.rich("trigger", { name, hidden: (chunks) => <span className="sr-only">{chunks}</span> })}
        </Button>
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
