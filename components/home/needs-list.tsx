import { CheckCircle2 } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { translateMessage } from "@/lib/i18n/message-key";
import type { Need } from "@/lib/home/service";

/** What someone should look at, each a link to the page where it is handled; a calm line when nothing is. */
export function NeedsList({ needs }: { needs: Need[] }) {
  const t = useTranslations("home.needs");
  // lib/home writes each need's title and detail as message keys (lib/i18n/message-key.ts).
  const message = useTranslations();
  return (
    <section aria-labelledby="home-needs">
      <h2 id="home-needs" className="mb-3 text-lg font-semibold">
        {t("title")}
      </h2>
      {needs.length === 0 ? (
        <Card className="flex items-center gap-3 p-4 text-sm text-muted">
          <CheckCircle2 className="size-5 text-green-600" aria-hidden />
          {t("none")}
        </Card>
      ) : (
        <Card>
          <ul className="divide-y divide-line">
            {needs.map((need) => (
              <li key={`${need.kind}:${need.href}:${need.title}`} className="p-4 wrap-anywhere">
                <Link href={need.href} className="font-medium text-brand-700 hover:underline">
                  {translateMessage(message, need.title)}
                </Link>
                <p className="mt-1 text-sm text-muted">{translateMessage(message, need.detail)}</p>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </section>
  );
}
