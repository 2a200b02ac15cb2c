"use client";
// An admin gives a member a one-time password: asked first, then shown once (loaded after the page is up:
// reset-password-dialog.tsx).
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { resetPasswordAction } from "@/app/(dashboard)/settings/users/actions";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogConfirm, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import type { Outcome } from "@/components/ui/status-message";
import { ResetPasswordButton, type ResetPasswordDialogProps } from "./reset-password-dialog";

export default function ResetPasswordDialogView({ userId, name, email }: ResetPasswordDialogProps) {
  const t = useTranslations("settings.users.reset");
  const [pending, start] = useTransition();
  const [password, setPassword] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const reset = () =>
    start(async () => {
      setOutcome(null);
      const result = await resetPasswordAction({ userId });
      if (!result.ok) return setOutcome({ ok: false, text: result.error.message });
      setPassword(result.data.temporaryPassword);
    });

  return (
    <Dialog
      onOpenChange={(open) => {
        if (!open) {
          setPassword(null);
          setOutcome(null);
        }
      }}
    >
      <DialogTrigger asChild>
        <ResetPasswordButton name={name} />
      </DialogTrigger>
      <DialogContent title={t("title", { name })} description={t("description")}>
        {password ? (
          <div role="status" className="space-y-3 text-sm">
            <p>
              {t.rich("done", { email, strong: (chunks) => <strong>{chunks}</strong> })}{" "}
              <code className="rounded bg-gray-100 px-2 py-1 font-mono" data-testid="temporary-password">
                {password}
              </code>
            </p>
            <DialogClose asChild>
              <Button variant="secondary">{t("close")}</Button>
            </DialogClose>
          </div>
        ) : (
          <DialogConfirm
            outcome={outcome}
            pending={pending}
            onConfirm={reset}
            confirmLabel={t("confirm")}
            pendingLabel={t("pending")}
          />
        )}
      </DialogContent>
    </Dialog>
  );
}
