"use client";
import { CheckCircle2, PlugZap } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { testConnectionAction } from "@/app/(dashboard)/settings/whatsapp/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { StatusMessage } from "@/components/ui/status-message";
import { useFormat } from "@/lib/i18n/format";
import type { AccountSummary } from "@/lib/whatsapp/accounts";
import { GraphVersionNotice } from "./graph-version-notice";
import { useNumberWords } from "./use-number-words";

/** `now`: the instant the page was made, so the version's standing reads the same on server and browser. */
export function ConnectionSummary({ account, now }: { account: AccountSummary; now: string }) {
  const t = useTranslations("settings.whatsapp.summary");
  const format = useFormat();
  const words = useNumberWords();
  const [pending, start] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const test = () =>
    start(async () => {
      const response = await testConnectionAction({});
      setResult(
        response.ok
          ? {
              ok: true,
              text: t("testOk", {
                name: response.data.verifiedName ?? t("testOkNumber"),
                number: response.data.displayPhoneNumber ?? "",
                quality: words.quality(response.data.quality),
              }),
            }
          : { ok: false, text: response.error.message },
      );
    });

  const facts: [string, string | number | null][] = [
    [t("phoneNumber"), account.displayPhoneNumber],
    [t("phoneNumberId"), account.phoneNumberId],
    [t("wabaId"), account.wabaId],
    [t("accessToken"), account.accessTokenMasked],
    [t("quality"), words.quality(account.qualityRating)],
    [t("throughput"), t("throughputValue", { rate: format.number(account.throughputPerSecond) })],
    [t("messagingLimit"), words.portfolioLimit(account.messagingLimitTier)],
    [t("marketingMessages"), words.marketingRoute(account.marketingMessagesStatus)],
    [t("api"), account.graphApiBase],
    [t("version"), account.graphApiVersion],
  ];
  return (
    <Card className="p-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="flex items-center gap-3">
          <CheckCircle2 className="size-6 text-brand-600" aria-hidden />
          <div>
            <h2 className="font-semibold">
              {account.displayPhoneNumber ? t("connectedAs", { number: account.displayPhoneNumber }) : t("connected")}
            </h2>
            <p className="text-sm text-muted">{t("tokensHint")}</p>
          </div>
          {account.isSandbox && <Badge tone="blue">{t("sandbox")}</Badge>}
        </div>
        <Button variant="secondary" onClick={test} disabled={pending}>
          <PlugZap className="size-4" aria-hidden /> {pending ? t("testing") : t("test")}
        </Button>
      </div>
      <StatusMessage outcome={result} boxed className="mt-4" />
      <div className="mt-4">
        <GraphVersionNotice version={account.graphApiVersion} now={now} />
      </div>
      <dl className="mt-6 grid gap-x-8 gap-y-4 sm:grid-cols-2 lg:grid-cols-4">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs text-muted uppercase">{label}</dt>
            <dd className="mt-1 text-sm font-medium wrap-anywhere">{value ?? "—"}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
