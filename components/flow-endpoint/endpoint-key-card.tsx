"use client";
// The Flows endpoint's key pair and URL: generate a key pair (only the public key ever reaches the browser),
// register it with WhatsApp, and copy the URL to give Meta as the Flow's endpoint.
import { useTranslations } from "next-intl";
import { generateEndpointKeyAction, registerEndpointKeyAction } from "@/app/(dashboard)/settings/flows/actions";
import { CopyButton } from "@/components/api-keys/copy-button";
import { useActionRun } from "@/components/forms/use-action-run";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input, Label } from "@/components/ui/input";
import { LocalTime } from "@/components/ui/local-time";
import { StatusMessage } from "@/components/ui/status-message";

type Props = { url: string; publicKeyPem: string | null; createdAt: string | null; registeredAt: string | null };

export function EndpointKeyCard({ url, publicKeyPem, createdAt, registeredAt }: Props) {
  const t = useTranslations("flowEndpoint");
  // The actions revalidate this page themselves.
  const { run, pending, outcome } = useActionRun({ refresh: false });

  return (
    <>
      <Card className="space-y-3 p-6">
        <h2 className="font-semibold">{t("endpoint.heading")}</h2>
        <p id="endpoint-url-hint" className="text-sm text-muted">
          {t("endpoint.explain")}
        </p>
        <Label htmlFor="endpoint-url">{t("endpoint.label")}</Label>
        <div className="flex flex-wrap items-center gap-2">
          <Input
            id="endpoint-url"
            readOnly
            value={url}
            className="max-w-xl font-mono text-xs"
            aria-describedby="endpoint-url-hint"
            onFocus={(e) => e.currentTarget.select()}
          />
          <CopyButton text={url} label={t("endpoint.copy")} />
        </div>
      </Card>

      <Card className="space-y-3 p-6">
        <h2 className="font-semibold">{t("key.heading")}</h2>
        <p className="text-sm text-muted">{t("key.explain")}</p>
        {publicKeyPem ? (
          <>
            <Label htmlFor="public-key">{t("key.publicKey")}</Label>
            <textarea
              id="public-key"
              readOnly
              rows={9}
              value={publicKeyPem}
              className="block w-full max-w-xl rounded-md border border-gray-200 bg-gray-100 p-2 font-mono text-xs"
            />
            <div className="flex flex-wrap gap-2">
              <CopyButton text={publicKeyPem} label={t("key.copy")} />
            </div>
            <ul className="space-y-1 text-sm">
              {createdAt && <li>{t.rich("key.created", { date: () => <LocalTime value={createdAt} /> })}</li>}
              <li>
                {registeredAt ? (
                  t.rich("key.registered", { date: () => <LocalTime value={registeredAt} /> })
                ) : (
                  <span className="font-medium text-amber-800">{t("key.notRegistered")}</span>
                )}
              </li>
            </ul>
          </>
        ) : (
          <p className="text-sm">{t("key.none")}</p>
        )}
        <div className="flex flex-wrap items-center gap-3">
          {publicKeyPem && (
            <Button
              type="button"
              disabled={pending}
              onClick={() => run(() => registerEndpointKeyAction({}), t("key.registeredNow"))}
            >
              {pending ? t("key.registering") : t("key.register")}
            </Button>
          )}
          <Button
            type="button"
            variant={publicKeyPem ? "secondary" : "primary"}
            disabled={pending}
            aria-describedby={publicKeyPem ? "replace-warning" : undefined}
            onClick={() => run(() => generateEndpointKeyAction({}), t("key.generated"))}
          >
            {pending ? t("key.generating") : publicKeyPem ? t("key.regenerate") : t("key.generate")}
          </Button>
          <StatusMessage outcome={outcome} />
        </div>
        {publicKeyPem && (
          <p id="replace-warning" className="text-xs text-muted">
            {t("key.replaceWarning")}
          </p>
        )}
      </Card>
    </>
  );
}
