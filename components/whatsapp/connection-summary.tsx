"use client";
import { CheckCircle2, PlugZap } from "lucide-react";
import { useState, useTransition } from "react";
import { testConnectionAction } from "@/app/(dashboard)/settings/whatsapp/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { StatusMessage } from "@/components/ui/status-message";
import type { AccountSummary } from "@/lib/whatsapp/accounts";

export function ConnectionSummary({ account }: { account: AccountSummary }) {
  const [pending, start] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const test = () =>
    start(async () => {
      const response = await testConnectionAction({});
      setResult(
        response.ok
          ? {
              ok: true,
              text: `Connected: ${response.data.verifiedName ?? "number"} ${response.data.displayPhoneNumber ?? ""}, quality ${response.data.quality ?? "unknown"}.`,
            }
          : { ok: false, text: response.error.message },
      );
    });

  const facts: [string, string | number | null][] = [
    ["Phone number", account.displayPhoneNumber],
    ["Phone number id", account.phoneNumberId],
    ["WhatsApp Business Account id", account.wabaId],
    ["Access token", account.accessTokenMasked],
    ["Quality rating", account.qualityRating ?? "Unknown"],
    ["Throughput", `${account.throughputPerSecond} messages/s`],
    ["Messaging limit", account.messagingLimitTier ?? "Unknown"],
    ["API", account.graphApiBase],
  ];
  return (
    <Card className="p-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="flex items-center gap-3">
          <CheckCircle2 className="size-6 text-brand-600" aria-hidden />
          <div>
            <h2 className="font-semibold">
              Connected{account.displayPhoneNumber ? ` as ${account.displayPhoneNumber}` : ""}
            </h2>
            <p className="text-sm text-muted">Tokens are stored encrypted (AES-256-GCM) and never shown again.</p>
          </div>
          {account.isSandbox && <Badge tone="blue">Sandbox: no real messages leave this machine</Badge>}
        </div>
        <Button variant="secondary" onClick={test} disabled={pending}>
          <PlugZap className="size-4" aria-hidden /> {pending ? "Testing…" : "Test connection"}
        </Button>
      </div>
      <StatusMessage outcome={result} boxed className="mt-4" />
      <dl className="mt-6 grid gap-x-8 gap-y-4 sm:grid-cols-2 lg:grid-cols-4">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs text-muted uppercase">{label}</dt>
            <dd className="mt-1 text-sm font-medium break-all">{value ?? "—"}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
