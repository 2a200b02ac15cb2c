"use client";
// Deleting an endpoint asks first (loaded after the page is up: endpoint-card.tsx).
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { deleteEndpointAction } from "@/app/(dashboard)/settings/webhooks/actions";
import { Button } from "@/components/ui/button";
import { Dialog, DialogConfirm, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import type { Outcome } from "@/components/ui/status-message";

export type DeleteEndpointDialogProps = { endpoint: { id: string; url: string } };

export default function DeleteEndpointDialogView({ endpoint }: DeleteEndpointDialogProps) {
  const t = useTranslations("settings.webhooks.delete");
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [pending, startTransition] = useTransition();
  return (
    <Dialog onOpenChange={() => setOutcome(null)}>
      <DialogTrigger asChild>
        <Button variant="danger" size="sm">
          {t("trigger")}
        </Button>
      </DialogTrigger>
      <DialogContent title={t("title")} description={t("description", { url: endpoint.url })}>
        <DialogConfirm
          outcome={outcome}
          pending={pending}
          confirmLabel={t("confirm")}
          pendingLabel={t("pending")}
          onConfirm={() =>
            startTransition(async () => {
              const result = await deleteEndpointAction({ id: endpoint.id });
              if (!result.ok) setOutcome({ ok: false, text: result.error.message });
            })
          }
        />
      </DialogContent>
    </Dialog>
  );
}
