import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Button } from "./button";

/** A GET form of filters for a list page: the fields, a Filter button, and a way back to everything. */
export function FilterForm({
  label,
  clearHref,
  filtered,
  children,
}: {
  label: string;
  clearHref: string;
  filtered: boolean;
  children: ReactNode;
}) {
  const t = useTranslations("common.filter");
  return (
    <form role="search" aria-label={label} className="mb-4 flex flex-wrap items-end gap-3">
      {children}
      <Button type="submit" variant="secondary">
        {t("submit")}
      </Button>
      {filtered && (
        <Link href={clearHref} className="pb-2 text-sm text-brand-700 underline">
          {t("clear")}
        </Link>
      )}
    </form>
  );
}
