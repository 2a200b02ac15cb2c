"use client";
// An admin gives a member a one-time password: asked first, then shown once.
import { KeyRound } from "lucide-react";
import { useState, useTransition } from "react";
import { resetPasswordAction } from "@/app/(dashboard)/settings/users/actions";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogConfirm, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import type { Outcome } from "@/components/ui/status-message";

export function ResetPasswordDialog({ userId, name, email }: { userId: string; name: string; email: string }) {
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
        <Button variant="ghost" size="sm">
          <KeyRound className="size-4" aria-hidden /> Reset password<span className="sr-only"> of {name}</span>
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`Reset the password of ${name}?`}
        description="Their current password stops working and they are signed out everywhere. They sign in with a one-time password you give them, then choose their own under Your account."
      >
        {password ? (
          <div role="status" className="space-y-3 text-sm">
            <p>
              <strong>{email}</strong> can sign in with this one-time password (shown only now, share it securely):{" "}
              <code className="rounded bg-gray-100 px-2 py-1 font-mono" data-testid="temporary-password">
                {password}
              </code>
            </p>
            <DialogClose asChild>
              <Button variant="secondary">Done</Button>
            </DialogClose>
          </div>
        ) : (
          <DialogConfirm
            outcome={outcome}
            pending={pending}
            onConfirm={reset}
            confirmLabel="Reset password"
            pendingLabel="Resetting…"
          />
        )}
      </DialogContent>
    </Dialog>
  );
}
