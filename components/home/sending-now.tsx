import Link from "next/link";
import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { ProgressBar } from "@/components/ui/progress";
import { useFormat } from "@/lib/i18n/format";
import type { SendingCampaign } from "@/lib/home/service";

/** Campaigns on their way out, each with its progress and a link to its live report. */
export function SendingNow({ campaigns }: { campaigns: SendingCampaign[] }) {
  const t = useTranslations("home.sending");
  const format = useFormat();
  return (
    <section aria-labelledby="home-sending">
      <h2 id="home-sending" className="mb-3 text-lg font-semibold">
        {t("title")}
      </h2>
      {campaigns.length === 0 ? (
        <Card className="p-4 text-sm text-muted">{t("none")}</Card>
      ) : (
        <ul className="grid gap-3 md:grid-cols-2">
          {campaigns.map((c) => (
            <li key={c.id} className="wrap-anywhere">
              <Card className="p-4">
                <Link href={`/campaigns/${c.id}`} className="font-medium text-brand-700 hover:underline">
                  {c.name}
                </Link>
                <div className="mt-3">
                  <ProgressBar label={t("progress")} value={c.total > 0 ? Math.min(1, c.sent / c.total) : 0} />
                  <p className="mt-1 text-xs text-muted">
                    {t("count", { sent: format.number(c.sent), total: format.number(c.total) })}
                  </p>
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
