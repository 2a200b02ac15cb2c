"use client";
import { LazyErrorPage } from "@/components/errors/lazy-error-page";

/** A page outside the dashboard and sign-in segments failed (the root layout still stands). */
export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  return <LazyErrorPage standalone error={error} retry={retry} back="dashboard" />;
}
