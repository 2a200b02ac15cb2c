"use client";
// The thread's messages in order, with a divider where a new day starts in the reader's time zone.
import { useNow, useTranslations } from "next-intl";
import { Fragment } from "react";
import type { TimelineItem } from "@/lib/inbox/queries";
import { useFormat } from "@/lib/i18n/format";
import { MessageBubble } from "./message-bubble";

const DAY_MS = 86_400_000;

export function Timeline({ items }: { items: TimelineItem[] }) {
  const t = useTranslations("inbox.thread");
  const format = useFormat();
  const now = useNow({ updateInterval: 60_000 });
  // format.date reads an instant in the reader's zone, so equal strings are the same local day.
  const today = format.date(now);
  const yesterday = format.date(new Date(now.getTime() - DAY_MS));
  const label = (day: string) => (day === today ? t("today") : day === yesterday ? t("yesterday") : day);
  const days = items.map((item) => format.date(item.at));
  return items.map((item, i) => {
    const day = days[i]!;
    const divider = i === 0 || day !== days[i - 1];
    return (
      <Fragment key={`${item.kind}-${item.id}`}>
        {divider && (
          <div role="separator" aria-label={label(day)} className="flex justify-center py-1">
            <span className="rounded-md bg-white/90 px-3 py-1 text-xs font-medium text-gray-700 shadow-xs">
              {label(day)}
            </span>
          </div>
        )}
        <MessageBubble item={item} />
      </Fragment>
    );
  });
}
