"use client";
// The endpoint's signing secret: hidden until an admin asks (each reveal is audited), and rotated on demand.
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { revealSecretAction } from "@/app/(dashboard)/settings/webhooks/actions";
import { CopyButton } from "@/components/api-keys/copy-button";
import { Button } from "@/components/ui/button";
import { deferred } from "@/components/ui/deferred";
import { Input, Label } from "@/components/ui/input";
import { StatusMessage, type Outcome } from "@/components/ui/status-message";

/** Drawn with the page, inert until the dialog's code (Radix Dialog), loaded after the page is up, is there. */
const RotateSecretDialog = deferred(
  () => import("./rotate-secret-dialog-view"),
  function RotateSecretStandIn() {
    const t = useTranslations("settings.webhooks.secret");
    return (
      <Button variant="secondary" size="sm" disabled>
        {t("rotate")}
      </Button>
    );
  },
);

export function SigningSecret({ endpointId }: { endpointId: string }) {
  const t = useTranslations("settings.webhooks.secret");
  const [secret, setSecret] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [pending, startTransition] = useTransition();
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
        <RotateSecretDialog
          endpointId={endpointId}
          onRotated={(rotated) => {
            setSecret(rotated);
            setOutcome({ ok: true, text: t("rotated") });
          }}
        />
      </div>
      <p id={`${inputId}-hint`} className="mt-1 text-xs text-muted">
        {t.rich("hint", { code: (chunks) => <code>{chunks}</code> })}
      </p>
      <StatusMessage outcome={outcome} />
    </div>
  );
}
