"use client";
import { ErrorPage } from "@/components/errors/error-page";

/** A dashboard page failed: shown inside the shell, whose navigation still works. */
export default function DashboardError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorPage error={error} retry={retry} back="dashboard" />;
}
