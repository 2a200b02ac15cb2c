"use client";
// The endpoint's signing secret: hidden until an admin asks (each reveal is audited), and rotated on demand.
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { revealSecretAction, rotateSecretAction } from "@/app/(dashboard)/settings/webhooks/actions";
import { CopyButton } from "@/components/api-keys/copy-button";
import { Button } from "@/components/ui/button";
import { Dialog, DialogConfirm, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Input, Label } from "@/components/ui/input";
import { StatusMessage, type Outcome } from "@/components/ui/status-message";

export function SigningSecret({ endpointId }: { endpointId: string }) {
  const t = useTranslations("settings.webhooks.secret");
  const [secret, setSecret] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [pending, startTransition] = useTransition();
  const [rotateOutcome, setRotateOutcome] = useState<Outcome>(null);
  const [rotateOpen, setRotateOpen] = useState(false);
  const inputId = `secret-${endpointId}`;

  return (
    <div>
      <Label htmlFor={inputId}>{t("label")}</Label>
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
            <CopyButton text={secret} label={t("copy")} />
            <Button variant="secondary" size="sm" onClick={() => setSecret(null)}>
              {t("hide")}
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
            {t("reveal")}
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
              {t("rotate")}
            </Button>
          </DialogTrigger>
          <DialogContent title={t("rotateTitle")} description={t("rotateDescription")}>
            <DialogConfirm
              outcome={rotateOutcome}
              pending={pending}
              confirmLabel={t("rotateConfirm")}
              pendingLabel={t("rotating")}
              onConfirm={() =>
                startTransition(async () => {
                  const result = await rotateSecretAction({ id: endpointId });
                  if (!result.ok) return setRotateOutcome({ ok: false, text: result.error.message });
                  setSecret(result.data.secret);
                  setRotateOpen(false);
                  setOutcome({ ok: true, text: t("rotated") });
                })
              }
            />
          </DialogContent>
        </Dialog>
      </div>
      <p id={`${inputId}-hint`} className="mt-1 text-xs text-muted">
        {t.rich("hint", { code: (chunks) => <code>{chunks}</code> })}
      </p>
      <StatusMessage outcome={outcome} />
    </div>
  );
}
