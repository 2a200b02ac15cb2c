import { CheckCircle2 } from "lucide-react";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { Need } from "@/lib/home/service";

/** What someone should look at, each a link to the page where it is handled; a calm line when nothing is. */
export function NeedsList({ needs }: { needs: Need[] }) {
  return (
    <section aria-labelledby="home-needs">
      <h2 id="home-needs" className="mb-3 text-lg font-semibold">
        Needs someone
      </h2>
      {needs.length === 0 ? (
        <Card className="flex items-center gap-3 p-4 text-sm text-muted">
          <CheckCircle2 className="size-5 text-green-600" aria-hidden />
          Nothing needs you right now. Enjoy the quiet.
        </Card>
      ) : (
        <Card>
          <ul className="divide-y divide-line">
            {needs.map((need) => (
              <li key={`${need.kind}:${need.href}:${need.title}`} className="p-4 wrap-anywhere">
                <Link href={need.href} className="font-medium text-brand-700 hover:underline">
                  {need.title}
                </Link>
                <p className="mt-1 text-sm text-muted">{need.detail}</p>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </section>
  );
}
