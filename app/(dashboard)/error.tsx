"use client";
import { LazyErrorPage } from "@/components/errors/lazy-error-page";

/** A dashboard page failed: shown inside the shell, whose navigation still works. */
export default function DashboardError({ error, retry }: { error: unknown; retry: () => void }) {
  return <LazyErrorPage error={error} retry={retry} back="dashboard" />;
}
