"use client";
// The endpoint's signing secret: hidden until an admin asks (each reveal is audited), and rotated on demand.
import { useState, useTransition } from "react";
import { revealSecretAction, rotateSecretAction } from "@/app/(dashboard)/settings/webhooks/actions";
import { CopyButton } from "@/components/api-keys/copy-button";
import { Button } from "@/components/ui/button";
import { Dialog, DialogConfirm, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Input, Label } from "@/components/ui/input";
import { StatusMessage, type Outcome } from "@/components/ui/status-message";

export function SigningSecret({ endpointId }: { endpointId: string }) {
  const [secret, setSecret] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [pending, startTransition] = useTransition();
  const [rotateOutcome, setRotateOutcome] = useState<Outcome>(null);
  const [rotateOpen, setRotateOpen] = useState(false);
  const inputId = `secret-${endpointId}`;

  return (
    <div>
      <Label htmlFor={inputId}>Signing secret</Label>
      <div className="flex flex-wrap items-center gap-2">
        <Input
          id={inputId}
          readOnly
          value={secret ?? "whsec_••••••••••••••••••••••••"}
          className="max-w-md font-mono text-xs"
          aria-describedby={`${inputId}-hint`}
          onFocus={(e) => e.currentTarget.select()}
        />
        {secret ? (
          <>
            <CopyButton text={secret} label="Copy secret" />
            <Button variant="secondary" size="sm" onClick={() => setSecret(null)}>
              Hide
            </Button>
          </>
        ) : (
          <Button
            variant="secondary"
            size="sm"
            disabled={pending}
            onClick={() =>
              startTransition(async () => {
                const result = await revealSecretAction({ id: endpointId });
                if (result.ok) setSecret(result.data.secret);
                setOutcome(result.ok ? null : { ok: false, text: result.error.message });
              })
            }
          >
            Reveal
          </Button>
        )}
        <Dialog
          open={rotateOpen}
          onOpenChange={(next) => {
            setRotateOpen(next);
            setRotateOutcome(null);
          }}
        >
          <DialogTrigger asChild>
            <Button variant="secondary" size="sm">
              Rotate
            </Button>
          </DialogTrigger>
          <DialogContent
            title="Rotate the signing secret?"
            description="Every request from now on is signed with a new secret, and the old one stops verifying at once. Give your receiver the new secret straight away, or it will refuse Parley's requests."
          >
            <DialogConfirm
              outcome={rotateOutcome}
              pending={pending}
              confirmLabel="Rotate secret"
              pendingLabel="Rotating…"
              onConfirm={() =>
                startTransition(async () => {
                  const result = await rotateSecretAction({ id: endpointId });
                  if (!result.ok) return setRotateOutcome({ ok: false, text: result.error.message });
                  setSecret(result.data.secret);
                  setRotateOpen(false);
                  setOutcome({ ok: true, text: "A new secret is in use. Copy it into your receiver now." });
                })
              }
            />
          </DialogContent>
        </Dialog>
      </div>
      <p id={`${inputId}-hint`} className="mt-1 text-xs text-muted">
        Your receiver verifies each request&apos;s <code>webhook-signature</code> header with this secret (any Standard
        Webhooks library does it). Revealing it is recorded in the audit log.
      </p>
      <StatusMessage outcome={outcome} />
    </div>
  );
}
