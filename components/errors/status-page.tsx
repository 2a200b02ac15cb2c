// The one look of Parley's 404 and error pages (app/**/not-found.tsx, error.tsx, global-error.tsx): an icon,
// a title, a sentence that says what to do, and a way on. Inside the dashboard it sits in the shell, whose
// <main> and navigation are already there; elsewhere it is a whole page with the product's mark, so a
// person who lands on it still knows where they are. No hooks, so both server and client boundaries use it.
import type { LucideIcon } from "lucide-react";
import { BrandMark } from "@/components/ui/brand-mark";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { cn } from "@/lib/utils";

export function StatusPage({
  icon: Icon,
  tone = "brand",
  title,
  children,
  actions,
  standalone = false,
}: {
  icon: LucideIcon;
  /** Brand green for "not here", amber for "something broke". */
  tone?: "brand" | "warning";
  title: string;
  /** The helpful sentence (and, for errors, the reference to quote). */
  children: ReactNode;
  /** Links or buttons that lead on. */
  actions: ReactNode;
  /** Outside the dashboard shell: its own <main> and the product's mark. */
  standalone?: boolean;
}) {
  const card = (
    <Card className="mx-auto flex w-full max-w-lg flex-col items-center px-6 py-10 text-center sm:px-10">
      <div
        className={cn(
          "mb-4 rounded-full p-3",
          tone === "brand" ? "bg-brand-50 text-brand-600" : "bg-amber-50 text-amber-700",
        )}
        aria-hidden
      >
        <Icon className="size-7" />
      </div>
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      <div className="mt-2 max-w-md space-y-2 text-sm text-muted">{children}</div>
      <div className="mt-8 flex flex-wrap items-center justify-center gap-3">{actions}</div>
    </Card>
  );
  if (!standalone) return <div className="py-6 sm:py-12">{card}</div>;
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-8 bg-canvas px-4 py-12">
      <p className="flex items-center gap-2 text-lg font-semibold tracking-tight">
        <BrandMark />
        Parley
      </p>
      {card}
    </main>
  );
}
