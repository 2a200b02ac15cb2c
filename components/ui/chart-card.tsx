import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

/** A chart with its data as a table (for screen readers and exact numbers) and a CSV export. */
export function ChartCard({
  title,
  description,
  chart,
  table,
  exportHref,
}: {
  title: string;
  description?: string;
  chart: ReactNode;
  table: ReactNode;
  exportHref?: string;
}) {
  const t = useTranslations("common");
  return (
    <Card className="p-5">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 className="font-semibold">{title}</h3>
          {description && <p className="mt-0.5 text-sm text-muted">{description}</p>}
        </div>
        {exportHref && (
          <a href={exportHref} download className="text-sm font-medium text-brand-700 underline">
            {t.rich("exportCsv", { title, hidden: (chunks) => <span className="sr-only">{chunks}</span> })}
          </a>
        )}
      </div>
      <div className="mt-4">{chart}</div>
      <details className="mt-3">
        <summary className="cursor-pointer text-sm font-medium text-brand-700">
          {t.rich("showTable", { title, hidden: (chunks) => <span className="sr-only">{chunks}</span> })}
        </summary>
        <div className="mt-2 max-h-96 overflow-auto">{table}</div>
      </details>
    </Card>
  );
}
