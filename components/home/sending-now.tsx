import Link from "next/link";
import { Card } from "@/components/ui/card";
import { ProgressBar } from "@/components/ui/progress";
import { formatNumber } from "@/lib/format";
import type { SendingCampaign } from "@/lib/home/service";

/** Campaigns on their way out, each with its progress and a link to its live report. */
export function SendingNow({ campaigns }: { campaigns: SendingCampaign[] }) {
  return (
    <section aria-labelledby="home-sending">
      <h2 id="home-sending" className="mb-3 text-lg font-semibold">
        Sending now
      </h2>
      {campaigns.length === 0 ? (
        <Card className="p-4 text-sm text-muted">No campaign is sending right now.</Card>
      ) : (
        <ul className="grid gap-3 md:grid-cols-2">
          {campaigns.map((c) => (
            <li key={c.id} className="wrap-anywhere">
              <Card className="p-4">
                <Link href={`/campaigns/${c.id}`} className="font-medium text-brand-700 hover:underline">
                  {c.name}
                </Link>
                <div className="mt-3">
                  <ProgressBar label="Sent" value={c.total > 0 ? Math.min(1, c.sent / c.total) : 0} />
                  <p className="mt-1 text-xs text-muted">
                    {formatNumber(c.sent)} of {formatNumber(c.total)} sent
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
